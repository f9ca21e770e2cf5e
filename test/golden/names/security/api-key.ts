// Verifier for the "apiKey" security scheme (API key in query key) in names.yaml.
// This file is yours: specfirst wrote it once and will never overwrite it. Until you change it,
// every request that needs this scheme is refused with 401 (mock mode lets them through).
import { notVerified, type Verifier } from "../generated/security.js";

/**
 * API key in query key: is this credential valid, and who is it?
 *
 * Return `allow(principal)` (with the granted scopes, to have the server check the required ones), `deny()` for 401 or `forbid()` for 403.
 */
export const apiKey = (async ({ value }, { scopes }) => {
  // TODO: check the credential (and `scopes`, the ones this operation requires). Until then: refused.
  return notVerified("apiKey");
}) satisfies Verifier<"apiKey">;
