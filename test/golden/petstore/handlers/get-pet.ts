// Handler for GET /pets/{petId} (getPet) in petstore.yaml.
// This file is yours: specfirst wrote it once and will never overwrite it.
import type { Handlers } from "../generated/operations.js";
import { notImplemented } from "../generated/operations.js";

/**
 * Get a pet by id
 */
export const getPet: Handlers["getPet"] = async (_request, _context) => {
  // TODO: Get a pet by id. Return { status, body } as the contract says; until then the server answers 501.
  return notImplemented("getPet");
};
