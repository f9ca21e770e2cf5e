// The one answer to "what value do we send for this schema?", for mocks (responses) and for
// `specfirst verify`, `specfirst fuzz` and the differential tests (requests): the contract's own
// example when the server's validator takes it (real contracts' examples often break their
// schemas), else a sample of the schema that it takes. Every candidate is judged by the one
// schema checker (plan/schema-checker.ts), never by a checker of its own. Deterministic.
import type { ErrorObject } from 'ajv';
import type { Document } from './contract/document.js';
import { deref, type Located } from './contract/pointer.js';

export type { Located };
import type { Direction, SchemaChecker } from './plan/schema-checker.js';
import { rotatedDocument, sampleSchema } from './sample.js';
import { checkedDocument } from './checked-examples.js';


export interface ValueWanted {
  direction: Direction;
  /** The schema as the bundled document has it, and where. */
  schema: Located<unknown>;
  /** The contract's examples for it, the one to try first first. */
  examples: readonly Located<unknown>[];
}

export interface ChosenValue {
  value: unknown;
  /** Whether the validator takes `value` (false: no example or sample it takes was found). */
  valid: boolean;
  /** The example tried first, when the validator refused it, with why. */
  refusedExample?: { pointer: string; errors: ErrorObject[] };
  /** The first sample was refused (the sampler reads the schema's own examples, which may be wrong). */
  refusedSample: boolean;
}

/** How many rotations of the `oneOf`/`anyOf` lists are tried before giving up on them. */
const MAX_SHIFTS = 8;

/**
 * In order, the first the validator takes: the first example; a sample of the schema (its own
 * examples and defaults that the validator refuses left out); samples
 * with other `oneOf`/`anyOf` members first (see rotatedDocument); a sample of the validator's
 * copy (which has no examples to spoil it); that sample cut down to its required properties (an
 * optional property no value satisfies, e.g. Discord's `action: {enum: []}`, can be left out).
 * When none is taken, the first sample, marked not valid.
 */
export function exampleOrSample(doc: Document, checker: SchemaChecker, wanted: ValueWanted): ChosenValue {
  const { direction, schema, examples } = wanted;
  const takes = (value: unknown): boolean => checker.isValid(direction, schema.pointer, value);
  const [example] = examples;
  let refusedExample: ChosenValue['refusedExample'];
  if (example) {
    const errors = checker.errors(direction, schema.pointer, example.value);
    if (errors.length === 0) return { value: example.value, valid: true, refusedSample: false };
    refusedExample = { pointer: example.pointer, errors };
  }
  // The sampler copies the schemas' own examples and defaults into its samples: it reads the
  // contract without those the validator refuses (checked-examples.ts), and generates them instead.
  const clean = checkedDocument(doc, checker, direction);
  const first = sampleSchema(clean, clean === doc ? schema.value : (deref(clean, { $ref: `#${schema.pointer}` }) ?? schema.value), { direction });
  if (takes(first)) return { value: first, valid: true, refusedExample, refusedSample: false };
  const found = (value: unknown): ChosenValue => ({ value, valid: true, refusedExample, refusedSample: true });
  for (let shift = 1; shift < MAX_SHIFTS; shift++) {
    const rotated = rotatedDocument(clean, shift);
    const at = deref(rotated, { $ref: `#${schema.pointer}` });
    if (at === undefined) break;
    const value = sampleSchema(rotated, at, { direction });
    if (takes(value)) return found(value);
  }
  const validatorDoc = checker.document(direction);
  const plain = deref(validatorDoc, { $ref: `#${schema.pointer}` });
  if (plain !== undefined) {
    const bare = sampleSchema(validatorDoc, plain, { direction });
    if (takes(bare)) return found(bare);
    const required = onlyRequired(doc, schema.value, bare);
    if (required !== undefined && takes(required)) return found(required);
  }
  return { value: first, valid: false, refusedExample, refusedSample: true };
}

/** An object sample cut down to the properties its schema (or an allOf member) requires. */
function onlyRequired(doc: Document, schema: unknown, value: unknown): Record<string, unknown> | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const names = new Set<string>();
  const visit = (at: unknown, depth: number): void => {
    const here = deref<{ required?: unknown; allOf?: unknown[] }>(doc, at);
    if (depth > 8 || typeof here !== 'object' || here === null) return;
    for (const name of Array.isArray(here.required) ? here.required : []) if (typeof name === 'string') names.add(name);
    for (const member of here.allOf ?? []) visit(member, depth + 1);
  };
  visit(schema, 0);
  return Object.fromEntries(Object.entries(value).filter(([key]) => names.has(key)));
}
