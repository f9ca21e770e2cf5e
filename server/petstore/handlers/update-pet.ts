// Handler for PATCH /pets/{petId} (updatePet) in petstore.yaml.
// This file is yours: specfirst wrote it once and will never overwrite it.
import type { UpdatePetContext, UpdatePetRequest, UpdatePetResponse } from "../generated/operations.js";
import { petStore } from "../store/index.js";
import { nameTaken, petNotFound } from "../pet-problems.js";
import { publishChange } from "../pet-changes.js";

/**
 * Update a pet
 *
 * Changes only the fields that are sent; `birthDate: null` clears the birth date.
 */
export async function updatePet({ params, body }: UpdatePetRequest, context: UpdatePetContext): Promise<UpdatePetResponse> {
  const pet = await (await petStore()).updatePet(params.petId, body);
  if (pet === "name-taken") return nameTaken(body.name ?? "", `/pets/${params.petId}`, context.requestId);
  if (!pet) return petNotFound(params.petId, context.requestId);
  publishChange("updated", { petId: pet.id, pet });
  return { status: 200, body: pet };
}
