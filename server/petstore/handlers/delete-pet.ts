// Handler for DELETE /pets/{petId} (deletePet) in petstore.yaml.
// This file is yours: specfirst wrote it once and will never overwrite it.
import type { DeletePetContext, DeletePetRequest, DeletePetResponse } from "../generated/operations.js";
import * as store from "../example-store.js";
import { petNotFound } from "../not-found.js";
import { publishChange } from "../pet-changes.js";

/**
 * Delete a pet
 */
export async function deletePet({ params }: DeletePetRequest, context: DeletePetContext): Promise<DeletePetResponse> {
  if (!store.deletePet(params.petId)) return petNotFound(params.petId, context.requestId);
  publishChange("deleted", { petId: params.petId });
  // context.principal is what the bearerAuth verifier returned: { id: string }.
  context.log.info({ petId: params.petId, by: context.principal.id }, "pet deleted");
  return { status: 204 };
}
