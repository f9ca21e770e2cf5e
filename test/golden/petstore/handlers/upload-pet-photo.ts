// Handler for POST /pets/{petId}/photo (uploadPetPhoto) in petstore.yaml.
// This file is yours: specfirst wrote it once and will never overwrite it.
import type {
  UploadPetPhotoContext,
  UploadPetPhotoRequest,
  UploadPetPhotoResponse,
} from "../generated/operations.js";
import { notImplemented } from "../generated/operations.js";

/**
 * Upload a photo of a pet
 */
export async function uploadPetPhoto(
  _request: UploadPetPhotoRequest,
  _context: UploadPetPhotoContext,
): Promise<UploadPetPhotoResponse> {
  // TODO: Upload a photo of a pet. Return { status, body } as the contract says; until then the server answers 501.
  return notImplemented("uploadPetPhoto");
}
