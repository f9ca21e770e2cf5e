// Handler for PUT /users/{user-id} (delete) in v30-features.yaml.
// This file is yours: specfirst wrote it once and will never overwrite it.
import type { Handlers } from "../generated/operations.js";
import { notImplemented } from "../generated/operations.js";

/**
 * A reserved word as operationId
 */
export const delete_: Handlers["delete_"] = async (_request, _context) => {
  // TODO: A reserved word as operationId. Return { status, body } as the contract says; until then the server answers 501.
  return notImplemented("delete_");
};
