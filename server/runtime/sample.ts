// Example values from schemas, for mocks and for `specfirst verify`'s requests. openapi-sampler
// does the work; a string that still breaks its schema's `pattern` (its pattern support stops at
// simple classes: `^[A-Za-z]+(?:[\s'-][A-Za-z]+)*$` gives "A(?:sA)*") is regenerated from the
// regular expression by randexp. Deterministic: randexp draws from a PRNG seeded by the pattern.
// A `oneOf`/`anyOf` whose first member is `{type: 'null'}` (how 3.1 contracts such as Discord's
// write a nullable reference) is sampled as null: openapi-sampler merges its null with the
// parent's null as objects (`typeof null === 'object'`) and gives `{}`, which matches neither.
// `allOf` members that only annotate (`{description}`, `{nullable: false}`, `{example}`: Box writes
// them beside nearly every reference) are left out of what the sampler sees: merged with an
// array's sample they turned `["approved"]` into `[]`, breaking `minItems`, and a member's example
// (never checked against the whole schema) replaced the sample of an object by an array.
import { createRequire } from 'node:module';
import type * as Sampler from 'openapi-sampler';
import type RandExpModule from 'randexp';
import type { Document } from './contract/document.js';
import { deref } from './contract/pointer.js';
import { walkDocument, walkSchema, type Json } from './normalize/walk.js';

// Both are loaded on first use: only mocks and `specfirst verify` sample, and a server that does
// neither should not pay for loading them at start-up (they are CommonJS, so require is synchronous).
const require = createRequire(import.meta.url);
let samplerModule: typeof Sampler | undefined;
const sampler = (): typeof Sampler => (samplerModule ??= require('openapi-sampler') as typeof Sampler);
// randexp's types declare an ES default export; at run time the CommonJS module is the class.
let randExpClass: typeof RandExpModule.default | undefined;
const RandExp = (): typeof RandExpModule.default => (randExpClass ??= require('randexp') as typeof RandExpModule.default);

export interface SampleOptions {
  /** Requests leave readOnly properties out; responses leave writeOnly ones out. */
  direction: 'request' | 'response';
}

export function sampleSchema(doc: Document, schema: unknown, { direction }: SampleOptions): unknown {
  const spec = samplerDocument(doc);
  const value = sampler().sample(withoutAnnotationMembers(structuredClone(schema)) as never, { quiet: true, enablePatterns: true, skipReadOnly: direction === 'request', skipWriteOnly: direction === 'response' }, spec);
  return repairPatterns(doc, schema, value, 0);
}

/**
 * The document with every `oneOf`/`anyOf` list rotated by `shift`: openapi-sampler always samples
 * the first member, and where that member's sample is not valid for the whole (Box's event
 * `source` is `oneOf: [User, …, GenericSource]` and GenericSource accepts any object, so a User
 * matches two members and fails), another member's may be. Mocks try shifts in turn.
 */
export function rotatedDocument(doc: Document, shift: number): Document {
  const made = rotations.get(doc) ?? [];
  rotations.set(doc, made);
  return (made[shift] ??= rotate(doc, shift));
}

/** Made once per document and shift: every route of a large contract that needs one shares it. */
const rotations = new WeakMap<Document, Document[]>();

function rotate(doc: Document, shift: number): Document {
  const copy = structuredClone(doc);
  walkDocument(copy as Json, {
    schema: (schema) => {
      for (const keyword of ['oneOf', 'anyOf'] as const) {
        const members = schema[keyword];
        if (Array.isArray(members) && members.length > 1) {
          const k = shift % members.length;
          schema[keyword] = [...members.slice(k), ...members.slice(0, k)];
        }
      }
    },
  });
  return copy;
}

/** Keywords that do not constrain a value (an allOf member's example is not the whole value's). */
const ANNOTATIONS = new Set(['title', 'description', 'nullable', 'deprecated', 'externalDocs', 'xml', '$comment', 'example', 'examples']);

const samplerDocuments = new WeakMap<Document, Document>();

/** The document as the sampler reads it, made once per document. */
function samplerDocument(doc: Document): Document {
  let copy = samplerDocuments.get(doc);
  if (!copy) {
    copy = structuredClone(doc);
    walkDocument(copy as Json, { schema: dropAnnotationMembers });
    samplerDocuments.set(doc, copy);
  }
  return copy;
}

function withoutAnnotationMembers(schema: unknown): unknown {
  walkSchema(schema, '', dropAnnotationMembers);
  return schema;
}

function dropAnnotationMembers(schema: Json): void {
  if (!Array.isArray(schema.allOf)) return;
  const kept = schema.allOf.filter((m) => !(typeof m === 'object' && m !== null && Object.keys(m).every((k) => ANNOTATIONS.has(k) || k.startsWith('x-'))));
  if (kept.length > 0) schema.allOf = kept;
  else delete schema.allOf;
}

type Schema = {
  type?: unknown;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  uniqueItems?: boolean;
  required?: unknown[];
  properties?: Record<string, unknown>;
  additionalProperties?: unknown;
  items?: unknown;
  allOf?: unknown[];
  oneOf?: unknown[];
  anyOf?: unknown[];
};

/**
 * What openapi-sampler leaves short of the schema, repaired: strings that break their pattern,
 * integers beyond ±(2^53 − 1) (a bound like int64's minimum is no exact JSON number), arrays
 * with duplicate items where `uniqueItems` says no, and properties listed in `required` that the
 * schema never defines (valid JSON Schema: the property must be there, with any value), however
 * deep in `allOf` chains they are (Box nests `allOf` three levels: File--Full → File → File--Mini) —
 * a mock or a request built from the schema must satisfy it, as the validator reads it.
 * And recursion cut where the schema allows it: openapi-sampler stops at a fixed depth and leaves
 * `{}` there, which breaks the `required` of a recursive schema (Discord's message components
 * hold components); an optional array whose items schema is already being sampled further up
 * (or that is nested deeper than MAX_ARRAY_DEPTH) is sampled empty instead.
 */
function repairPatterns(doc: Document, rawSchema: unknown, value: unknown, depth: number, open: ReadonlySet<Schema> = new Set()): unknown {
  const schema = deref<Schema>(doc, rawSchema);
  if (!schema || depth > 24) return value;
  if (nullFirst(doc, schema)) return null;
  if (typeof value === 'string' && typeof schema.pattern === 'string') return matching(schema, value);
  if (typeof value === 'number' && Number.isInteger(value) && !Number.isSafeInteger(value)) return Math.sign(value) * Number.MAX_SAFE_INTEGER;
  const branches = branchesOf(doc, schema);
  const inside = new Set([...open, ...branches]);
  if (Array.isArray(value) && schema.items) {
    const itemSchema = deref<Schema>(doc, schema.items);
    if (!schema.minItems && value.length > 0 && ((itemSchema && reaches(doc, itemSchema, open, 3)) || depth > MAX_ARRAY_DEPTH)) return [];
    const items = value.map((v) => repairPatterns(doc, schema.items, v, depth + 1, inside));
    return schema.uniqueItems ? distinct(items, patternOf(doc, schema.items)) : items;
  }
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const out = { ...(value as Record<string, unknown>) };
    const named = new Set<string>();
    const required = new Set<string>();
    for (const resolved of branches) {
      for (const name of resolved?.required ?? []) if (typeof name === 'string') required.add(name);
      const props = resolved?.properties ?? {};
      for (const [key, prop] of Object.entries(props)) {
        named.add(key);
        if (key in out) out[key] = repairPatterns(doc, prop, out[key], depth + 1, inside);
      }
    }
    for (const name of required) {
      if (name in out || named.has(name)) continue;
      const extra = schema.additionalProperties;
      out[name] = typeof extra === 'object' && extra !== null ? sampleSchema(doc, extra, { direction: 'response' }) : null;
    }
    // Maps (`additionalProperties: {…}`): openapi-sampler names their sample entries property1, property2.
    if (typeof schema.additionalProperties === 'object' && schema.additionalProperties !== null) {
      for (const key of Object.keys(out)) if (!named.has(key)) out[key] = repairPatterns(doc, schema.additionalProperties, out[key], depth + 1, inside);
    }
    return out;
  }
  return value;
}

/** Arrays nested deeper than this (properties and items counted) are sampled empty where allowed. */
const MAX_ARRAY_DEPTH = 10;

/**
 * Whether a schema leads back to one being sampled further up, within `levels` properties or
 * items: `snapshots: [{message: Message}]` inside Message recurses through an inline object.
 */
function reaches(doc: Document, schema: Schema, open: ReadonlySet<Schema>, levels: number): boolean {
  for (const branch of branchesOf(doc, schema)) {
    if (open.has(branch)) return true;
    if (levels === 0) continue;
    for (const sub of [...Object.values(branch.properties ?? {}), branch.items]) {
      const resolved = deref<Schema>(doc, sub);
      if (resolved && reaches(doc, resolved, open, levels - 1)) return true;
    }
  }
  return false;
}

/**
 * The schema and what an object sampled from it took its properties from: every `allOf` member,
 * however deeply nested, and the first `oneOf`/`anyOf` member (the one openapi-sampler samples).
 */
function branchesOf(doc: Document, schema: Schema, seen: Set<Schema> = new Set()): Schema[] {
  if (seen.has(schema)) return [];
  seen.add(schema);
  const out = [schema];
  for (const member of [...(schema.allOf ?? []), ...(schema.oneOf ?? []).slice(0, 1), ...(schema.anyOf ?? []).slice(0, 1)]) {
    const resolved = deref<Schema>(doc, member);
    if (resolved) out.push(...branchesOf(doc, resolved, seen));
  }
  return out;
}

/**
 * The items made pairwise different with the smallest change: a string's last character (a digit
 * or hex digit stays one, so snowflake ids and UUIDs keep their shape), a number's value.
 */
function distinct(items: unknown[], pattern: RegExp | undefined): unknown[] {
  const seen = new Set<string>();
  return items.map((item) => {
    let candidate = item;
    for (let i = 1; (seen.has(JSON.stringify(candidate)) || (typeof candidate === 'string' && pattern && !pattern.test(candidate))) && i < 16; i++) {
      if (typeof item === 'string') candidate = item.length > 0 && /[0-9a-f]$/i.test(item) ? item.slice(0, -1) + nextDigit(item.slice(-1), i) : `${item}${i}`;
      else if (typeof item === 'number') candidate = item + i;
      else break;
    }
    seen.add(JSON.stringify(candidate));
    return candidate;
  });
}

/** A decimal digit stays decimal (a snowflake id `^(0|[1-9][0-9]*)$` stays one), a hex digit stays hex. */
function nextDigit(digit: string, step: number): string {
  return /[0-9]/.test(digit) ? String((Number(digit) + step) % 10) : ((parseInt(digit, 16) + step) % 16).toString(16);
}

function nullFirst(doc: Document, schema: Schema): boolean {
  const first = deref<Schema>(doc, (schema.oneOf ?? schema.anyOf)?.[0]);
  return first !== undefined && (first.type === 'null' || (Array.isArray(first.type) && first.type.length === 1 && first.type[0] === 'null'));
}

/** The items' pattern, compiled as the validator reads it, when there is one that compiles. */
function patternOf(doc: Document, items: unknown): RegExp | undefined {
  const pattern = deref<Schema>(doc, items)?.pattern;
  return typeof pattern === 'string' ? compiled(pattern) : undefined;
}

/** A pattern as ajv compiles it (the `u` flag); undefined when it does not compile so. */
function compiled(pattern: string): RegExp | undefined {
  try {
    return new RegExp(pattern, 'u');
  } catch {
    return undefined;
  }
}

function matching(schema: Schema, value: string): string {
  const re = compiled(schema.pattern!);
  if (!re) return value;
  const fits = (s: string): boolean => re.test(s) && s.length >= (schema.minLength ?? 0) && s.length <= (schema.maxLength ?? Infinity);
  if (fits(value)) return value;
  const generator = new (RandExp())(re);
  generator.max = 3;
  generator.randInt = seeded(schema.pattern!);
  for (let attempt = 0; attempt < 20; attempt++) {
    const candidate = generator.gen();
    if (fits(candidate)) return candidate;
  }
  return value;
}

/** mulberry32, seeded by the pattern's text: the same pattern always gives the same strings. */
function seeded(seedText: string): (a: number, b: number) => number {
  let state = [...seedText].reduce((h, c) => Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0, 2166136261);
  return (a, b) => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    const r = ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    return a + Math.floor(r * (b - a + 1));
  };
}
