// The contract's security, enforced before anything else happens to a request (no body is parsed
// for a caller who is not allowed): OR between requirement objects, AND inside one, `{}` or `[]`
// for public. 401 with a WWW-Authenticate challenge when credentials are missing or refused, 403
// when valid but not enough. The principal goes to the handler; only its id goes to the logs;
// credentials go nowhere. Requirements are resolved once per route at start-up.
import type { ApiDefinition, RouteBinding, SecuritySchemeBinding } from '../api.js';
import { SecurityError } from '../errors.js';
import { extractCredential, type CredentialSource } from './credentials.js';

const VERDICT = Symbol.for('specfirst.verdict');

interface Verdict {
  [VERDICT]: 'allow' | 'deny' | 'forbid';
  principal?: unknown;
  scopes?: readonly string[];
  reason?: string;
  stub?: true;
}

interface Need {
  key: string;
  scheme: SecuritySchemeBinding;
  scopes: readonly string[];
}

/** One operation's security, resolved at start-up. */
export interface SecurityPlan {
  /** Requirement objects with schemes, in the contract's order (OR between them, AND inside). */
  requirements: Need[][];
  /** `{}` is one of the alternatives: anyone may call, a valid credential still yields a principal. */
  optional: boolean;
  realm: string;
  mock: boolean;
}

/** Who the caller is, for the handler (`principal`) and the log (`id`). */
export interface Admitted {
  principal: unknown;
  id: string | undefined;
}

const NOBODY: Admitted = { principal: undefined, id: undefined };

export function planSecurity(api: ApiDefinition, route: RouteBinding, { mock }: { mock: boolean }): SecurityPlan | null {
  if (!route.security || route.security.length === 0) return null;
  const requirements = route.security.map((requirement) => Object.entries(requirement).map(([key, scopes]) => ({ key, scopes, scheme: schemeOf(api, key) })));
  const withSchemes = requirements.filter((r) => r.length > 0);
  const optional = withSchemes.length < requirements.length;
  if (withSchemes.length === 0) return null;
  return { requirements: withSchemes, optional, realm: realm(api), mock };
}

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

function schemeOf(api: ApiDefinition, key: string): SecuritySchemeBinding {
  const scheme = api.securitySchemes?.[key];
  if (!scheme) throw new Error(`${api.name}: security requirement names "${key}", which is not in components/securitySchemes`);
  return scheme;
}

function uniqueNeeds(requirements: Need[][]): SecuritySchemeBinding[] {
  return [...new Map(requirements.flat().map((n) => [n.key, n.scheme])).values()];
}

const realm = (api: ApiDefinition): string => api.title.replace(/["\\]/g, '');

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
