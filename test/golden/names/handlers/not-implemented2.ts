// Handler for PUT /handlers (notImplemented) in names.yaml.
// This file is yours: specfirst wrote it once and will never overwrite it.
import type { Handlers } from "../generated/operations.js";
import { notImplemented } from "../generated/operations.js";

/**
 * PUT /handlers
 */
export const notImplemented2: Handlers["notImplemented2"] = async (_request, _context) => {
  // TODO: PUT /handlers. Return { status, body } as the contract says; until then the server answers 501.
  return notImplemented("notImplemented2");
};
