// Handler for PUT /things (get-thing) in names.yaml.
// This file is yours: specfirst wrote it once and will never overwrite it.
import type { Handlers } from "../generated/operations.js";
import { notImplemented } from "../generated/operations.js";

/**
 * PUT /things
 */
export const getThing3: Handlers["getThing3"] = async (_request, _context) => {
  // TODO: PUT /things. Return { status, body } as the contract says; until then the server answers 501.
  return notImplemented("getThing3");
};
