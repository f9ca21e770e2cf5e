// Handler for POST /handlers (api) in names.yaml.
// This file is yours: specfirst wrote it once and will never overwrite it.
import type { Handlers } from "../generated/operations.js";
import { notImplemented } from "../generated/operations.js";

/**
 * POST /handlers
 */
export const api2: Handlers["api2"] = async (_request, _context) => {
  // TODO: POST /handlers. Return { status, body } as the contract says; until then the server answers 501.
  return notImplemented("api2");
};
