// For `specfirst verify`: the values a valid request carries. The contract's example when its
// schema, as the validator sees it (server/runtime/normalize.ts), accepts it; else a sample of the
// schema; else a sample of the validator's copy, which has no examples to spoil it. Every example
// the schema rejects is a contract problem, returned with its place. Pure.
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { Document } from '../../server/runtime/contract/document.js';
import { sampleSchema } from '../../server/runtime/sample.js';
import type { OpenAPIDocument } from '../contract/load.js';
import { decodePointer, encodePointer } from '../../server/runtime/contract/pointer.js';

type Doc = OpenAPIDocument;

export interface Located<T> {
  value: T;
  pointer: string;
}

/** An example of the contract that its schema rejects: a pointer into the bundled document. */
export interface ExampleProblem {
  pointer: string;
  message: string;
}

/** What choosing values found: examples to report, values nothing made valid. */
export interface ValueReport {
  problems: ExampleProblem[];
  /** Values no example or sample made valid (a limit of the sampler): a 4xx for them is not the server's fault. */
  doubtful: string[];
}

export type Direction = 'request';

/** Says why a value breaks the schema at a pointer of the validator's document, or null when it is valid. */
export type ValueCheck = (pointer: string, value: unknown) => string | null;

/**
 * ajv as the validator runs it, plus what it does not check and the server does: a request may
 * not carry readOnly properties.
 */
export function valueChecker(validatorDoc: Document): ValueCheck {
  const ajv = validatorDoc.openapi.startsWith('3.1') ? new Ajv2020({ strict: false, logger: false, allErrors: true }) : new Ajv({ strict: false, logger: false, allErrors: true });
  addFormats.default(ajv);
  for (const format of ['int32', 'int64', 'float', 'double', 'byte', 'binary', 'password']) ajv.addFormat(format, true);
  ajv.removeKeyword('readOnly');
  ajv.addKeyword({ keyword: 'readOnly', schemaType: 'boolean', error: { message: 'is readOnly: requests must not send it' }, validate: (readOnly: boolean) => !readOnly });
  ajv.addSchema({ ...validatorDoc, $id: 'specfirst:contract' } as object);
  const compiled = new Map<string, ValidateFunction | null>();
  return (pointer, value) => {
    if (!compiled.has(pointer)) {
      try {
        compiled.set(pointer, ajv.compile({ $ref: `specfirst:contract#${pointer}` }));
      } catch {
        // A schema the validator cannot compile is the runtime's to isolate; nothing to say here.
        compiled.set(pointer, null);
      }
    }
    const validate = compiled.get(pointer);
    if (!validate || validate(value)) return null;
    return describeErrors(validate.errors ?? []);
  };
}

function describeErrors(errors: readonly ErrorObject[]): string {
  const shown = errors.filter((e) => !['anyOf', 'oneOf', 'if'].includes(e.keyword)).slice(0, 2);
  return (shown.length > 0 ? shown : errors.slice(0, 1)).map((e) => `${e.instancePath || 'the value'} ${e.message ?? 'is invalid'}`).join('; ');
}

export interface ValueSource {
  label: string;
  /** The schema, where it is in the bundled document (the validator's copy has it at the same place). */
  schema: Located<unknown> | null;
  examples: Located<unknown>[];
  direction: Direction;
  /** What to send when there is no schema and no example. */
  fallback: unknown;
}

/**
 * The contract's first example if the schema takes it, else a sample of the schema (which uses
 * the schema's own examples), else a sample of the validator's copy (which has none).
 */
export function chooseValue(doc: Doc, validatorDoc: Document, check: ValueCheck, source: ValueSource, into: ValueReport): unknown {
  const { label, schema, examples } = source;
  const [example] = examples;
  if (!schema) return example?.value ?? source.fallback;
  if (example) {
    const why = check(schema.pointer, example.value);
    if (why === null) return example.value;
    into.problems.push({ pointer: example.pointer, message: `the example of ${label} does not match its schema (${why}); verify sent a generated value instead` });
  }
  let value = sampleSchema(doc as unknown as Document, schema.value, { direction: source.direction });
  if (check(schema.pointer, value) === null) return value;
  into.problems.push(...invalidSchemaExamples(doc, check, schema, label));
  const bare = decodePointer(schema.pointer).reduce<unknown>((v, s) => (v as Record<string, unknown> | undefined)?.[s], validatorDoc);
  value = sampleSchema(validatorDoc, bare, { direction: source.direction });
  if (check(schema.pointer, value) === null) return value;
  // An optional property no value satisfies (Discord: `action: {enum: []}` in a PATCH body) can
  // still be left out: the sample with only the required properties.
  const required = onlyRequired(doc, schema, value);
  if (required !== undefined && check(schema.pointer, required) === null) return required;
  into.doubtful.push(label);
  return value;
}

/** An object sample cut down to the properties its schema (or an allOf member) requires. */
function onlyRequired(doc: Doc, schema: Located<unknown>, value: unknown): Record<string, unknown> | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const names = new Set<string>();
  const visit = (at: unknown, pointer: string, depth: number): void => {
    const here = derefAt<{ required?: unknown; allOf?: unknown[] }>(doc, at, pointer);
    if (depth > 8 || typeof here.value !== 'object' || here.value === null) return;
    for (const name of Array.isArray(here.value.required) ? here.value.required : []) if (typeof name === 'string') names.add(name);
    (here.value.allOf ?? []).forEach((member, i) => visit(member, `${here.pointer}/allOf/${i}`, depth + 1));
  };
  visit(schema.value, schema.pointer, 0);
  return Object.fromEntries(Object.entries(value).filter(([key]) => names.has(key)));
}

/** `example`s inside a schema (and the schemas it refers to) that their own schema rejects. */
function invalidSchemaExamples(doc: Doc, check: ValueCheck, schema: Located<unknown>, label: string): ExampleProblem[] {
  const out: ExampleProblem[] = [];
  const seen = new Set<string>();
  const visit = (at: Located<unknown>, depth: number): void => {
    const here = derefAt(doc, at.value, at.pointer);
    if (depth > 12 || seen.has(here.pointer) || typeof here.value !== 'object' || here.value === null) return;
    seen.add(here.pointer);
    const s = here.value as Record<string, unknown>;
    if (s.example !== undefined) {
      const why = check(here.pointer, s.example);
      if (why !== null) out.push({ pointer: `${here.pointer}/example`, message: `the example of a schema used by ${label} does not match it (${why})` });
    }
    for (const key of ['properties', 'patternProperties']) {
      for (const [name, sub] of Object.entries((s[key] as Record<string, unknown> | undefined) ?? {})) visit({ value: sub, pointer: `${here.pointer}/${key}${encodePointer([name])}` }, depth + 1);
    }
    for (const key of ['allOf', 'oneOf', 'anyOf']) {
      ((s[key] as unknown[] | undefined) ?? []).forEach((sub, i) => visit({ value: sub, pointer: `${here.pointer}/${key}/${i}` }, depth + 1));
    }
    for (const key of ['items', 'additionalProperties', 'not']) if (typeof s[key] === 'object') visit({ value: s[key], pointer: `${here.pointer}/${key}` }, depth + 1);
  };
  visit(schema, 0);
  return out;
}

/** Follows internal `$ref`s, keeping track of where the value is. */
export function derefAt<T = unknown>(doc: Doc, value: unknown, pointer: string): Located<T> {
  let cur: Located<unknown> = { value, pointer };
  for (let hops = 0; hops < 32; hops++) {
    const ref = (cur.value as { $ref?: unknown } | null)?.$ref;
    if (typeof ref !== 'string' || !ref.startsWith('#/')) break;
    cur = { pointer: ref.slice(1), value: decodePointer(ref).reduce<unknown>((v, s) => (v as Record<string, unknown> | undefined)?.[s], doc) };
  }
  return cur as Located<T>;
}
