// Handler for PUT /pets (bearerVerifier) in names.yaml.
// This file is yours: specfirst wrote it once and will never overwrite it.
import type { Handlers } from "../generated/operations.js";
import { notImplemented } from "../generated/operations.js";

/**
 * PUT /pets
 */
export const bearerVerifier: Handlers["bearerVerifier"] = async (_request, _context) => {
  // TODO: PUT /pets. Return { status, body } as the contract says; until then the server answers 501.
  return notImplemented("bearerVerifier");
};
