// JSON Pointers (RFC 6901) and the internal `$ref`s written with them: the one place that escapes
// and unescapes a pointer, finds the value at one, and follows `$ref`s, for the runtime and the
// generator alike. Never reads a file and never follows a `$ref` into another document.

/** A value with the JSON Pointer of where it was found. */
export interface Located<T> {
  value: T | undefined;
  pointer: string;
}

/** Refs are followed at most this many times: a cycle of `$ref`s ends instead of looping. */
const MAX_HOPS = 32;

/** One reference token: `~` as `~0`, `/` as `~1` (in that order, so `~1` in a key stays itself). */
export function escapeSegment(segment: string | number): string {
  return String(segment).replace(/~/g, '~0').replace(/\//g, '~1');
}

/** The key a reference token names: `~1` before `~0`, so that `~01` is `~1`, never `/`. */
export function unescapeSegment(token: string): string {
  return token.replace(/~1/g, '/').replace(/~0/g, '~');
}

export function encodePointer(segments: readonly (string | number)[]): string {
  return segments.map((s) => '/' + escapeSegment(s)).join('');
}

/**
 * A plain pointer (`/$defs/100%`) as the `$ref` that names it (`#/$defs/100%25`): a `$ref` is a URI,
 * read back percent-decoded (by decodePointer, ajv, openapi-typescript), so a `%` in a key must be
 * written `%25` or it is decoded a second time.
 */
export function refToPointer(pointer: string): string {
  return '#' + pointer.replace(/%/g, '%25');
}

/**
 * The keys of a pointer, written plain (`/paths/~1pets`) or as a `$ref` fragment (`#/paths/~1pets`).
 * Each token is percent-decoded as a URI fragment may be (`%7Bid%7D`); a token whose
 * percent-encoding is broken (`100%`) is taken as written. `''` and `'#'` are the whole document;
 * `/a//b` has an empty key between `a` and `b`.
 */
export function decodePointer(pointer: string): string[] {
  const body = pointer.startsWith('#') ? pointer.slice(1) : pointer;
  if (body === '') return [];
  return body
    .split('/')
    .slice(1)
    .map((token) => unescapeSegment(percentDecode(token)));
}

function percentDecode(token: string): string {
  if (!token.includes('%')) return token;
  try {
    return decodeURIComponent(token);
  } catch {
    return token;
  }
}

/** A value's own member or array item, undefined when it has none of that name. */
export function childOf(value: unknown, segment: string): unknown {
  if (Array.isArray(value)) return /^(0|[1-9][0-9]*)$/.test(segment) ? value[Number(segment)] : undefined;
  if (typeof value === 'object' && value !== null && Object.hasOwn(value, segment)) return (value as Record<string, unknown>)[segment];
  return undefined;
}

/** The value at a pointer (plain or `#` fragment), undefined when the document has nothing there. */
export function valueAt(doc: unknown, pointer: string): unknown {
  return decodePointer(pointer).reduce<unknown>((value, segment) => childOf(value, segment), doc);
}

/** A `$ref` into the same document: `#` or `#/…` (not another file, not an anchor). */
export function isInternalRef(ref: unknown): ref is string {
  return typeof ref === 'string' && (ref === '#' || ref.startsWith('#/'));
}

/**
 * Follows internal `$ref`s from `value` (found at `pointer`) to what they name, and says where
 * that is (the last `$ref`'s fragment, as written). Stops at anything that is not an internal
 * `$ref`; `aloneOnly` also stops at a `$ref` written beside other keywords.
 */
export function derefAt<T = unknown>(doc: unknown, value: unknown, pointer = '', aloneOnly = false): Located<T> {
  let cur: Located<unknown> = { value, pointer };
  for (let hops = 0; hops < MAX_HOPS; hops++) {
    const node = cur.value as { $ref?: unknown } | null | undefined;
    const ref = node?.$ref;
    if (!isInternalRef(ref)) break;
    if (aloneOnly && Object.keys(node!).length > 1) break;
    cur = { value: valueAt(doc, ref), pointer: ref.slice(1) };
  }
  return cur as Located<T>;
}

/** Follows internal `$ref`s from `value` to what they name. */
export function deref<T = Record<string, unknown>>(doc: unknown, value: unknown): T | undefined {
  return derefAt<T>(doc, value).value;
}

/**
 * The object a `$ref` names, for code that rewrites schemas (the normaliser, the type emitter):
 * further `$ref`s are followed only where they stand alone, since in OpenAPI 3.1 a schema with
 * `$ref` and other keywords is a schema of its own. Undefined when it names no object.
 */
export function refTargetObject(doc: unknown, ref: string): Record<string, unknown> | undefined {
  const { value } = derefAt(doc, { $ref: ref }, '', true);
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}
