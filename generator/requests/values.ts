// The one chooser of request values, for `specfirst verify`, `specfirst fuzz` (values it does not
// draw itself) and the differential test's requests: the contract's example when the server's
// validator takes it, else a sample it takes (server/runtime/example-or-sample.ts decides, with the
// one schema checker). The examples the validator refuses are reported by lint's rule `example`
// (server/runtime/checked-examples.ts), not here. Pure: document in, values out; the checker is
// made once per document.
import { exampleOrSample } from '../../server/runtime/example-or-sample.js';
import type { Document } from '../../server/runtime/contract/document.js';
import { schemaChecker, type SchemaChecker } from '../../server/runtime/plan/schema-checker.js';
import type { OpenAPIDocument } from '../contract/load.js';
import type { BodyInput, Located, ParameterInput } from './operation-inputs.js';

type Doc = OpenAPIDocument;

/** What choosing values found: values nothing made valid. */
export interface ValueReport {
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
    const choose = (source: ValueSource, into: ValueReport = { doubtful: [] }): unknown => chooseValue(doc, checker, source, into);
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
  if (!chosen.valid) into.doubtful.push(label);
  return chosen.value;
}
