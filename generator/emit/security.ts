// The verifier kit of an API: what each scheme's verifier receives (the credential, already taken
// from the request, and the scopes the operation requires) and what it returns (allow with a
// principal, deny → 401, forbid → 403). Imports nothing, of the person's or of other generated
// files: their verifiers import it, and principals.ts infers from their verifiers, so the
// generated modules form no import cycle. Pure: model in, TS out.
// Also the write-once verifier stubs, which deny by default.
import type { ApiModel, SecurityScheme } from '../model/model.js';
import { credentialKind } from '../model/model.js';
import { generatedHeader } from './header.js';
import { commentLine, docComment } from './doc-comment.js';

const CREDENTIAL_TYPES: Record<ReturnType<typeof credentialKind>, string> = {
  apiKey: 'ApiKeyCredential',
  basic: 'BasicCredential',
  bearer: 'BearerCredential',
  http: 'HttpCredential',
  mutualTLS: 'MutualTlsCredential',
};

export function emitSecurity(model: ApiModel, source: string): string {
  const schemes = model.securitySchemes;
  const credentials = schemes.map((s) => `  ${JSON.stringify(s.key)}: ${CREDENTIAL_TYPES[credentialKind(s)]};`);
  return [generatedHeader(source), '', PRELUDE,
    '/** The credential each security scheme of the contract receives. */',
    `export interface Credentials {\n${credentials.join('\n')}\n}`,
    '',
  ].join('\n');
}

const PRELUDE = `/** Anything with the methods of a pino logger; the server passes one bound to the request. */
export interface Logger {
  debug(obj: unknown, msg?: string): void;
  info(obj: unknown, msg?: string): void;
  warn(obj: unknown, msg?: string): void;
  error(obj: unknown, msg?: string): void;
}

/** An API key, from its header, query parameter or cookie. */
export interface ApiKeyCredential {
  readonly value: string;
}

/** HTTP Basic: the decoded user name and password. */
export interface BasicCredential {
  readonly username: string;
  readonly password: string;
}

/** A bearer token (HTTP bearer, OAuth 2, OpenID Connect), without the "Bearer " prefix. */
export interface BearerCredential {
  readonly token: string;
}

/** Another HTTP authentication scheme: the Authorization header's value after the scheme name. */
export interface HttpCredential {
  readonly value: string;
}

/** Mutual TLS: the peer certificate, when the server terminates TLS itself. */
export interface MutualTlsCredential {
  readonly certificate: unknown;
}

/** What the operation being called requires of this scheme. */
export interface Requirement {
  /** Scopes the operation lists for this scheme; empty when it lists none. */
  readonly scopes: readonly string[];
}

export interface VerifierContext {
  readonly requestId: string;
  readonly log: Logger;
}

const VERDICT: unique symbol = Symbol.for("specfirst.verdict");

/** The credential is valid: \`principal\` reaches the handler as \`context.principal\`. */
export interface Allow<P> {
  readonly [VERDICT]: "allow";
  readonly principal: P;
  /** The scopes the credential grants; when given, the server checks the required ones (403). */
  readonly scopes?: readonly string[];
}

/** Missing or invalid credential (401), or valid but not allowed (403). */
export interface Refusal {
  readonly [VERDICT]: "deny" | "forbid";
  readonly reason: string;
  /** Set by stubs that were never written: mock mode lets such requests through. */
  readonly stub?: true;
}

export function allow<P>(principal: P, scopes?: readonly string[]): Allow<P> {
  return scopes ? { [VERDICT]: "allow", principal, scopes } : { [VERDICT]: "allow", principal };
}

/** 401: the credential is missing, malformed, unknown or expired. */
export function deny(reason = "invalid credentials"): Refusal {
  return { [VERDICT]: "deny", reason };
}

/** 403: the credential is valid but does not allow this operation. */
export function forbid(reason = "not allowed"): Refusal {
  return { [VERDICT]: "forbid", reason };
}

/** What a verifier stub returns until it is written: every request is refused with 401. */
export function notVerified(scheme: string): Refusal {
  return { [VERDICT]: "deny", reason: \`the \${scheme} verifier is not written yet\`, stub: true };
}

/** A verifier: is this credential valid, and who is it? */
export type Verifier<K extends keyof Credentials, P = unknown> = (
  credential: Credentials[K],
  required: Requirement,
  context: VerifierContext,
) => Allow<P> | Refusal | Promise<Allow<P> | Refusal>;
`;

export function describe(s: SecurityScheme): string {
  if (s.type === 'apiKey') return `API key in ${s.in} ${s.paramName}`;
  if (s.type === 'http') return `HTTP ${s.scheme}${s.bearerFormat ? ` (${s.bearerFormat})` : ''}`;
  if (s.type === 'oauth2') return 'OAuth 2 bearer token';
  if (s.type === 'openIdConnect') return 'OpenID Connect bearer token';
  return 'mutual TLS';
}

/** The write-once verifier for one scheme: refuses everything until the person writes it. */
export function emitVerifierStub(s: SecurityScheme, source: string): string {
  const what = commentLine(describe(s));
  const args = { apiKey: '{ value }', basic: '{ username, password }', bearer: '{ token }', http: '{ value }', mutualTLS: '{ certificate }' }[credentialKind(s)];
  return [
    `// Verifier for the "${commentLine(s.key)}" security scheme (${what}) in ${source}.`,
    '// This file is yours: specfirst wrote it once and will never overwrite it. Until you change it,',
    '// every request that needs this scheme is refused with 401 (mock mode lets them through).',
    'import { notVerified, type Verifier } from "../generated/security.js";',
    '',
    docComment([`${what}: is this credential valid, and who is it?`, s.description, 'Return `allow(principal)` (with the granted scopes, to have the server check the required ones), `deny()` for 401 or `forbid()` for 403.']),
    `export const ${s.name} = (async (${args}, { scopes }) => {`,
    `  // TODO: check the credential (and \`scopes\`, the ones this operation requires). Until then: refused.`,
    `  return notVerified(${JSON.stringify(s.key)});`,
    `}) satisfies Verifier<${JSON.stringify(s.key)}>;`,
    '',
  ].join('\n');
}
