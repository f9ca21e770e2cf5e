// Handler for POST /pets (createPet) in petstore.yaml.
// This file is yours: specfirst wrote it once and will never overwrite it.
import type {
  CreatePetContext,
  CreatePetRequest,
  CreatePetResponse,
} from "../generated/operations.js";
import { notImplemented } from "../generated/operations.js";

/**
 * Create a pet
 *
 * A pet's name is unique within its species; a second cat named Tom is answered with 409. The example keeps at most 1,000 pets; past that it answers 507.
 */
export async function createPet(
  _request: CreatePetRequest,
  _context: CreatePetContext,
): Promise<CreatePetResponse> {
  // TODO: Create a pet. Return { status, body } as the contract says; until then the server answers 501.
  return notImplemented("createPet");
}
