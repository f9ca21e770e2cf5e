// Handler for POST /pets/{petId}/photo (uploadPetPhoto) in petstore.yaml.
// This file is yours: specfirst wrote it once and will never overwrite it.
import type { UploadPetPhotoContext, UploadPetPhotoRequest, UploadPetPhotoResponse } from "../generated/operations.js";
import * as store from "../example-store.js";
import { petNotFound } from "../not-found.js";

/**
 * Upload a photo of a pet
 */
export async function uploadPetPhoto({ params, body }: UploadPetPhotoRequest, context: UploadPetPhotoContext): Promise<UploadPetPhotoResponse> {
  if (!store.getPet(params.petId)) return petNotFound(params.petId, context.requestId);
  const photo = body.photo;
  const fileName = photo instanceof File ? photo.name : "photo";
  const saved = { fileName, contentType: photo.type || "application/octet-stream", size: photo.size, caption: body.caption ?? null };
  store.savePhoto(params.petId, saved);
  return { status: 201, body: { petId: params.petId, ...saved } };
}
