// Handler for POST /pets (createPet) in petstore.yaml.
// This file is yours: specfirst wrote it once and will never overwrite it.
import type { Handlers } from "../generated/operations.js";
import * as store from "../example-store.js";

/**
 * Create a pet
 */
export const createPet: Handlers["createPet"] = async ({ body }) => {
  const pet = store.createPet(body);
  return { status: 201, headers: { Location: `/pets/${pet.id}` }, body: pet };
};
