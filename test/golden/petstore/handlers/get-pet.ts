// Handler for GET /pets/{petId} (getPet) in petstore.yaml.
// This file is yours: specfirst wrote it once and will never overwrite it.
import type { GetPetContext, GetPetRequest, GetPetResponse } from "../generated/operations.js";
import { notImplemented } from "../generated/operations.js";

/**
 * Get a pet by id
 */
export async function getPet(
  _request: GetPetRequest,
  _context: GetPetContext,
): Promise<GetPetResponse> {
  // TODO: Get a pet by id. Return { status, body } as the contract says; until then the server answers 501.
  return notImplemented("getPet");
}
