// Verifier for the "apiKey" security scheme (API key in header X-API-Key) in petstore.yaml.
// This file is yours: specfirst wrote it once and will never overwrite it.
import { timingSafeEqual } from "node:crypto";
import { allow, deny, type Verifier } from "../generated/security.js";

/** The example's one key: set PETSTORE_API_KEY to change it. */
const EXAMPLE_KEY = process.env.PETSTORE_API_KEY ?? "specfirst-example-key";

/**
 * API key in header X-API-Key: is this credential valid, and who is it?
 */
export const apiKey = (async ({ value }) => {
  const given = Buffer.from(value);
  const expected = Buffer.from(EXAMPLE_KEY);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return deny("unknown API key");
  return allow({ id: "example-client" });
}) satisfies Verifier<"apiKey">;
