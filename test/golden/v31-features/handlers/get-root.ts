// Handler for GET / (getRoot) in v31-features.yaml.
// This file is yours: specfirst wrote it once and will never overwrite it.
import type { GetRootContext, GetRootRequest, GetRootResponse } from "../generated/operations.js";
import { notImplemented } from "../generated/operations.js";

/**
 * Root without operationId
 */
export async function getRoot(
  _request: GetRootRequest,
  _context: GetRootContext,
): Promise<GetRootResponse> {
  // TODO: Root without operationId. Return { status, body } as the contract says; until then the server answers 501.
  return notImplemented("getRoot");
}
