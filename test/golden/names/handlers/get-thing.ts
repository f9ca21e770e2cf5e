// Handler for GET /things (getThing) in names.yaml.
// This file is yours: specfirst wrote it once and will never overwrite it.
import type { Handlers } from "../generated/operations.js";
import { notImplemented } from "../generated/operations.js";

/**
 * GET /things
 */
export const getThing: Handlers["getThing"] = async (_request, _context) => {
  // TODO: GET /things. Return { status, body } as the contract says; until then the server answers 501.
  return notImplemented("getThing");
};
