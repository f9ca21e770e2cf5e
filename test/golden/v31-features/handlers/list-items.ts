// Handler for GET /items (listItems) in v31-features.yaml.
// This file is yours: specfirst wrote it once and will never overwrite it.
import type {
  ListItemsContext,
  ListItemsRequest,
  ListItemsResponse,
} from "../generated/operations.js";
import { notImplemented } from "../generated/operations.js";

/**
 * GET /items
 *
 * Lists items.
 * Two lines of description, with a *\/ inside.
 */
export async function listItems(
  _request: ListItemsRequest,
  _context: ListItemsContext,
): Promise<ListItemsResponse> {
  // TODO: GET /items. Return { status, body } as the contract says; until then the server answers 501.
  return notImplemented("listItems");
}
