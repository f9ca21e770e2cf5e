// What a schema allows, read the same way on both sides of a diff, whatever the dialect wrote:
// its types (3.0 `nullable: true` and 3.1 `type: [x, "null"]` alike), whether null is allowed, its
// enum without null. The validator's normaliser (server/runtime/normalize/) has already rewritten
// both documents; this reads what is left, it rewrites nothing.
import { derefAt, encodePointer } from '../../server/runtime/contract/pointer.js';

export type Json = Record<string, unknown>;

/** A schema reached from somewhere, `$ref`s followed, with the pointer of what it is. */
export interface SchemaAt {
  schema: Json | null;
  pointer: string;
  /** Null is allowed by a wrapper around it (`anyOf: [S, {type: 'null'}]`). */
  wrappedNullable: boolean;
}

export function isJson(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The schema at `pointer` with `$ref`s followed. A union with a null member (`anyOf: [S, {type:
 * 'null'}]`: what the normaliser makes of 3.0 `nullable` beside a `$ref`, and how 3.1 authors write
 * a nullable reference) is read as S that also allows null, and a union of bare types as a list of
 * types, so the spellings of one meaning compare equal.
 */
export function schemaAt(doc: unknown, value: unknown, pointer: string): SchemaAt {
  const found = derefAt<unknown>(doc, value, pointer);
  const schema = isJson(found.value) ? found.value : null;
  const union = schema ? unionOf(schema) : null;
  if (!schema || !union) return { schema, pointer: found.pointer, wrappedNullable: false };
  const { keyword, members } = union;
  const at = (i: number) => `${found.pointer}${encodePointer([keyword, i])}`;
  const others = members.map((m, i) => ({ m, i })).filter(({ m }) => !isNullSchema(doc, m));
  const nullable = others.length < members.length;
  if (nullable && others.length === 1) {
    const inner = schemaAt(doc, others[0]!.m, at(others[0]!.i));
    return { ...inner, wrappedNullable: true };
  }
  // `oneOf: [{type: string}, {type: integer}]` is `type: [string, integer]`, as 3.1 may write it.
  const types = others.map(({ m }) => derefAt<unknown>(doc, m).value);
  if (others.length > 0 && types.every((t) => isJson(t) && Object.keys(t).every((k) => k === 'type' || ANNOTATIONS.has(k)) && t.type !== undefined)) {
    const { [keyword]: _members, ...rest } = schema;
    const list = [...new Set(types.flatMap((t) => { const v = (t as Json).type; return Array.isArray(v) ? v : [v]; }))];
    return { schema: { ...rest, type: list }, pointer: found.pointer, wrappedNullable: nullable };
  }
  if (!nullable) return { schema, pointer: found.pointer, wrappedNullable: false };
  return { schema: { ...schema, [keyword]: others.map(({ m }) => m) }, pointer: found.pointer, wrappedNullable: true };
}

/** The anyOf or oneOf a schema is made of, when it is nothing else (annotations aside). */
function unionOf(schema: Json): { keyword: 'anyOf' | 'oneOf'; members: unknown[] } | null {
  const keys = Object.keys(schema).filter((k) => !ANNOTATIONS.has(k) && k !== 'discriminator');
  if (keys.length !== 1) return null;
  const keyword = keys[0];
  if ((keyword !== 'anyOf' && keyword !== 'oneOf') || !Array.isArray(schema[keyword])) return null;
  return { keyword, members: schema[keyword] as unknown[] };
}

function isNullSchema(doc: unknown, member: unknown): boolean {
  const m = derefAt<unknown>(doc, member).value;
  return isJson(m) && m.type === 'null' && Object.keys(m).every((k) => k === 'type' || ANNOTATIONS.has(k));
}

const ANNOTATIONS = new Set(['description', 'title', 'example', 'examples', 'deprecated', 'readOnly', 'writeOnly', 'externalDocs', 'xml', 'default']);

/** The non-null types a schema names; empty when it names none (any type). */
export function typesOf(schema: Json): Set<string> {
  const t = schema.type;
  const list = Array.isArray(t) ? t : typeof t === 'string' ? [t] : [];
  return new Set(list.filter((x): x is string => typeof x === 'string' && x !== 'null'));
}

/** Whether null is allowed, as far as the schema's own type says (a schema without type: not judged). */
export function allowsNull(at: SchemaAt): boolean {
  const s = at.schema;
  if (!s) return false;
  if (at.wrappedNullable || s.nullable === true) return true;
  const t = s.type;
  return Array.isArray(t) ? t.includes('null') : t === 'null';
}

/** Enum values other than null, as canonical JSON text; null when there is no enum. */
export function enumOf(schema: Json): Map<string, unknown> | null {
  // `not: {}` allows no value: the normaliser's spelling of `enum: []`.
  if (isJson(schema.not) && Object.keys(schema.not).length === 0) return new Map();
  if (!Array.isArray(schema.enum)) return null;
  return new Map(schema.enum.filter((v) => v !== null).map((v) => [canonical(v), v]));
}

/** JSON text with keys sorted, so that two equal values give one text. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (isJson(value)) return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`).join(',')}}`;
  return JSON.stringify(value) ?? 'undefined';
}

export function show(value: unknown): string {
  return typeof value === 'string' ? `'${value}'` : canonical(value);
}
