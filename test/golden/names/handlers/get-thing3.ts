// Handler for PUT /things (get-thing) in names.yaml.
// This file is yours: specfirst wrote it once and will never overwrite it.
import type {
  GetThing3Context,
  GetThing3Request,
  GetThing3Response,
} from "../generated/operations.js";
import { notImplemented } from "../generated/operations.js";

/**
 * PUT /things
 */
export async function getThing3(
  _request: GetThing3Request,
  _context: GetThing3Context,
): Promise<GetThing3Response> {
  // TODO: PUT /things. Return { status, body } as the contract says; until then the server answers 501.
  return notImplemented("getThing3");
}
