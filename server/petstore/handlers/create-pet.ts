// Handler for POST /pets (createPet) in petstore.yaml.
// This file is yours: specfirst wrote it once and will never overwrite it.
import type { CreatePetContext, CreatePetRequest, CreatePetResponse } from "../generated/operations.js";
import * as store from "../example-store.js";
import { publishChange } from "../pet-changes.js";

/**
 * Create a pet
 */
export async function createPet({ body }: CreatePetRequest, _context: CreatePetContext): Promise<CreatePetResponse> {
  const pet = store.createPet(body);
  publishChange("created", { petId: pet.id, pet });
  return { status: 201, headers: { Location: `/pets/${pet.id}` }, body: pet };
}
