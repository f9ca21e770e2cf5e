// Handler for GET /users/{user-id} (get-user.by id) in v30-features.yaml.
// This file is yours: specfirst wrote it once and will never overwrite it.
import type { Handlers } from "../generated/operations.js";
import { notImplemented } from "../generated/operations.js";

/**
 * Get a user
 */
export const getUserById: Handlers["getUserById"] = async (_request, _context) => {
  // TODO: Get a user. Return { status, body } as the contract says; until then the server answers 501.
  return notImplemented("getUserById");
};
