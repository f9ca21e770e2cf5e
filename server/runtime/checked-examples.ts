// Every example and default that mocks and verify's requests may use, checked by the server's own
// validators (plan/schema-checker.ts) where the contract uses it, in the direction it is used:
// media-type and parameter examples, and inside their schemas, at every depth (properties, items,
// allOf/oneOf/anyOf members, `$ref`s followed), each schema's `example`, `examples` and `default`,
// which openapi-sampler copies into its samples. The one list `specfirst lint` and `specfirst
// verify` report (rule `example`), and the one reason a mock never serves an example its schema
// refuses: the sampler reads a copy of the contract without them. Never changes the document.
import type { ErrorObject } from 'ajv';
import type { Document } from './contract/document.js';
import { exampleData } from './contract/example-value.js';
import { operationsOf } from './contract/methods.js';
import { decodePointer, derefAt, encodePointer, valueAt, type Located } from './contract/pointer.js';
import type { Direction, SchemaChecker } from './plan/schema-checker.js';

/** An example (or default) the validator refuses where the contract uses it. */
export interface ExampleFinding {
  /** Where the value is written in the bundled document. */
  pointer: string;
  direction: Direction;
  /** What uses it: `query parameter "limit"`, `the 200 application/json response`… */
  label: string;
  /** `example`, `default`: what the value is, for messages. */
  kind: 'example' | 'default';
  /** True for a value inside a schema (the sampler's), false for a media-type or parameter example. */
  inSchema: boolean;
  errors: ErrorObject[];
}

interface DirectionCheck {
  findings: ExampleFinding[];
  /** Every schema pointer reached in this direction (a schema's example is judged where it is used). */
  reached: Set<string>;
  /** The document the sampler reads for this direction, made on first need. */
  clean?: Document;
}

const checks = new WeakMap<SchemaChecker, Map<Direction, DirectionCheck>>();

/** The findings of one direction, made once per checker (a contract's validators). */
function checkDirection(doc: Document, checker: SchemaChecker, direction: Direction): DirectionCheck {
  let byDirection = checks.get(checker);
  if (!byDirection) checks.set(checker, (byDirection = new Map()));
  let check = byDirection.get(direction);
  if (!check) {
    check = { findings: [], reached: new Set() };
    for (const use of usesOf(doc, direction)) visitUse(doc, checker, direction, use, check);
    byDirection.set(direction, check);
  }
  return check;
}

/**
 * The contract as the sampler should read it for `direction`: a copy without the schema-level
 * examples and defaults the validator refuses there, so the sampler generates those values (and
 * the valid rest of a schema's examples survives).
 */
export function checkedDocument(doc: Document, checker: SchemaChecker, direction: Direction): Document {
  const check = checkDirection(doc, checker, direction);
  if (!check.clean) {
    const inSchema = check.findings.filter((f) => f.inSchema);
    if (inSchema.length === 0) check.clean = doc;
    else {
      const copy = structuredClone(doc);
      // Highest array index first, so that removing `examples/1` leaves `examples/0` where it was.
      for (const f of [...inSchema].sort((a, b) => b.pointer.localeCompare(a.pointer, 'en', { numeric: true }))) remove(copy, f.pointer);
      check.clean = copy;
    }
  }
  return check.clean;
}

/**
 * Every example and default of the contract the validator refuses where it is used, one per place.
 * A schema's own example is reported only when every direction that uses the schema refuses it
 * (a resource's example with its readOnly `id` is right for responses, and sent by no request).
 */
export function invalidExamples(doc: Document, checker: SchemaChecker): ExampleFinding[] {
  const [request, response] = (['request', 'response'] as const).map((d) => checkDirection(doc, checker, d));
  const refusedIn = (d: DirectionCheck, f: ExampleFinding): boolean => d.findings.some((g) => g.pointer === f.pointer);
  const out = new Map<string, ExampleFinding>();
  for (const f of [...request!.findings, ...response!.findings]) {
    if (out.has(f.pointer)) continue;
    const schema = f.pointer.replace(/\/(example|default|examples\/\d+)$/, '');
    if (f.inSchema && ![request!, response!].every((d) => !d.reached.has(schema) || refusedIn(d, f))) continue;
    out.set(f.pointer, f);
  }
  return [...out.values()];
}

/** A media-type or parameter's schema, its own examples, and what to call it. */
interface Use {
  label: string;
  schema: Located<unknown>;
  examples: Located<unknown>[];
}

function* usesOf(doc: Document, direction: Direction): Generator<Use> {
  const paths = (doc.paths ?? {}) as Record<string, unknown>;
  for (const [path, rawItem] of Object.entries(paths)) {
    const item = derefAt<Record<string, unknown>>(doc, rawItem, encodePointer(['paths', path]));
    for (const { at, operation } of operationsOf(item.value ?? {})) {
      const op = derefAt<Record<string, unknown>>(doc, operation, `${item.pointer}${encodePointer(at)}`);
      if (!op.value) continue;
      if (direction === 'request') {
        for (const owner of [item, op]) {
          const list = owner.value?.parameters;
          if (!Array.isArray(list)) continue;
          for (const [i, raw] of list.entries()) {
            const p = derefAt<Record<string, unknown>>(doc, raw, `${owner.pointer}/parameters/${i}`);
            if (p.value) yield holderUse(doc, p, `${String(p.value.in)} parameter "${String(p.value.name)}"`);
          }
        }
        const body = derefAt<{ content?: Record<string, unknown> }>(doc, op.value.requestBody, `${op.pointer}/requestBody`);
        for (const [mediaType, raw] of Object.entries(body.value?.content ?? {})) {
          yield holderUse(doc, derefAt(doc, raw, `${body.pointer}/content${encodePointer([mediaType])}`), `the ${mediaType.split(';')[0]} request body`);
        }
      } else {
        const responses = (op.value.responses ?? {}) as Record<string, unknown>;
        for (const [status, rawResponse] of Object.entries(responses)) {
          const response = derefAt<{ content?: Record<string, unknown>; headers?: Record<string, unknown> }>(doc, rawResponse, `${op.pointer}/responses${encodePointer([status])}`);
          for (const [mediaType, raw] of Object.entries(response.value?.content ?? {})) {
            yield holderUse(doc, derefAt(doc, raw, `${response.pointer}/content${encodePointer([mediaType])}`), `the ${status} ${mediaType.split(';')[0]} response`);
          }
          for (const [name, raw] of Object.entries(response.value?.headers ?? {})) {
            yield holderUse(doc, derefAt(doc, raw, `${response.pointer}/headers${encodePointer([name])}`), `header "${name}" of the ${status} response`);
          }
        }
      }
    }
  }
}

/** A parameter, header or media type object: its schema and its `example` / `examples` values. */
function holderUse(doc: Document, holder: Located<unknown>, label: string): Use {
  const h = (holder.value ?? {}) as { schema?: unknown; example?: unknown; examples?: Record<string, unknown> };
  const examples: Located<unknown>[] = [];
  if (h.example !== undefined) examples.push({ value: h.example, pointer: `${holder.pointer}/example` });
  for (const [name, raw] of Object.entries(typeof h.examples === 'object' && h.examples !== null ? h.examples : {})) {
    const example = derefAt(doc, raw, `${holder.pointer}/examples${encodePointer([name])}`);
    const data = exampleData(example.value);
    if (data) examples.push({ value: data.value, pointer: `${example.pointer}/${data.member}` });
  }
  return { label, schema: derefAt(doc, h.schema, `${holder.pointer}/schema`), examples };
}

function visitUse(doc: Document, checker: SchemaChecker, direction: Direction, use: Use, check: DirectionCheck): void {
  if (use.schema.value === undefined) return;
  for (const example of use.examples) {
    const errors = checker.errors(direction, use.schema.pointer, example.value);
    if (errors.length > 0) check.findings.push({ pointer: example.pointer, direction, label: use.label, kind: 'example', inSchema: false, errors });
  }
  visitSchema(doc, checker, direction, use.schema, `a schema used by ${use.label}`, check, 0);
}

/** Properties a value of this direction never carries: their examples are never sent nor sampled. */
const skipped = { request: 'readOnly', response: 'writeOnly' } as const;

function visitSchema(doc: Document, checker: SchemaChecker, direction: Direction, at: Located<unknown>, label: string, check: DirectionCheck, depth: number): void {
  const here = derefAt<Record<string, unknown>>(doc, at.value, at.pointer);
  const s = here.value;
  if (depth > 64 || typeof s !== 'object' || s === null || Array.isArray(s) || check.reached.has(here.pointer)) return;
  check.reached.add(here.pointer);
  const judge = (value: unknown, pointer: string, kind: ExampleFinding['kind']): void => {
    const errors = checker.errors(direction, here.pointer, value);
    if (errors.length > 0) check.findings.push({ pointer, direction, label, kind, inSchema: true, errors });
  };
  if (s.example !== undefined) judge(s.example, `${here.pointer}/example`, 'example');
  if (Array.isArray(s.examples)) s.examples.forEach((v, i) => judge(v, `${here.pointer}/examples/${i}`, 'example'));
  if (s.default !== undefined) judge(s.default, `${here.pointer}/default`, 'default');
  const next = (value: unknown, pointer: string): void => visitSchema(doc, checker, direction, { value, pointer }, label, check, depth + 1);
  for (const key of ['properties', 'patternProperties']) {
    for (const [name, sub] of Object.entries(isObject(s[key]) ? s[key] : {})) {
      if (key === 'properties' && derefAt<Record<string, unknown>>(doc, sub).value?.[skipped[direction]] === true) continue;
      next(sub, `${here.pointer}/${key}${encodePointer([name])}`);
    }
  }
  for (const key of ['allOf', 'oneOf', 'anyOf', 'prefixItems']) if (Array.isArray(s[key])) s[key].forEach((sub, i) => next(sub, `${here.pointer}/${key}/${i}`));
  for (const key of ['items', 'additionalProperties']) if (isObject(s[key])) next(s[key], `${here.pointer}/${key}`);
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Removes the value at `pointer` (an object key, or an array element). */
function remove(doc: unknown, pointer: string): void {
  const keys = decodePointer(pointer);
  const last = keys.pop()!;
  const parent = valueAt(doc, encodePointer(keys));
  if (Array.isArray(parent)) parent.splice(Number(last), 1);
  else if (isObject(parent)) delete parent[last];
}
