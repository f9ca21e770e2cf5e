// Handler for GET /pets/export (exportPets) in petstore.yaml.
// This file is yours: specfirst wrote it once and will never overwrite it.
import type { ExportPetsContext, ExportPetsRequest, ExportPetsResponse } from "../generated/operations.js";
import { petStore } from "../store/index.js";

/**
 * Export every pet, one per line (JSON Lines): any iterable or async iterable of pets will do;
 * each is checked against the contract before it is sent.
 */
export async function exportPets(_request: ExportPetsRequest, _context: ExportPetsContext): Promise<ExportPetsResponse> {
  return { status: 200, body: everyPet() };
}

/** Every pet, read from the database a page at a time, so a large table is never held at once. */
async function* everyPet() {
  const store = await petStore();
  for (let offset = 0; ; offset += 100) {
    const { pets } = await store.listPets({}, { offset, limit: 100 });
    yield* pets;
    if (pets.length < 100) return;
  }
}
