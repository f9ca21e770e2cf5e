// Handler for GET /things/{user-id} (delete) in names.yaml.
// This file is yours: specfirst wrote it once and will never overwrite it.
import type { DeleteContext, DeleteRequest, DeleteResponse } from "../generated/operations.js";
import { notImplemented } from "../generated/operations.js";

/**
 * GET /things/{user-id}
 */
export async function delete_(
  _request: DeleteRequest,
  _context: DeleteContext,
): Promise<DeleteResponse> {
  // TODO: GET /things/{user-id}. Return { status, body } as the contract says; until then the server answers 501.
  return notImplemented("delete_");
}
