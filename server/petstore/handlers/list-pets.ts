// Handler for GET /pets (listPets) in petstore.yaml.
// This file is yours: specfirst wrote it once and will never overwrite it.
import type { ListPetsContext, ListPetsRequest, ListPetsResponse } from "../generated/operations.js";
import { petStore } from "../store/index.js";

/**
 * List pets
 *
 * Returns pets in creation order, a page at a time. The total is in `X-Total-Count`.
 */
export async function listPets({ query }: ListPetsRequest, _context: ListPetsContext): Promise<ListPetsResponse> {
  // The database counts the matching pets and returns one page (LIMIT/OFFSET): nothing else is loaded.
  const { total, pets } = await (await petStore()).listPets({ species: query.species, tags: query.tags }, query);
  return { status: 200, headers: { "X-Total-Count": total }, body: pets };
}
