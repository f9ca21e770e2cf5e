// For `specfirst verify`: per operation, one request the contract allows (every required
// parameter, credentials for its security, a body of a media type we can build) and one it
// forbids (the smallest change the validator must reject). Values are chosen by verify-values.ts:
// valid examples, else generated ones. Pure: the bundled document and an operation in, requests out.
import { normalizeForValidator } from '../server/runtime/normalize/index.js';
import type { Document } from '../server/runtime/contract.js';
import type { Operation } from './model.js';
import type { OpenAPIDocument } from './load.js';
import { encodePointer } from './pointers.js';
import { chooseValue, derefAt, valueChecker, type ExampleProblem, type Located, type ValueReport } from './verify-values.js';

export type { ExampleProblem };

export interface RequestSpec {
  method: string;
  /** Path and query, relative to the API's base path. */
  url: string;
  headers: Record<string, string>;
  body?: string | FormData | URLSearchParams | Uint8Array;
  /** What the invalid request breaks, for the report. */
  breaks?: string;
}

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
    const result: ValidRequest = { spec: { method: op.method.toUpperCase(), url: '', headers: {} }, problems: [], doubtful: [] };
    const choose = (label: string, at: Located<unknown> | null, examples: Located<unknown>[], fallback: unknown): unknown =>
      chooseValue(doc, validatorDoc, check, { label, schema: at, examples, direction: 'request', fallback }, result);
    const params = parametersOf(doc, op);
    const value = (p: Located<ParameterObject>): unknown =>
      choose(`${p.value.in} parameter "${p.value.name}"`, schemaOf(p), examplesOf(doc, p.value, p.pointer), 'x');
    const path = op.path.replace(/\{([^}]+)\}/g, (_, name: string) => {
      const p = params.find((x) => x.value.in === 'path' && x.value.name === name);
      return encodeURIComponent(pathValues[name] ?? (p ? serialize(value(p)) : 'x'));
    });
    const query = new URLSearchParams();
    const headers = result.spec.headers;
    const cookies: string[] = [];
    for (const p of params.filter((x) => x.value.required && x.value.in !== 'path')) {
      const { name } = p.value;
      if (p.value.in === 'query') addQuery(query, name, value(p));
      else if (p.value.in === 'header' && !/^(accept|content-type|authorization)$/i.test(name)) headers[name] = serialize(value(p));
      else if (p.value.in === 'cookie') cookies.push(`${name}=${encodeURIComponent(serialize(value(p)))}`);
    }
    addCredentials(doc, op, query, headers, cookies);
    if (cookies.length > 0) headers.cookie = cookies.join('; ');
    result.spec.url = withQuery(path, query);
    const body = requestBody(doc, op, (label, media) => choose(label, media.schema, media.examples, {}));
    if (body) {
      result.spec.body = body.body;
      if (body.contentType) headers['content-type'] = body.contentType;
    }
    return result;
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
      return { ...validSpec, url: withQuery(path!, query), breaks: `required query parameter ${requiredQuery.name} missing` };
    }
    query.set('specfirst_unknown', '1');
    return { ...validSpec, url: withQuery(path!, query), breaks: 'an unknown query parameter' };
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

function addQuery(query: URLSearchParams, name: string, value: unknown): void {
  if (Array.isArray(value)) for (const v of value) query.append(name, serialize(v));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) query.append(k, serialize(v));
  else query.append(name, serialize(value));
}

function serialize(value: unknown): string {
  return typeof value === 'string' ? value : Array.isArray(value) ? value.map(serialize).join(',') : JSON.stringify(value);
}

function withQuery(path: string, query: URLSearchParams): string {
  const q = query.toString();
  return q ? `${path}?${q}` : path;
}

/** Credentials for the first security requirement: the mock verifiers accept any. */
function addCredentials(doc: Doc, op: Operation, query: URLSearchParams, headers: Record<string, string>, cookies: string[]): void {
  const requirement = op.security?.[0];
  if (!requirement) return;
  const schemes = (doc.components?.securitySchemes ?? {}) as Record<string, unknown>;
  for (const name of Object.keys(requirement)) {
    const scheme = deref<{ type?: string; in?: string; name?: string; scheme?: string }>(doc, schemes[name]);
    if (!scheme) continue;
    if (scheme.type === 'apiKey' && scheme.name) {
      if (scheme.in === 'query') query.set(scheme.name, 'specfirst-mock-key');
      else if (scheme.in === 'cookie') cookies.push(`${scheme.name}=specfirst-mock-key`);
      else headers[scheme.name] = 'specfirst-mock-key';
    } else if (scheme.type === 'http' && scheme.scheme?.toLowerCase() === 'basic') {
      headers.authorization = `Basic ${Buffer.from('specfirst:mock').toString('base64')}`;
    } else {
      headers.authorization = 'Bearer specfirst-mock-token';
    }
  }
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

function requestBody(doc: Doc, op: Operation, sample: (label: string, media: Media) => unknown): { body: RequestSpec['body']; contentType?: string } | null {
  if (!op.requestBody) return null;
  const media = mediaTypesOf(doc, op);
  const pick = (test: RegExp) => media.find((m) => test.test(m.mediaType));
  const valueOf = (m: Media): unknown => sample(`the ${m.mediaType.split(';')[0]} request body`, m);
  const json = pick(/^application\/(.+\+)?json/i);
  if (json) return { body: JSON.stringify(valueOf(json)), contentType: json.mediaType.split(';')[0] };
  const form = pick(/^application\/x-www-form-urlencoded/i);
  if (form) {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries((valueOf(form) ?? {}) as Record<string, unknown>)) addQuery(params, k, v);
    return { body: params };
  }
  const multipart = pick(/^multipart\/form-data/i);
  if (multipart) {
    const data = new FormData();
    const schema = deref<{ properties?: Record<string, unknown> }>(doc, multipart.rawSchema);
    for (const [k, v] of Object.entries((valueOf(multipart) ?? {}) as Record<string, unknown>)) {
      const prop = deref<{ format?: string; type?: string }>(doc, schema?.properties?.[k]);
      if (prop?.format === 'binary') data.set(k, new Blob(['specfirst'], { type: 'application/octet-stream' }), 'file.bin');
      else data.set(k, serialize(v));
    }
    return { body: data };
  }
  const text = pick(/^text\//i);
  if (text) return { body: serialize(valueOf(text)), contentType: text.mediaType.split(';')[0] };
  const [other] = media;
  if (other) return { body: new Uint8Array([115, 102]), contentType: other.mediaType.includes('*') ? 'application/octet-stream' : other.mediaType.split(';')[0] };
  return null;
}
