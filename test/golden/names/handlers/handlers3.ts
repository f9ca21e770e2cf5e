// Handler for GET /handlers (handlers) in names.yaml.
// This file is yours: specfirst wrote it once and will never overwrite it.
import type {
  Handlers3Context,
  Handlers3Request,
  Handlers3Response,
} from "../generated/operations.js";
import { notImplemented } from "../generated/operations.js";

/**
 * GET /handlers
 */
export async function handlers3(
  _request: Handlers3Request,
  _context: Handlers3Context,
): Promise<Handlers3Response> {
  // TODO: GET /handlers. Return { status, body } as the contract says; until then the server answers 501.
  return notImplemented("handlers3");
}
