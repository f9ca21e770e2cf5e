// Handler for GET /pets/export (exportPets) in petstore.yaml.
// This file is yours: specfirst wrote it once and will never overwrite it.
import type { ExportPetsContext, ExportPetsRequest, ExportPetsResponse } from "../generated/operations.js";
import * as store from "../example-store.js";

/**
 * Export every pet, one per line (JSON Lines): any iterable or async iterable of pets will do;
 * each is checked against the contract before it is sent.
 */
export async function exportPets(_request: ExportPetsRequest, _context: ExportPetsContext): Promise<ExportPetsResponse> {
  return { status: 200, body: store.listPets({}) };
}
