// THE EXAMPLE'S CHANGE FEED: every create, update and delete of a pet, numbered, for
// GET /pets/events. The last 100 are kept so that a client reconnecting with Last-Event-ID gets
// what it missed; the rest is forgotten. In-process only: a real API would use its database's
// change feed or a message broker here.
import { EventEmitter, on } from "node:events";
import type { PetChange } from "./generated/types.js";

export type PetChangeKind = "created" | "updated" | "deleted";

export interface PetChangeEvent {
  event: PetChangeKind;
  id: string;
  data: PetChange;
}

const KEPT = 100;
const recent: PetChangeEvent[] = [];
const feed = new EventEmitter();
feed.setMaxListeners(0);
let last = 0;

/** Called by the handlers that change a pet. */
export function publishChange(event: PetChangeKind, data: PetChange): void {
  const change: PetChangeEvent = { event, id: String(++last), data };
  recent.push(change);
  if (recent.length > KEPT) recent.shift();
  feed.emit("change", change);
}

/** The changes after `lastSeen` still kept, then each new one as it happens, until `signal` aborts. */
export async function* followChanges(lastSeen: number | undefined, signal: AbortSignal): AsyncGenerator<PetChangeEvent> {
  // Subscribed before the replay, so that nothing published in between is lost.
  const live = on(feed, "change", { signal });
  let sent = lastSeen ?? last;
  try {
    for (const change of recent) if (Number(change.id) > sent) yield change;
    sent = Math.max(sent, Number(recent.at(-1)?.id ?? 0));
    for await (const [change] of live as AsyncIterable<[PetChangeEvent]>) if (Number(change.id) > sent) yield change;
  } catch (error) {
    if (!signal.aborted) throw error;
  }
}
