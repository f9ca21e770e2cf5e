// Handler for PUT /users/{user-id} (delete) in v30-features.yaml.
// This file is yours: specfirst wrote it once and will never overwrite it.
import type { DeleteContext, DeleteRequest, DeleteResponse } from "../generated/operations.js";
import { notImplemented } from "../generated/operations.js";

/**
 * A reserved word as operationId
 */
export async function delete_(
  _request: DeleteRequest,
  _context: DeleteContext,
): Promise<DeleteResponse> {
  // TODO: A reserved word as operationId. Return { status, body } as the contract says; until then the server answers 501.
  return notImplemented("delete_");
}
