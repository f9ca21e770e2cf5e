// What an operation takes, read once from the bundled contract: its parameters, request bodies
// and their schemas (with the JSON Pointer of each schema, `$ref`s followed), and the contract's
// example of each, located for reports. The one walker of an operation's inputs: verify, the
// fuzzer and the differential test's request set all read operations through it. Pure: document
// in, plain data out.
import type { Located } from '../../server/runtime/example-or-sample.js';
import type { Operation } from '../model/model.js';
import type { OpenAPIDocument } from '../contract/load.js';
import { derefAt, encodePointer } from '../../server/runtime/contract/pointer.js';
import { exampleData } from '../../server/runtime/contract/example-value.js';
import { operationIn, operationPointer } from '../../server/runtime/contract/methods.js';
import { isJsonMediaType } from '../../server/runtime/contract/media-types.js';
import { allowsUnknownQuery } from '../../server/runtime/plan/parameters.js';

export type { Located };

export interface ParameterInput {
  name: string;
  in: 'path' | 'query' | 'querystring' | 'header' | 'cookie';
  required?: boolean;
  /** `querystring` (OpenAPI 3.2): the media type of its `content`, which says how the query string is written. */
  mediaType?: string;
  schema?: Record<string, unknown>;
  style?: string;
  explode?: boolean;
  allowEmptyValue?: boolean;
  /** JSON Pointer of the schema in the document, `$ref`s followed. */
  at?: string;
  /** The contract's example (its `example`, else its first `examples` entry), where it is written. */
  examples?: Located<unknown>[];
}

export interface BodyInput {
  /** As the contract writes it (may carry parameters or wildcards). */
  mediaType: string;
  schema?: Record<string, unknown>;
  /** JSON Pointer of the schema in the document, `$ref`s followed. */
  at?: string;
  examples: Located<unknown>[];
}

/** What one operation takes, `$ref`s followed. */
export interface OperationInputs {
  parameters: ParameterInput[];
  bodies: BodyInput[];
  bodyRequired: boolean;
  /** Query parameters the operation does not declare are taken, not refused. */
  allowsUnknownQuery: boolean;
}

type Doc = OpenAPIDocument;

interface ExampleHolder {
  example?: unknown;
  examples?: Record<string, unknown>;
}

export function operationInputs(doc: Doc, op: Operation): OperationInputs {
  const item = derefAt<Record<string, unknown>>(doc, (doc.paths as Record<string, unknown>)[op.path], encodePointer(['paths', op.path]));
  const operation = derefAt<Record<string, unknown>>(doc, operationIn(item.value, op.method), operationPointer(op.path, op.method));
  const byKey = new Map<string, ParameterInput>();
  for (const owner of [item, operation]) {
    const list = owner.value?.parameters;
    if (!Array.isArray(list)) continue;
    list.forEach((raw, i) => {
      const { value: p, pointer } = derefAt<ParameterInput & ExampleHolder>(doc, raw, `${owner.pointer}/parameters/${i}`);
      if (!p || typeof p.name !== 'string') return;
      // A querystring parameter's schema is its content's (OpenAPI 3.2 requires content there).
      const [mediaType, media] = p.in === 'querystring' ? (Object.entries((p as { content?: Record<string, { schema?: unknown }> }).content ?? {})[0] ?? []) : [];
      const written = media ? media.schema : p.schema;
      const schema = derefAt<Record<string, unknown>>(doc, written, media ? `${pointer}/content${encodePointer([mediaType!])}/schema` : `${pointer}/schema`);
      const { example: _example, examples: _examples, ...rest } = p;
      byKey.set(`${p.in}:${p.name}`, { ...rest, ...(mediaType ? { mediaType } : {}), schema: schema.value, at: written === undefined ? undefined : schema.pointer, examples: examplesOf(doc, p, pointer) });
    });
  }
  const body = derefAt<{ required?: boolean; content?: Record<string, unknown> }>(doc, operation.value?.requestBody, `${operation.pointer}/requestBody`);
  const bodies = Object.entries(body.value?.content ?? {}).map(([mediaType, m]): BodyInput => {
    const media = derefAt<{ schema?: unknown } & ExampleHolder>(doc, m, `${body.pointer}/content${encodePointer([mediaType])}`);
    const schema = derefAt<Record<string, unknown>>(doc, media.value?.schema, `${media.pointer}/schema`);
    return { mediaType, schema: schema.value, at: media.value?.schema === undefined ? undefined : schema.pointer, examples: examplesOf(doc, media.value ?? {}, media.pointer) };
  });
  return { parameters: [...byKey.values()], bodies, bodyRequired: body.value?.required === true, allowsUnknownQuery: allowsUnknownQuery(operation.value) };
}

/** The value an example holder gives first (its `example`, else its first `examples` entry), located. */
function examplesOf(doc: Doc, holder: ExampleHolder, pointer: string): Located<unknown>[] {
  if (holder.example !== undefined) return [{ value: holder.example, pointer: `${pointer}/example` }];
  const [name, first] = Object.entries(holder.examples ?? {})[0] ?? [];
  if (name === undefined) return [];
  const example = derefAt(doc, first, `${pointer}/examples${encodePointer([name])}`);
  const data = exampleData(example.value);
  return data ? [{ value: data.value, pointer: `${example.pointer}/${data.member}` }] : [];
}

/** Bodies in the order we prefer to build them: JSON, form, multipart, text, anything else. */
export function buildableBodies(inputs: OperationInputs): BodyInput[] {
  const order: ((mediaType: string) => boolean)[] = [isJsonMediaType, (m) => /^application\/x-www-form-urlencoded/i.test(m), (m) => /^multipart\/form-data/i.test(m), (m) => /^text\//i.test(m), () => true];
  const out: BodyInput[] = [];
  for (const test of order) for (const b of inputs.bodies) if (test(b.mediaType) && !out.includes(b)) out.push(b);
  return out;
}

export function jsonBodySchema(inputs: OperationInputs): Record<string, unknown> | undefined {
  return inputs.bodies.find((b) => isJsonMediaType(b.mediaType))?.schema;
}

export function schemaType(schema: Record<string, unknown> | undefined): string | undefined {
  const t = schema?.type;
  return Array.isArray(t) ? (t.find((x) => x !== 'null') as string | undefined) : ((t as string | undefined) ?? (schema?.properties ? 'object' : undefined));
}

/** Form fields are scalars or lists of scalars: nested objects have no defined form encoding. */
export function flatForm(value: unknown): boolean {
  const scalar = (v: unknown) => v === null || typeof v !== 'object';
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).every((v) => scalar(v) || (Array.isArray(v) && v.every(scalar)));
}

