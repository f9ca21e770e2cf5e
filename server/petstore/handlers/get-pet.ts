// Handler for GET /pets/{petId} (getPet) in petstore.yaml.
// This file is yours: specfirst wrote it once and will never overwrite it.
import type { GetPetContext, GetPetRequest, GetPetResponse } from "../generated/operations.js";
import { petStore } from "../store/index.js";
import { petNotFound } from "../pet-problems.js";

/**
 * Get a pet by id
 */
export async function getPet({ params, cookies }: GetPetRequest, context: GetPetContext): Promise<GetPetResponse> {
  const pet = await (await petStore()).getPet(params.petId);
  if (!pet) return petNotFound(params.petId, context.requestId);
  return { status: 200, body: cookies.view === "compact" ? { ...pet, tags: [] } : pet };
}
