// Handler for DELETE /handlers (Handlers) in names.yaml.
// This file is yours: specfirst wrote it once and will never overwrite it.
import type {
  Handlers2Context,
  Handlers2Request,
  Handlers2Response,
} from "../generated/operations.js";
import { notImplemented } from "../generated/operations.js";

/**
 * DELETE /handlers
 */
export async function Handlers2(
  _request: Handlers2Request,
  _context: Handlers2Context,
): Promise<Handlers2Response> {
  // TODO: DELETE /handlers. Return { status, body } as the contract says; until then the server answers 501.
  return notImplemented("Handlers2");
}
