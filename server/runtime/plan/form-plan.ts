// Form and multipart fields arrive as text; the contract may say integer, number, boolean or null,
// alone or in a union (`anyOf: [{type: boolean}, {type: 'null'}]`, `type: [number, 'null']`, a
// oneOf of number and string, 3.0 `nullable: true`). Which fields to coerce, and to which member
// types in which order, is worked out here once per operation at start-up, from the normalised
// schema (`$ref`s followed, allOf/anyOf/oneOf read through); request/form-coercion.ts applies it
// per request. A part whose `encoding.<field>.contentType` is JSON is parsed as JSON.
import type { Document } from '../contract/document.js';
import { isJsonMediaType } from '../contract/media-types.js';
import { deref } from '../contract/pointer.js';

export type Scalar = 'integer' | 'number' | 'boolean';

/** One type a text value may become, in the order the schema lists it. */
export type Member = { type: Scalar | 'null' } | { type: 'string'; values?: string[] };

interface FieldPlan {
  /** `json`: a part holding JSON (an object in multipart, or encoding.contentType says JSON). */
  type: 'scalar' | 'array' | 'json';
  /** For scalars, and for the items of arrays: the types to try in order; none keeps the text. */
  members?: Member[];
}
/** Field name → how to coerce it; null when no field needs it. */
export type FormPlan = Map<string, FieldPlan>;

type Schema = {
  type?: unknown;
  nullable?: unknown;
  enum?: unknown;
  const?: unknown;
  items?: unknown;
  properties?: Record<string, unknown>;
  allOf?: unknown[];
  anyOf?: unknown[];
  oneOf?: unknown[];
  then?: unknown;
  else?: unknown;
};

/** The coercions a form or multipart body schema needs, worked out once per operation. */
export function formPlanFor(doc: Document, schema: unknown, multipart: boolean, encoding?: Record<string, { contentType?: unknown } | undefined>): FormPlan | null {
  const plan = planFor(doc, schema, multipart, encoding ?? {});
  return plan.size > 0 ? plan : null;
}

/**
 * The properties a form body may have, gathered through allOf/oneOf/anyOf/then/else (a multipart body is
 * often a oneOf of allOfs). Where branches disagree on a property, the first one found is used:
 * coercion only turns text that reads as a member type into it; validation decides.
 */
function propertiesOf(doc: Document, rawSchema: unknown, into: Map<string, unknown> = new Map(), depth = 0): Map<string, unknown> {
  const schema = deref<Schema>(doc, rawSchema);
  if (!schema || depth > 16) return into;
  for (const [name, prop] of Object.entries(schema.properties ?? {})) if (!into.has(name)) into.set(name, prop);
  // then/else: the validator's copy checks a discriminated oneOf as if/then per value.
  const branches = [...(schema.allOf ?? []), ...(schema.oneOf ?? []), ...(schema.anyOf ?? []), schema.then, schema.else].filter((b) => b !== undefined);
  for (const branch of branches) propertiesOf(doc, branch, into, depth + 1);
  return into;
}

function planFor(doc: Document, rawSchema: unknown, multipart: boolean, encoding: Record<string, { contentType?: unknown } | undefined>): FormPlan {
  const plan: FormPlan = new Map();
  for (const [name, raw] of propertiesOf(doc, rawSchema)) {
    const contentType = encoding[name]?.contentType;
    if (typeof contentType === 'string' && contentType.split(',').some((t) => isJsonMediaType(t.trim()))) {
      plan.set(name, { type: 'json' });
      continue;
    }
    const kinds = typesOf(doc, raw);
    const first = kinds.find((k) => k.type !== 'null')?.type;
    if (first === 'array') {
      // A field sent once is a string; an array field must still reach validation as an array.
      const items = scalars(typesOf(doc, itemsOf(doc, raw)));
      plan.set(name, items ? { type: 'array', members: items } : { type: 'array' });
    } else if (multipart && first === 'object') {
      plan.set(name, { type: 'json' });
    } else {
      const members = scalars(kinds);
      if (members) plan.set(name, { type: 'scalar', members });
    }
  }
  return plan;
}

/** The members worth coercing to: undefined when text would stay text whatever it says. */
function scalars(kinds: Kind[]): Member[] | undefined {
  const members = kinds.filter((k): k is Member => k.type !== 'object' && k.type !== 'array');
  return members.some((m) => m.type !== 'string') ? members : undefined;
}

type Kind = Member | { type: 'object' | 'array' };

/** The JSON types a schema admits, in the order it lists them, through `$ref`s and compositions. */
function typesOf(doc: Document, raw: unknown, depth = 0): Kind[] {
  const schema = deref<Schema>(doc, raw);
  if (!schema || depth > 16) return [];
  const out: Kind[] = [];
  const add = (kind: Kind) => void (out.some((k) => k.type === kind.type) || out.push(kind));
  const own = Array.isArray(schema.type) ? schema.type : schema.type === undefined ? [] : [schema.type];
  for (const t of own) {
    if (t === 'string') add(stringMember(schema));
    else if (t === 'integer' || t === 'number' || t === 'boolean' || t === 'null' || t === 'object' || t === 'array') add({ type: t });
  }
  if (own.length > 0 && schema.nullable === true) add({ type: 'null' });
  // properties without type: an object (normalize/object-without-type.ts), also where that rule leaves it.
  if (own.length === 0 && schema.properties !== undefined) add({ type: 'object' });
  // A member type also listed by the schema itself (or by an allOf sibling) is one more reason for it.
  for (const key of ['allOf', 'anyOf', 'oneOf'] as const) {
    for (const member of schema[key] ?? []) for (const kind of typesOf(doc, member, depth + 1)) add(kind);
  }
  return out;
}

/** A string member with the values it allows, when it lists them: other text is not for it. */
function stringMember(schema: Schema): Member {
  if (typeof schema.const === 'string') return { type: 'string', values: [schema.const] };
  if (Array.isArray(schema.enum)) return { type: 'string', values: schema.enum.filter((v): v is string => typeof v === 'string') };
  return { type: 'string' };
}

/** The items schema of an array field, through the union it may be written in. */
function itemsOf(doc: Document, raw: unknown, depth = 0): unknown {
  const schema = deref<Schema>(doc, raw);
  if (!schema || depth > 16) return undefined;
  if (schema.items !== undefined) return schema.items;
  for (const member of [...(schema.allOf ?? []), ...(schema.anyOf ?? []), ...(schema.oneOf ?? [])]) {
    const items = itemsOf(doc, member, depth + 1);
    if (items !== undefined) return items;
  }
  return undefined;
}
