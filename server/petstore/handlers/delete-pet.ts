// Handler for DELETE /pets/{petId} (deletePet) in petstore.yaml.
// This file is yours: specfirst wrote it once and will never overwrite it.
import type { DeletePetContext, DeletePetRequest, DeletePetResponse } from "../generated/operations.js";
import { petStore } from "../store/index.js";
import { petNotFound } from "../pet-problems.js";
import { publishChange } from "../pet-changes.js";

/**
 * Delete a pet
 *
 * Needs a bearer token (a JWT) with the scope `pets:write`.
 */
export async function deletePet({ params }: DeletePetRequest, context: DeletePetContext): Promise<DeletePetResponse> {
  // One transaction deletes the pet and its photo (store/pets.ts).
  if (!(await (await petStore()).deletePet(params.petId))) return petNotFound(params.petId, context.requestId);
  publishChange("deleted", { petId: params.petId });
  // context.principal is what the bearerAuth verifier returned: { id: string }.
  context.log.info({ petId: params.petId, by: context.principal.id }, "pet deleted");
  return { status: 204 };
}
