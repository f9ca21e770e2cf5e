// What an operation takes, read once from the bundled contract: its parameters, request bodies
// and their schemas (with the JSON Pointer of each schema, `$ref`s followed), and the example or
// sample value of each. Shared by the request builder (build-request.ts), the differential
// test's request set and the fuzzer. Pure: document in, plain data out.
import { sampleSchema } from '../../server/runtime/sample.js';
import type { Document } from '../../server/runtime/contract/document.js';
import type { Operation } from '../model/model.js';
import { deref } from '../../server/runtime/contract/pointer.js';
import type { OpenAPIDocument } from '../contract/load.js';

export interface ParameterInput {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: Record<string, unknown>;
  example?: unknown;
  examples?: Record<string, { value?: unknown }>;
  style?: string;
  explode?: boolean;
  allowEmptyValue?: boolean;
  /** JSON Pointer of the schema in the document, `$ref`s followed. */
  at?: string;
}

export interface BodyInput {
  /** As the contract writes it (may carry parameters or wildcards). */
  mediaType: string;
  schema?: Record<string, unknown>;
  /** JSON Pointer of the schema in the document, `$ref`s followed. */
  at?: string;
  example?: unknown;
  examples?: Record<string, unknown>;
}

/** What one operation takes, `$ref`s followed. */
export interface OperationInputs {
  parameters: ParameterInput[];
  bodies: BodyInput[];
  bodyRequired: boolean;
}

type Doc = OpenAPIDocument;

export function operationInputs(doc: Doc, op: Operation): OperationInputs {
  const item = follow(doc, (doc.paths as Record<string, unknown>)[op.path], `/paths/${escapePointer(op.path)}`);
  const operation = follow(doc, (item.value as Record<string, unknown> | undefined)?.[op.method], `${item.at}/${op.method}`);
  const raw = [
    ...(((item.value as { parameters?: unknown[] } | undefined)?.parameters ?? []).map((p, i) => follow(doc, p, `${item.at}/parameters/${i}`))),
    ...(((operation.value as { parameters?: unknown[] } | undefined)?.parameters ?? []).map((p, i) => follow(doc, p, `${operation.at}/parameters/${i}`))),
  ];
  const byKey = new Map<string, ParameterInput>();
  for (const { value, at } of raw) {
    const p = value as ParameterInput | undefined;
    if (!p) continue;
    const schema = follow(doc, p.schema, `${at}/schema`);
    byKey.set(`${p.in}:${p.name}`, { ...p, schema: schema.value as Record<string, unknown> | undefined, at: schema.at });
  }
  const bodyAt = follow(doc, (operation.value as { requestBody?: unknown } | undefined)?.requestBody, `${operation.at}/requestBody`);
  const body = bodyAt.value as { required?: boolean; content?: Record<string, BodyInput> } | undefined;
  const bodies = Object.entries(body?.content ?? {}).map(([mediaType, m]) => {
    const media = follow(doc, m, `${bodyAt.at}/content/${escapePointer(mediaType)}`);
    const schema = follow(doc, (media.value as BodyInput | undefined)?.schema, `${media.at}/schema`);
    return { ...(media.value as BodyInput), mediaType, schema: schema.value as Record<string, unknown> | undefined, at: schema.at };
  });
  return { parameters: [...byKey.values()], bodies, bodyRequired: body?.required === true };
}

/** A value with its `$ref`s followed, and the JSON Pointer of where it ends up. */
export function follow(doc: Doc, value: unknown, at: string): { value: unknown; at: string } {
  let cur = value;
  let pointer = at;
  for (let hops = 0; hops < 32; hops++) {
    const ref = (cur as { $ref?: unknown } | null | undefined)?.$ref;
    if (typeof ref !== 'string' || !ref.startsWith('#')) break;
    pointer = ref.slice(1);
    cur = deref(doc, { $ref: ref } as never);
  }
  return { value: cur, at: pointer };
}

export function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

export function exampleValue(doc: Doc, p: ParameterInput): unknown {
  if (p.example !== undefined) return p.example;
  const example = deref<{ value?: unknown }>(doc, Object.values(p.examples ?? {})[0] as never);
  if (example?.value !== undefined) return example.value;
  return p.schema ? sampleSchema(doc as unknown as Document, p.schema, { direction: 'request' }) : 'x';
}

export function exampleBody(doc: Doc, media: BodyInput): unknown {
  if (media.example !== undefined) return media.example;
  const first = deref<{ value?: unknown }>(doc, Object.values(media.examples ?? {})[0] as never);
  if (first?.value !== undefined) return first.value;
  return media.schema ? sampleSchema(doc as unknown as Document, media.schema, { direction: 'request' }) : {};
}

/** Bodies in the order we prefer to build them: JSON, form, multipart, text, anything else. */
export function buildableBodies(inputs: OperationInputs): BodyInput[] {
  const order = [/^application\/(.+\+)?json/i, /^application\/x-www-form-urlencoded/i, /^multipart\/form-data/i, /^text\//i, /./];
  const out: BodyInput[] = [];
  for (const test of order) for (const b of inputs.bodies) if (test.test(b.mediaType) && !out.includes(b)) out.push(b);
  return out;
}

export function jsonBodySchema(inputs: OperationInputs): Record<string, unknown> | undefined {
  return inputs.bodies.find((b) => /json/i.test(b.mediaType))?.schema;
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

/** The media type a request names for a declared one (`*` and parameters dropped). */
export function concreteMediaType(declared: string): string {
  const base = declared.split(';')[0]!.trim();
  if (base.includes('*')) return 'application/octet-stream';
  return base;
}
