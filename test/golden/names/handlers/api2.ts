// Handler for POST /handlers (api) in names.yaml.
// This file is yours: specfirst wrote it once and will never overwrite it.
import type { Api2Context, Api2Request, Api2Response } from "../generated/operations.js";
import { notImplemented } from "../generated/operations.js";

/**
 * POST /handlers
 */
export async function api2(_request: Api2Request, _context: Api2Context): Promise<Api2Response> {
  // TODO: POST /handlers. Return { status, body } as the contract says; until then the server answers 501.
  return notImplemented("api2");
}
