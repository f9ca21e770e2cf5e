// Handler for GET /pets (listPets) in names.yaml.
// This file is yours: specfirst wrote it once and will never overwrite it.
import type {
  ListPetsContext,
  ListPetsRequest,
  ListPetsResponse,
} from "../generated/operations.js";
import { notImplemented } from "../generated/operations.js";

/**
 * GET /pets
 */
export async function listPets(
  _request: ListPetsRequest,
  _context: ListPetsContext,
): Promise<ListPetsResponse> {
  // TODO: GET /pets. Return { status, body } as the contract says; until then the server answers 501.
  return notImplemented("listPets");
}
