// Handler for DELETE /pets/{petId} (deletePet) in petstore.yaml.
// This file is yours: specfirst wrote it once and will never overwrite it.
import type {
  DeletePetContext,
  DeletePetRequest,
  DeletePetResponse,
} from "../generated/operations.js";
import { notImplemented } from "../generated/operations.js";

/**
 * Delete a pet
 *
 * Needs a bearer token (a JWT) with the scope `pets:write`.
 */
export async function deletePet(
  _request: DeletePetRequest,
  _context: DeletePetContext,
): Promise<DeletePetResponse> {
  // TODO: Delete a pet. Return { status, body } as the contract says; until then the server answers 501.
  return notImplemented("deletePet");
}
