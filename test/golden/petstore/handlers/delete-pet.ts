// Handler for DELETE /pets/{petId} (deletePet) in petstore.yaml.
// This file is yours: specfirst wrote it once and will never overwrite it.
import type { Handlers } from "../generated/operations.js";
import { notImplemented } from "../generated/operations.js";

/**
 * Delete a pet
 *
 * Needs a bearer token (a JWT) with the scope `pets:write`.
 */
export const deletePet: Handlers["deletePet"] = async (_request, _context) => {
  // TODO: Delete a pet. Return { status, body } as the contract says; until then the server answers 501.
  return notImplemented("deletePet");
};
