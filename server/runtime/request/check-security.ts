// The contract's security, enforced before anything else happens to a request (no body is parsed
// for a caller who is not allowed), as the operation's security plan says (plan/security.ts). 401
// with a WWW-Authenticate challenge when credentials are missing or refused, 403 when valid but
// not enough. The principal goes to the handler; only its id goes to the logs; credentials go nowhere.
import type { SecuritySchemeBinding } from '../api.js';
import { SecurityError } from '../errors.js';
import type { Need, SecurityPlan } from '../plan/security.js';
import { extractCredential, type CredentialSource } from './credentials.js';

const VERDICT = Symbol.for('specfirst.verdict');

interface Verdict {
  [VERDICT]: 'allow' | 'deny' | 'forbid';
  principal?: unknown;
  scopes?: readonly string[];
  reason?: string;
  stub?: true;
}

/** Who the caller is, for the handler (`principal`) and the log (`id`). */
export interface Admitted {
  principal: unknown;
  id: string | undefined;
}

const NOBODY: Admitted = { principal: undefined, id: undefined };

export interface VerifierContext {
  requestId: string;
  readonly log: unknown;
}

/** Admits the caller or throws SecurityError (401 with its challenges, or 403). */
export async function checkSecurity(plan: SecurityPlan, source: CredentialSource, context: VerifierContext): Promise<Admitted> {
  const { requirements, mock } = plan;
  let forbidden: { reason: string; need: Need } | null = null;
  let presented = false;
  // Requirements with schemes come first, so a caller who sends valid credentials gets a
  // principal even where a public alternative (`{}`) exists.
  for (const requirement of requirements) {
    const principals: Record<string, unknown> = {};
    let satisfied = true;
    for (const need of requirement) {
      const credential = extractCredential(source, need.scheme);
      if (credential === null) {
        satisfied = false;
        break;
      }
      presented = true;
      if (credential === 'malformed') {
        satisfied = false;
        break;
      }
      let verdict = (await need.scheme.verify(credential, { scopes: need.scopes }, context)) as Verdict;
      if (mock && verdict?.stub) verdict = { [VERDICT]: 'allow', principal: { mock: true, scheme: need.key } };
      const kind = verdict?.[VERDICT];
      if (kind === 'allow') {
        const missing = verdict.scopes ? need.scopes.filter((s) => !verdict.scopes!.includes(s)) : [];
        if (missing.length > 0) {
          forbidden ??= { reason: `missing scope${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`, need };
          satisfied = false;
          break;
        }
        principals[need.key] = verdict.principal;
      } else {
        if (kind === 'forbid') forbidden ??= { reason: verdict.reason ?? 'not allowed', need };
        satisfied = false;
        break;
      }
    }
    if (satisfied) {
      const principal = principals[requirement[0]!.key];
      return { principal, id: principalId(principal) };
    }
  }
  if (plan.optional) return NOBODY;
  if (forbidden) {
    const bearerLike = forbidden.need.scheme.type !== 'apiKey' && forbidden.need.scheme.scheme !== 'basic';
    const challenge = bearerLike ? `Bearer realm="${plan.realm}", error="insufficient_scope", scope="${forbidden.need.scopes.join(' ')}"` : undefined;
    throw new SecurityError(403, `Not allowed: ${forbidden.reason}.`, challenge);
  }
  const schemes = uniqueNeeds(requirements);
  const detail = `${presented ? 'The credentials were not accepted' : 'Credentials are required'}; this operation accepts ${requirements.map((r) => r.map((n) => describe(n.scheme)).join(' and ')).join(', or ')}.`;
  throw new SecurityError(401, detail, challenges(plan.realm, schemes, presented));
}

function uniqueNeeds(requirements: Need[][]): SecuritySchemeBinding[] {
  return [...new Map(requirements.flat().map((n) => [n.key, n.scheme])).values()];
}

/** One challenge per scheme the operation accepts (RFC 9110 §11.6.1; RFC 6750 for bearer). */
function challenges(realm: string, schemes: SecuritySchemeBinding[], presented: boolean): string {
  const out = new Set<string>();
  for (const s of schemes) {
    if (s.type === 'apiKey') out.add(`ApiKey realm="${realm}", in="${s.in}", name="${s.name}"`);
    else if (s.type === 'http' && s.scheme === 'basic') out.add(`Basic realm="${realm}", charset="UTF-8"`);
    else if (s.type === 'http' && s.scheme && s.scheme !== 'bearer') out.add(`${s.scheme.charAt(0).toUpperCase()}${s.scheme.slice(1)} realm="${realm}"`);
    else if (s.type !== 'mutualTLS') out.add(`Bearer realm="${realm}"${presented ? ', error="invalid_token"' : ''}`);
  }
  return [...out].join(', ');
}

function describe(s: SecuritySchemeBinding): string {
  if (s.type === 'apiKey') return `an API key in ${s.in} ${s.name}`;
  if (s.type === 'http') return `HTTP ${s.scheme} authentication`;
  if (s.type === 'mutualTLS') return 'a client certificate';
  return 'a bearer token';
}

/** An id to log for the principal, never the principal itself (it may hold claims or secrets). */
function principalId(principal: unknown): string | undefined {
  if (typeof principal === 'string' || typeof principal === 'number') return String(principal);
  if (typeof principal !== 'object' || principal === null) return undefined;
  const p = principal as Record<string, unknown>;
  const id = p.id ?? p.sub ?? p.username ?? p.name;
  return typeof id === 'string' || typeof id === 'number' ? String(id) : undefined;
}
