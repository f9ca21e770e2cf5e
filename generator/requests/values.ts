// The one chooser of request values, for `specfirst verify`, `specfirst fuzz` (values it does not
// draw itself) and the differential test's requests: the contract's example when the server's
// validator takes it, else a sample it takes (server/runtime/example-or-sample.ts decides, with the
// one schema checker). Every example the validator refuses is a contract problem, returned with
// its place. Pure: document in, values out; the checker is made once per document.
import { exampleOrSample } from '../../server/runtime/example-or-sample.js';
import type { Document } from '../../server/runtime/contract/document.js';
import { schemaChecker, type SchemaChecker } from '../../server/runtime/plan/schema-checker.js';
import type { ErrorObject } from 'ajv';
import type { OpenAPIDocument } from '../contract/load.js';
import { encodePointer } from '../../server/runtime/contract/pointer.js';
import { derefAt } from '../../server/runtime/contract/pointer.js';
import type { BodyInput, Located, ParameterInput } from './operation-inputs.js';

type Doc = OpenAPIDocument;

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

export interface ValueSource {
  label: string;
  /** The schema, where it is in the bundled document (the validator's copy has it at the same place). */
  schema: Located<unknown> | null;
  examples: readonly Located<unknown>[];
  /** What to send when there is no schema and no example. */
  fallback: unknown;
}

export interface ValueChooser {
  /** The server's validators, as requests and responses see them. */
  checker: SchemaChecker;
  choose(source: ValueSource, into?: ValueReport): unknown;
  parameter(p: ParameterInput, into?: ValueReport): unknown;
  body(media: BodyInput, into?: ValueReport): unknown;
}

const choosers = new WeakMap<Doc, ValueChooser>();

/** The chooser of one document, made on first need: the validators are prepared once per document. */
export function valueChooser(doc: Doc): ValueChooser {
  let chooser = choosers.get(doc);
  if (!chooser) {
    const checker = schemaChecker(doc as unknown as Document);
    const choose = (source: ValueSource, into: ValueReport = { problems: [], doubtful: [] }): unknown => chooseValue(doc, checker, source, into);
    chooser = {
      checker,
      choose,
      parameter: (p, into) => choose({ label: `${p.in} parameter "${p.name}"`, schema: located(p), examples: p.examples ?? [], fallback: 'x' }, into),
      body: (media, into) => choose({ label: `the ${media.mediaType.split(';')[0]} request body`, schema: located(media), examples: media.examples, fallback: {} }, into),
    };
    choosers.set(doc, chooser);
  }
  return chooser;
}

function located(input: { schema?: unknown; at?: string }): Located<unknown> | null {
  return input.schema !== undefined && input.at !== undefined ? { value: input.schema, pointer: input.at } : null;
}

function chooseValue(doc: Doc, checker: SchemaChecker, source: ValueSource, into: ValueReport): unknown {
  const { label, schema, examples } = source;
  if (!schema) return examples[0]?.value ?? source.fallback;
  const chosen = exampleOrSample(doc as unknown as Document, checker, { direction: 'request', schema, examples });
  if (chosen.refusedExample) {
    const why = describeErrors(chosen.refusedExample.errors);
    into.problems.push({ pointer: chosen.refusedExample.pointer, message: `the example of ${label} does not match its schema (${why}); verify sent a generated value instead` });
  }
  if (chosen.refusedSample) into.problems.push(...invalidSchemaExamples(doc, checker, schema, label));
  if (!chosen.valid) into.doubtful.push(label);
  return chosen.value;
}

function describeErrors(errors: readonly ErrorObject[]): string {
  const shown = errors.filter((e) => !['anyOf', 'oneOf', 'if'].includes(e.keyword)).slice(0, 2);
  return (shown.length > 0 ? shown : errors.slice(0, 1)).map((e) => `${e.instancePath || 'the value'} ${e.message ?? 'is invalid'}`).join('; ');
}

/** `example`s inside a schema (and the schemas it refers to) that their own schema rejects. */
function invalidSchemaExamples(doc: Doc, checker: SchemaChecker, schema: Located<unknown>, label: string): ExampleProblem[] {
  const out: ExampleProblem[] = [];
  const seen = new Set<string>();
  const visit = (at: Located<unknown>, depth: number): void => {
    const here = derefAt(doc, at.value, at.pointer);
    if (depth > 12 || seen.has(here.pointer) || typeof here.value !== 'object' || here.value === null) return;
    seen.add(here.pointer);
    const s = here.value as Record<string, unknown>;
    if (s.example !== undefined) {
      const errors = checker.errors('request', here.pointer, s.example);
      if (errors.length > 0) out.push({ pointer: `${here.pointer}/example`, message: `the example of a schema used by ${label} does not match it (${describeErrors(errors)})` });
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
