// What the project decides about a media type, for the runtime and the generator alike. Media
// types compare case-insensitively and their parameters (`; charset=utf-8`) never change the answer.
// A wildcard (`*/*`, `application/*`) is never JSON here: a caller that treats it so says so itself.

/** `APPLICATION/JSON; charset=utf-8` → `application/json`. */
export function mediaTypeBase(mediaType: string): string {
  const semi = mediaType.indexOf(';');
  return (semi < 0 ? mediaType : mediaType.slice(0, semi)).trim().toLowerCase();
}

/** `application/json` or a `+json` suffix (`application/problem+json`). */
export function isJsonMediaType(mediaType: string): boolean {
  return /^application\/(.+\+)?json$/.test(mediaTypeBase(mediaType));
}

/**
 * The media type a message sends for a declared one: parameters dropped, `*\/*` as JSON (a body the
 * contract does not describe further is sent as JSON), `image/*` as `image/octet-stream` (still a
 * type the declaration accepts). Case is kept: it becomes a Content-Type header.
 */
export function concreteMediaType(declared: string): string {
  const base = declared.split(';')[0]!.trim();
  if (base === '*/*') return 'application/json';
  if (base.endsWith('/*')) return `${base.slice(0, -2)}/octet-stream`;
  return base;
}

/**
 * How a sequential media type (OpenAPI 3.2 "Sequential Media Types") repeats its items:
 * `event-stream` (Server-Sent Events), `json-lines` (JSON Lines, NDJSON: one JSON text per line),
 * `json-seq` (RFC 7464: each JSON text after a record separator, 0x1E), `multipart` (parts).
 */
export type SequenceKind = 'event-stream' | 'json-lines' | 'json-seq' | 'multipart';

/** The sequence a media type is, or null: `application/x-ndjson` → json-lines, `application/geo+json-seq` → json-seq. */
export function sequenceKind(mediaType: string): SequenceKind | null {
  const base = mediaTypeBase(mediaType);
  if (base === 'text/event-stream') return 'event-stream';
  if (base === 'application/jsonl' || base === 'application/x-ndjson' || base === 'application/x-jsonlines') return 'json-lines';
  if (/^application\/(.+\+)?json-seq$/.test(base)) return 'json-seq';
  if (base === 'multipart/mixed') return 'multipart';
  return null;
}
