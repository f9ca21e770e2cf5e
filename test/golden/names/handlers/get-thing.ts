// Handler for GET /things (getThing) in names.yaml.
// This file is yours: specfirst wrote it once and will never overwrite it.
import type {
  GetThingContext,
  GetThingRequest,
  GetThingResponse,
} from "../generated/operations.js";
import { notImplemented } from "../generated/operations.js";

/**
 * GET /things
 */
export async function getThing(
  _request: GetThingRequest,
  _context: GetThingContext,
): Promise<GetThingResponse> {
  // TODO: GET /things. Return { status, body } as the contract says; until then the server answers 501.
  return notImplemented("getThing");
}
