// Handler for GET /pets (listPets) in petstore.yaml.
// This file is yours: specfirst wrote it once and will never overwrite it.
import type { ListPetsContext, ListPetsRequest, ListPetsResponse } from "../generated/operations.js";
import * as store from "../example-store.js";

/**
 * List pets
 *
 * Returns pets in creation order, a page at a time. The total is in `X-Total-Count`.
 */
export async function listPets({ query }: ListPetsRequest, _context: ListPetsContext): Promise<ListPetsResponse> {
  const matching = store.listPets({ species: query.species, tags: query.tags });
  return {
    status: 200,
    headers: { "X-Total-Count": matching.length },
    body: matching.slice(query.offset, query.offset + query.limit),
  };
}
