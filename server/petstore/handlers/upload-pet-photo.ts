// Handler for POST /pets/{petId}/photo (uploadPetPhoto) in petstore.yaml.
// This file is yours: specfirst wrote it once and will never overwrite it.
import type { UploadPetPhotoContext, UploadPetPhotoRequest, UploadPetPhotoResponse } from "../generated/operations.js";
import { petStore } from "../store/index.js";
import { petNotFound } from "../pet-problems.js";

/**
 * Upload a photo of a pet
 */
export async function uploadPetPhoto({ params, body }: UploadPetPhotoRequest, context: UploadPetPhotoContext): Promise<UploadPetPhotoResponse> {
  const photo = body.photo;
  const fileName = photo instanceof File ? photo.name : "photo";
  const saved = await (await petStore()).savePhoto(params.petId, { fileName, contentType: photo.type || "application/octet-stream", size: photo.size, caption: body.caption ?? null });
  if (!saved) return petNotFound(params.petId, context.requestId);
  return { status: 201, body: saved };
}
