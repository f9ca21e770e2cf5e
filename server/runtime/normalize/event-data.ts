// A Server-Sent Event's `data` is text on the wire; an `itemSchema` that declares it JSON
// (`contentMediaType: application/json`, with `contentSchema`) means the value inside that text.
// The handler yields that value (the runtime sends it as JSON text) and the generated types say
// so (generator/emit/type-meaning.ts applies the same rule), so the validator checks the value
// against `contentSchema`: an `itemSchema` of text/event-stream is rewritten to hold it in place of
// the text. Only `data` of the event object itself (and of its allOf/anyOf/oneOf members) is read.
import { isJsonMediaType, sequenceKind } from '../contract/media-types.js';
import { unescapeSegment } from '../contract/pointer.js';
import type { RuleContext } from './change.js';
import { isObject, type Json } from './walk.js';

export function decodeEventData(media: Json, pointer: string, { resolve, record }: RuleContext): void {
  const mediaType = unescapeSegment(pointer.slice(pointer.lastIndexOf('/') + 1));
  if (sequenceKind(mediaType) !== 'event-stream' || !isObject(media.itemSchema)) return;
  const decoded = decodedEvent(media.itemSchema, resolve, new Set());
  if (decoded === media.itemSchema) return;
  // A copy: what a `$ref` led to belongs to the contract as written, and may be used elsewhere.
  media.itemSchema = structuredClone(decoded);
  record(`${pointer}/itemSchema`, 'event-data', 'event data declared as JSON (contentMediaType, contentSchema) is checked as the value it carries, which the handler yields and the server sends as JSON text');
}

/** The event schema with each JSON `data` replaced by its content schema; the same object when there is none. */
export function decodedEvent(schema: unknown, resolve: (ref: string) => Json | undefined, seen: Set<string>): unknown {
  if (!isObject(schema)) return schema;
  let out: Json = schema;
  const set = (key: string, value: unknown) => {
    if (out === schema) out = { ...schema };
    out[key] = value;
  };
  if (typeof schema.$ref === 'string' && !seen.has(schema.$ref)) {
    seen.add(schema.$ref);
    const target = resolve(schema.$ref);
    const decoded = decodedEvent(target, resolve, seen);
    if (decoded !== target) {
      set('allOf', [...(Array.isArray(schema.allOf) ? schema.allOf : []), decoded]);
      delete out.$ref;
    }
  }
  const properties = schema.properties;
  if (isObject(properties) && properties.data !== undefined) {
    const data = decodedData(properties.data, resolve);
    if (data !== properties.data) set('properties', { ...properties, data });
  }
  for (const key of ['allOf', 'anyOf', 'oneOf']) {
    const members = out[key];
    if (!Array.isArray(members)) continue;
    const mapped = members.map((m) => decodedEvent(m, resolve, seen));
    if (mapped.some((m, i) => m !== members[i])) set(key, mapped);
  }
  return out;
}

/** JSON content → its content schema (any JSON value when it gives none); anything else as it is. */
function decodedData(schema: unknown, resolve: (ref: string) => Json | undefined): unknown {
  const s = isObject(schema) && typeof schema.$ref === 'string' ? resolve(schema.$ref) : schema;
  if (!isObject(s) || typeof s.contentMediaType !== 'string' || !isJsonMediaType(s.contentMediaType)) return schema;
  return s.contentSchema ?? {};
}
