// Handler for GET /pets/export (exportPets) in petstore.yaml.
// This file is yours: specfirst wrote it once and will never overwrite it.
import type {
  ExportPetsContext,
  ExportPetsRequest,
  ExportPetsResponse,
} from "../generated/operations.js";
import { notImplemented } from "../generated/operations.js";

/**
 * Export every pet
 *
 * Every pet, one JSON object per line (JSON Lines), sent as it is read.
 */
export async function exportPets(
  _request: ExportPetsRequest,
  _context: ExportPetsContext,
): Promise<ExportPetsResponse> {
  // TODO: Export every pet. Return { status, body } as the contract says; until then the server answers 501.
  return notImplemented("exportPets");
}
