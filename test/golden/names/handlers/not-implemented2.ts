// Handler for PUT /handlers (notImplemented) in names.yaml.
// This file is yours: specfirst wrote it once and will never overwrite it.
import type {
  NotImplemented2Context,
  NotImplemented2Request,
  NotImplemented2Response,
} from "../generated/operations.js";
import { notImplemented } from "../generated/operations.js";

/**
 * PUT /handlers
 */
export async function notImplemented2(
  _request: NotImplemented2Request,
  _context: NotImplemented2Context,
): Promise<NotImplemented2Response> {
  // TODO: PUT /handlers. Return { status, body } as the contract says; until then the server answers 501.
  return notImplemented("notImplemented2");
}
