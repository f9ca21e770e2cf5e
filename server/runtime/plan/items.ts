// A streamed body, planned once: a media type with `itemSchema` (OpenAPI 3.2) whose sequence the
// runtime can frame and read item by item (Server-Sent Events, JSON Lines, json-seq) is sent and
// read as a stream of items, each checked against `itemSchema` on its own. Anything else with an
// `itemSchema` (streamed multipart) is a whole body, as before 3.2.
import type { ValidateFunction } from 'ajv';
import { sequenceKind, type SequenceKind } from '../contract/media-types.js';

export type StreamKind = Exclude<SequenceKind, 'multipart'>;

export interface ItemShape {
  kind: StreamKind;
  schema: unknown;
  /** Where the item schema is, as a pointer from the document root with `$ref`s followed. */
  at: string;
}

/** The item plan of one Media Type Object at `mediaAt`; null when it is not streamed. */
export function itemShapeOf(declared: string, media: { itemSchema?: unknown } | undefined, mediaAt: string): ItemShape | null {
  const kind = sequenceKind(declared);
  if (!kind || kind === 'multipart' || media?.itemSchema === undefined) return null;
  return { kind, schema: media.itemSchema, at: `${mediaAt}/itemSchema` };
}

/** What sending one streamed media type needs: how to frame an item, and each item's validator. */
export interface ItemRule {
  kind: StreamKind;
  validate: ValidateFunction | null;
}
