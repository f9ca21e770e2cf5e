// Handler for POST /things (get_thing) in names.yaml.
// This file is yours: specfirst wrote it once and will never overwrite it.
import type { Handlers } from "../generated/operations.js";
import { notImplemented } from "../generated/operations.js";

/**
 * POST /things
 */
export const get_thing2: Handlers["get_thing2"] = async (_request, _context) => {
  // TODO: POST /things. Return { status, body } as the contract says; until then the server answers 501.
  return notImplemented("get_thing2");
};
