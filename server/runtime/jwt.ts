// Opt-in help for the common bearer case: verify a JWT with jose (HS256 with a shared secret, or
// RS256/ES256 with a JWKS from a local file or a URL) and read its scopes. Returns the claims or
// null; the verifier decides what to allow. Never a hand-written JWT parser.
import { readFileSync } from 'node:fs';
import type { JWTPayload, jwtVerify } from 'jose';

/** jose is loaded by the first verification, not at start-up (loading it cost ~45 ms). */
let jose: Promise<typeof import('jose')> | undefined;
const loadJose = (): Promise<typeof import('jose')> => (jose ??= import('jose'));

export type JwtOptions = { issuer?: string; audience?: string } & (
  | { secret: string }
  | { jwksFile: string }
  | { jwksUrl: string }
);

type Key = Parameters<typeof jwtVerify>[1];
const keys = new Map<string, Key>();

function keyFor({ createLocalJWKSet, createRemoteJWKSet }: typeof import('jose'), options: JwtOptions): Key {
  const id = 'secret' in options ? `secret:${options.secret}` : 'jwksFile' in options ? `file:${options.jwksFile}` : `url:${options.jwksUrl}`;
  let key = keys.get(id);
  if (!key) {
    if ('secret' in options) key = new TextEncoder().encode(options.secret);
    else if ('jwksFile' in options) key = createLocalJWKSet(JSON.parse(readFileSync(options.jwksFile, 'utf8'))) as Key;
    else key = createRemoteJWKSet(new URL(options.jwksUrl)) as Key;
    keys.set(id, key);
  }
  return key;
}

/** The token's claims if its signature, expiry, issuer and audience check out; else null. */
export async function verifyJwt(token: string, options: JwtOptions): Promise<JWTPayload | null> {
  try {
    const jose = await loadJose();
    const algorithms = 'secret' in options ? ['HS256', 'HS384', 'HS512'] : ['RS256', 'RS384', 'RS512', 'PS256', 'ES256', 'ES384', 'EdDSA'];
    const { payload } = await jose.jwtVerify(token, keyFor(jose, options), {
      algorithms,
      ...(options.issuer ? { issuer: options.issuer } : {}),
      ...(options.audience ? { audience: options.audience } : {}),
    });
    return payload;
  } catch {
    return null;
  }
}

/** Scopes from `scope` (space-separated, RFC 8693) or `scp` (an array, as some issuers use). */
export function scopesOf(claims: JWTPayload): string[] {
  if (typeof claims.scope === 'string') return claims.scope.split(' ').filter(Boolean);
  if (Array.isArray(claims.scp)) return claims.scp.filter((s): s is string => typeof s === 'string');
  return [];
}
