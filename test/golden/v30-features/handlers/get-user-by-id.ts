// Handler for GET /users/{user-id} (get-user.by id) in v30-features.yaml.
// This file is yours: specfirst wrote it once and will never overwrite it.
import type {
  GetUserByIdContext,
  GetUserByIdRequest,
  GetUserByIdResponse,
} from "../generated/operations.js";
import { notImplemented } from "../generated/operations.js";

/**
 * Get a user
 */
export async function getUserById(
  _request: GetUserByIdRequest,
  _context: GetUserByIdContext,
): Promise<GetUserByIdResponse> {
  // TODO: Get a user. Return { status, body } as the contract says; until then the server answers 501.
  return notImplemented("getUserById");
}
