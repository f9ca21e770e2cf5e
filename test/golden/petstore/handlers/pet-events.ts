// Handler for GET /pets/events (petEvents) in petstore.yaml.
// This file is yours: specfirst wrote it once and will never overwrite it.
import type {
  PetEventsContext,
  PetEventsRequest,
  PetEventsResponse,
} from "../generated/operations.js";
import { notImplemented } from "../generated/operations.js";

/**
 * Follow pet changes
 *
 * Server-Sent Events, one per change (`created`, `updated`, `deleted`), as they happen.
 * A client that reconnects with `Last-Event-ID` first gets the changes it missed (of the
 * last 100).
 */
export async function petEvents(
  _request: PetEventsRequest,
  _context: PetEventsContext,
): Promise<PetEventsResponse> {
  // TODO: Follow pet changes. Return { status, body } as the contract says; until then the server answers 501.
  return notImplemented("petEvents");
}
