// Verifier for the "bearerAuth" security scheme (HTTP bearer (JWT)) in petstore.yaml.
// This file is yours: specfirst wrote it once and will never overwrite it.
import { allow, deny, type Verifier } from "../generated/security.js";
import { scopesOf, verifyJwt } from "@specfirst/runtime";
import { EXAMPLE_ISSUER, exampleSecret } from "../example-token.js";

/**
 * HTTP bearer (JWT): an HS256 token from the example's issuer. The server checks the scopes the
 * operation requires (pets:write for DELETE) against the ones the token grants.
 */
export const bearerAuth = (async ({ token }) => {
  const claims = await verifyJwt(token, { secret: exampleSecret(), issuer: EXAMPLE_ISSUER });
  if (!claims) return deny("invalid or expired token");
  return allow({ id: claims.sub ?? "unknown" }, scopesOf(claims));
}) satisfies Verifier<"bearerAuth">;
