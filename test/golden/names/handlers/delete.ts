// Handler for GET /things/{user-id} (delete) in names.yaml.
// This file is yours: specfirst wrote it once and will never overwrite it.
import type { Handlers } from "../generated/operations.js";
import { notImplemented } from "../generated/operations.js";

/**
 * GET /things/{user-id}
 */
export const delete_: Handlers["delete_"] = async (_request, _context) => {
  // TODO: GET /things/{user-id}. Return { status, body } as the contract says; until then the server answers 501.
  return notImplemented("delete_");
};
