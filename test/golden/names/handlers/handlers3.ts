// Handler for GET /handlers (handlers) in names.yaml.
// This file is yours: specfirst wrote it once and will never overwrite it.
import type { Handlers } from "../generated/operations.js";
import { notImplemented } from "../generated/operations.js";

/**
 * GET /handlers
 */
export const handlers3: Handlers["handlers3"] = async (_request, _context) => {
  // TODO: GET /handlers. Return { status, body } as the contract says; until then the server answers 501.
  return notImplemented("handlers3");
};
