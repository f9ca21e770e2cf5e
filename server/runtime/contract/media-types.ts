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
