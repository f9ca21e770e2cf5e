// Handler for GET /pets/events (petEvents) in petstore.yaml.
// This file is yours: specfirst wrote it once and will never overwrite it.
import type { PetEventsContext, PetEventsRequest, PetEventsResponse } from "../generated/operations.js";
import { followChanges } from "../pet-changes.js";

/**
 * Follow pet changes: each change is checked against the contract before it is sent, and the
 * stream stops when the client goes away (context.signal aborts).
 */
export async function petEvents({ headers }: PetEventsRequest, context: PetEventsContext): Promise<PetEventsResponse> {
  const lastSeen = headers["Last-Event-ID"] === undefined ? undefined : Number(headers["Last-Event-ID"]);
  return { status: 200, body: followChanges(lastSeen, context.signal) };
}
