// Handler for GET /items/{id}/image (getItemImage) in v31-features.yaml.
// This file is yours: specfirst wrote it once and will never overwrite it.
import type {
  GetItemImageContext,
  GetItemImageRequest,
  GetItemImageResponse,
} from "../generated/operations.js";
import { notImplemented } from "../generated/operations.js";

/**
 * GET /items/{id}/image
 */
export async function getItemImage(
  _request: GetItemImageRequest,
  _context: GetItemImageContext,
): Promise<GetItemImageResponse> {
  // TODO: GET /items/{id}/image. Return { status, body } as the contract says; until then the server answers 501.
  return notImplemented("getItemImage");
}
