// Handler for PATCH /pets/{petId} (updatePet) in petstore.yaml.
// This file is yours: specfirst wrote it once and will never overwrite it.
import type {
  UpdatePetContext,
  UpdatePetRequest,
  UpdatePetResponse,
} from "../generated/operations.js";
import { notImplemented } from "../generated/operations.js";

/**
 * Update a pet
 *
 * Changes only the fields that are sent; `birthDate: null` clears the birth date.
 */
export async function updatePet(
  _request: UpdatePetRequest,
  _context: UpdatePetContext,
): Promise<UpdatePetResponse> {
  // TODO: Update a pet. Return { status, body } as the contract says; until then the server answers 501.
  return notImplemented("updatePet");
}
