// Handler for GET /pets (listPets) in petstore.yaml.
// This file is yours: specfirst wrote it once and will never overwrite it.
import type {
  ListPetsContext,
  ListPetsRequest,
  ListPetsResponse,
} from "../generated/operations.js";
import { notImplemented } from "../generated/operations.js";

/**
 * List pets
 *
 * Returns pets in creation order, a page at a time. The total is in `X-Total-Count`.
 */
export async function listPets(
  _request: ListPetsRequest,
  _context: ListPetsContext,
): Promise<ListPetsResponse> {
  // TODO: List pets. Return { status, body } as the contract says; until then the server answers 501.
  return notImplemented("listPets");
}
