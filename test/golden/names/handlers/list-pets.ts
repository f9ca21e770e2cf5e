// Handler for GET /pets (listPets) in names.yaml.
// This file is yours: specfirst wrote it once and will never overwrite it.
import type { Handlers } from "../generated/operations.js";
import { notImplemented } from "../generated/operations.js";

/**
 * GET /pets
 */
export const listPets: Handlers["listPets"] = async (_request, _context) => {
  // TODO: GET /pets. Return { status, body } as the contract says; until then the server answers 501.
  return notImplemented("listPets");
};
