// Handler for POST /things (get_thing) in names.yaml.
// This file is yours: specfirst wrote it once and will never overwrite it.
import type {
  GetThing2Context,
  GetThing2Request,
  GetThing2Response,
} from "../generated/operations.js";
import { notImplemented } from "../generated/operations.js";

/**
 * POST /things
 */
export async function get_thing2(
  _request: GetThing2Request,
  _context: GetThing2Context,
): Promise<GetThing2Response> {
  // TODO: POST /things. Return { status, body } as the contract says; until then the server answers 501.
  return notImplemented("get_thing2");
}
