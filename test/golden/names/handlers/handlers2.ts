// Handler for DELETE /handlers (Handlers) in names.yaml.
// This file is yours: specfirst wrote it once and will never overwrite it.
import type { Handlers } from "../generated/operations.js";
import { notImplemented } from "../generated/operations.js";

/**
 * DELETE /handlers
 */
export const Handlers2: Handlers["Handlers2"] = async (_request, _context) => {
  // TODO: DELETE /handlers. Return { status, body } as the contract says; until then the server answers 501.
  return notImplemented("Handlers2");
};
