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
 */
export async function createPet(
  _request: CreatePetRequest,
  _context: CreatePetContext,
): Promise<CreatePetResponse> {
  // TODO: Create a pet. Return { status, body } as the contract says; until then the server answers 501.
  return notImplemented("createPet");
}
