// For `specfirst verify`: per operation, one request the contract allows (every required
// parameter, credentials for its security, a body of a media type we can build) and one it
// forbids (the smallest change the validator must reject). Values are chosen by verify-values.ts:
// valid examples, else generated ones, serialised by build-request.ts as the contract says (the
// same serialisation the fuzzer and the Prism test use). Pure: the bundled document and an
// operation in, requests out.
import { normalizeForValidator } from '../../server/runtime/normalize/index.js';
import type { Document } from '../../server/runtime/contract/document.js';
import { buildRequest, type BodyValue, type RequestSpec, type RequestValues } from '../requests/build-request.js';
import type { Operation } from '../model/model.js';
import type { OpenAPIDocument } from '../contract/load.js';
import { encodePointer } from '../../server/runtime/contract/pointer.js';
import { chooseValue, derefAt, valueChecker, type ExampleProblem, type Located, type ValueReport } from '../requests/values.js';

export type { ExampleProblem, RequestSpec };

export interface ValidRequest extends ValueReport {
  spec: RequestSpec;
}

export interface RequestBuilder {
  valid(op: Operation): ValidRequest;
  /** `valid` with one thing broken; each choice is something the contract forbids. */
  invalid(op: Operation, valid: RequestSpec): RequestSpec;
}

interface ParameterObject {
  name: string;
  in: string;
  required?: boolean;
  schema?: Record<string, unknown>;
  example?: unknown;
  examples?: Record<string, unknown>;
}

type Doc = OpenAPIDocument;

export function requestBuilder(doc: Doc): RequestBuilder {
  const validatorDoc = normalizeForValidator(doc as unknown as Document).document;
  const check = valueChecker(validatorDoc);

  const valid = (op: Operation, pathValues: Record<string, string> = {}): ValidRequest => {
    const report: ValueReport = { problems: [], doubtful: [] };
    const choose = (label: string, at: Located<unknown> | null, examples: Located<unknown>[], fallback: unknown): unknown =>
      chooseValue(doc, validatorDoc, check, { label, schema: at, examples, direction: 'request', fallback }, report);
    const params = parametersOf(doc, op);
    const values: RequestValues = { path: {}, query: {}, header: {}, cookie: {} };
    for (const name of op.path.match(/\{[^}]+\}/g) ?? []) values.path![name.slice(1, -1)] = 'x';
    for (const p of params.filter((x) => x.value.required || x.value.in === 'path')) {
      const location = p.value.in as 'path' | 'query' | 'header' | 'cookie';
      if (!values[location]) continue;
      values[location]![p.value.name] = choose(`${p.value.in} parameter "${p.value.name}"`, schemaOf(p), examplesOf(doc, p.value, p.pointer), 'x');
    }
    Object.assign(values.path!, pathValues);
    const body = requestBody(doc, op, (label, media) => choose(label, media.schema, media.examples, {}));
    if (body) values.body = body;
    return { spec: buildRequest(doc, op, values), ...report };
  };

  const invalid = (op: Operation, validSpec: RequestSpec): RequestSpec => {
    const params = parametersOf(doc, op).map((p) => p.value);
    const bodySchema = jsonBodySchema(doc, op);
    if (bodySchema && typeOf(bodySchema) === 'object') {
      return { ...validSpec, headers: { ...validSpec.headers, 'content-type': 'application/json' }, body: '"specfirst: not an object"', breaks: 'JSON body of the wrong type' };
    }
    const typedPath = params.find((p) => p.in === 'path' && ['integer', 'number', 'boolean'].includes(typeOf(deref(doc, p.schema)) ?? ''));
    if (typedPath) {
      return { ...valid(op, { [typedPath.name]: 'specfirst-not-a-number' }).spec, breaks: `path parameter ${typedPath.name} of the wrong type` };
    }
    const [path, search = ''] = validSpec.url.split('?');
    const query = new URLSearchParams(search);
    const requiredQuery = params.find((p) => p.in === 'query' && p.required);
    if (requiredQuery) {
      query.delete(requiredQuery.name);
      return { ...validSpec, url: withSearch(path!, query), breaks: `required query parameter ${requiredQuery.name} missing` };
    }
    query.set('specfirst_unknown', '1');
    return { ...validSpec, url: withSearch(path!, query), breaks: 'an unknown query parameter' };
  };

  return { valid: (op) => valid(op), invalid };
}

function deref<T = Record<string, unknown>>(doc: Doc, value: unknown): T | undefined {
  return derefAt<T>(doc, value, '').value;
}

function parametersOf(doc: Doc, op: Operation): Located<ParameterObject>[] {
  const itemPointer = encodePointer(['paths', op.path]);
  const item = derefAt<Record<string, unknown>>(doc, (doc.paths as Record<string, unknown>)[op.path], itemPointer);
  const opAt = derefAt<Record<string, unknown>>(doc, item.value?.[op.method], `${item.pointer}/${op.method}`);
  const byKey = new Map<string, Located<ParameterObject>>();
  const add = (list: unknown, base: string): void => {
    if (!Array.isArray(list)) return;
    list.forEach((raw, i) => {
      const p = derefAt<ParameterObject>(doc, raw, `${base}/parameters/${i}`);
      if (p.value && typeof p.value.name === 'string') byKey.set(`${p.value.in}:${p.value.name}`, p);
    });
  };
  add(item.value?.parameters, item.pointer);
  add(opAt.value?.parameters, opAt.pointer);
  return [...byKey.values()];
}

function schemaOf(p: Located<ParameterObject>): Located<unknown> | null {
  return p.value.schema ? { value: p.value.schema, pointer: `${p.pointer}/schema` } : null;
}

/** The value an example object holds, located (following a `$ref` to components/examples). */
function examplesOf(doc: Doc, holder: { example?: unknown; examples?: Record<string, unknown> }, pointer: string): Located<unknown>[] {
  if (holder.example !== undefined) return [{ value: holder.example, pointer: `${pointer}/example` }];
  const [name, first] = Object.entries(holder.examples ?? {})[0] ?? [];
  if (name === undefined) return [];
  const example = derefAt<{ value?: unknown }>(doc, first, `${pointer}/examples${encodePointer([name])}`);
  return example.value?.value !== undefined ? [{ value: example.value.value, pointer: `${example.pointer}/value` }] : [];
}

function withSearch(path: string, query: URLSearchParams): string {
  const q = query.toString();
  return q ? `${path}?${q}` : path;
}

interface Media {
  mediaType: string;
  schema: Located<unknown> | null;
  examples: Located<unknown>[];
  rawSchema: unknown;
}

function mediaTypesOf(doc: Doc, op: Operation): Media[] {
  const item = derefAt<Record<string, unknown>>(doc, (doc.paths as Record<string, unknown>)[op.path], encodePointer(['paths', op.path]));
  const opAt = derefAt<{ requestBody?: unknown }>(doc, item.value?.[op.method], `${item.pointer}/${op.method}`);
  const body = derefAt<{ content?: Record<string, { schema?: unknown; example?: unknown; examples?: Record<string, unknown> }> }>(doc, opAt.value?.requestBody, `${opAt.pointer}/requestBody`);
  return Object.entries(body.value?.content ?? {}).map(([mediaType, media]) => {
    const pointer = `${body.pointer}/content${encodePointer([mediaType])}`;
    return {
      mediaType,
      rawSchema: media.schema,
      schema: media.schema !== undefined ? { value: media.schema, pointer: `${pointer}/schema` } : null,
      examples: examplesOf(doc, media, pointer),
    };
  });
}

function jsonBodySchema(doc: Doc, op: Operation): Record<string, unknown> | undefined {
  const json = mediaTypesOf(doc, op).find((m) => /json/i.test(m.mediaType));
  return json ? deref<Record<string, unknown>>(doc, json.rawSchema) : undefined;
}

function typeOf(schema: Record<string, unknown> | undefined): string | undefined {
  const t = schema?.type;
  return Array.isArray(t) ? (t.find((x) => x !== 'null') as string | undefined) : (t as string | undefined) ?? (schema?.properties ? 'object' : undefined);
}

/** The body verify sends: JSON first, then a form, multipart, text, else a few raw bytes of the first media type. */
function requestBody(doc: Doc, op: Operation, sample: (label: string, media: Media) => unknown): BodyValue | null {
  if (!op.requestBody) return null;
  const media = mediaTypesOf(doc, op);
  const pick = (test: RegExp) => media.find((m) => test.test(m.mediaType));
  const chosen = pick(/^application\/(.+\+)?json/i) ?? pick(/^application\/x-www-form-urlencoded/i) ?? pick(/^multipart\/form-data/i) ?? pick(/^text\//i);
  if (chosen) return { mediaType: chosen.mediaType, value: sample(`the ${chosen.mediaType.split(';')[0]} request body`, chosen) };
  const [other] = media;
  return other ? { mediaType: other.mediaType, raw: 'sf' } : null;
}
