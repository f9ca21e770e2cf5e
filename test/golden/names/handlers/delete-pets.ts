// Handler for DELETE /pets (deletePets) in names.yaml.
// This file is yours: specfirst wrote it once and will never overwrite it.
import type {
  DeletePetsContext,
  DeletePetsRequest,
  DeletePetsResponse,
} from "../generated/operations.js";
import { notImplemented } from "../generated/operations.js";

/**
 * DELETE /pets
 */
export async function deletePets(
  _request: DeletePetsRequest,
  _context: DeletePetsContext,
): Promise<DeletePetsResponse> {
  // TODO: DELETE /pets. Return { status, body } as the contract says; until then the server answers 501.
  return notImplemented("deletePets");
}
