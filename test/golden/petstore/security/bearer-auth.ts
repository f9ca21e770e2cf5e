// Verifier for the "bearerAuth" security scheme (HTTP bearer (JWT)) in petstore.yaml.
// This file is yours: specfirst wrote it once and will never overwrite it. Until you change it,
// every request that needs this scheme is refused with 401 (mock mode lets them through).
import { notVerified, type Verifier } from "../generated/security.js";

/**
 * HTTP bearer (JWT): is this credential valid, and who is it?
 *
 * An HS256 JWT; `npm run example:token` prints one with the scope pets:write.
 *
 * Return `allow(principal)` (with the granted scopes, to have the server check the required ones), `deny()` for 401 or `forbid()` for 403.
 */
export const bearerAuth = (async ({ token }, { scopes }) => {
  // TODO: check the credential (and `scopes`, the ones this operation requires). Until then: refused.
  return notVerified("bearerAuth");
}) satisfies Verifier<"bearerAuth">;
