// Handler for POST /pets (createPet) in petstore.yaml.
// This file is yours: specfirst wrote it once and will never overwrite it.
import type { CreatePetContext, CreatePetRequest, CreatePetResponse } from "../generated/operations.js";
import { petStore } from "../store/index.js";
import { nameTaken, storeFull } from "../pet-problems.js";
import { publishChange } from "../pet-changes.js";

/**
 * Create a pet
 *
 * A pet's name is unique within its species; a second cat named Tom is answered with 409. The
 * example keeps at most 1,000 pets; past that it answers 507.
 */
export async function createPet({ body }: CreatePetRequest, context: CreatePetContext): Promise<CreatePetResponse> {
  const store = await petStore();
  const pet = await store.createPet(body);
  if (pet === "name-taken") return nameTaken(body.name, "/pets", context.requestId);
  if (pet === "full") return storeFull(store.maxPets, context.requestId);
  publishChange("created", { petId: pet.id, pet });
  return { status: 201, headers: { Location: `/pets/${pet.id}` }, body: pet };
}
