// The one request builder, shared by `specfirst verify`, the Prism differential test and
// `specfirst fuzz`: what an operation takes (its parameters, bodies and security, `$ref`s
// followed), and values → an HTTP request serialised as the contract says (parameter styles,
// media types, credentials). Values come from the contract's examples, else openapi-sampler, or
// from whoever calls `buildRequest` (the fuzzer's arbitraries). Pure: document in, requests out.
import { sampleSchema } from '../server/runtime/sample.js';
import type { Document } from '../server/runtime/contract.js';
import { deref, type Operation } from './model.js';
import type { OpenAPIDocument } from './load.js';

export interface RequestSpec {
  method: string;
  /** Path and query, relative to the API's base path. */
  url: string;
  headers: Record<string, string>;
  body?: string | FormData | URLSearchParams | Uint8Array;
  /** What the invalid request breaks, for the report. */
  breaks?: string;
}

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

/** Credentials by security scheme name: an API key, a token, or `user:password` for Basic. */
export type Credentials = Record<string, string>;

/** Values for one request, before serialisation. A location left out sends nothing there. */
export interface RequestValues {
  path?: Record<string, unknown>;
  query?: Record<string, unknown>;
  header?: Record<string, unknown>;
  cookie?: Record<string, unknown>;
  /** Query pairs sent after the declared ones, as they are (an unknown parameter, say). */
  extraQuery?: [string, string][];
  /** Credentials for the operation's first security requirement; false sends none. Default: placeholders. */
  credentials?: Credentials | false;
  body?: BodyValue;
}

/** A body as a value to serialise for its media type, or as raw bytes (malformed on purpose). */
export type BodyValue = { mediaType: string; value: unknown } | { mediaType: string; raw: string };

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

/** Every required parameter from examples or samples, credentials, and the first body we can build. */
export function requiredValues(doc: Doc, op: Operation, inputs = operationInputs(doc, op)): RequestValues {
  const values: RequestValues = { path: {}, query: {}, header: {}, cookie: {} };
  for (const name of op.path.match(/\{[^}]+\}/g) ?? []) values.path![name.slice(1, -1)] = 'x';
  for (const p of inputs.parameters.filter((x) => x.required || x.in === 'path')) values[p.in]![p.name] = exampleValue(doc, p);
  const body = buildableBodies(inputs)[0];
  if (op.requestBody && body) values.body = { mediaType: body.mediaType, value: exampleBody(doc, body) };
  return values;
}

/** `pathValues` replaces the value of named path parameters (to build invalid requests). */
export function validRequest(doc: Doc, op: Operation, pathValues: Record<string, string> = {}): RequestSpec {
  const values = requiredValues(doc, op);
  Object.assign(values.path!, pathValues);
  return buildRequest(doc, op, values);
}

/** The valid request with one thing broken; each choice is something the contract forbids. */
export function invalidRequest(doc: Doc, op: Operation): RequestSpec {
  const valid = validRequest(doc, op);
  const params = operationInputs(doc, op).parameters;
  const bodySchema = jsonBodySchema(operationInputs(doc, op));
  if (bodySchema && schemaType(bodySchema) === 'object') {
    return { ...valid, headers: { ...valid.headers, 'content-type': 'application/json' }, body: '"specfirst: not an object"', breaks: 'JSON body of the wrong type' };
  }
  const typedPath = params.find((p) => p.in === 'path' && ['integer', 'number', 'boolean'].includes(schemaType(p.schema) ?? ''));
  if (typedPath) {
    return { ...validRequest(doc, op, { [typedPath.name]: 'specfirst-not-a-number' }), breaks: `path parameter ${typedPath.name} of the wrong type` };
  }
  const requiredQuery = params.find((p) => p.in === 'query' && p.required);
  if (requiredQuery) {
    const values = requiredValues(doc, op);
    delete values.query![requiredQuery.name];
    return { ...buildRequest(doc, op, values), breaks: `required query parameter ${requiredQuery.name} missing` };
  }
  const values = requiredValues(doc, op);
  values.extraQuery = [['specfirst_unknown', '1']];
  return { ...buildRequest(doc, op, values), breaks: 'an unknown query parameter' };
}

/** Serialises values as the contract says: parameter styles, the body's media type, credentials. */
export function buildRequest(doc: Doc, op: Operation, values: RequestValues): RequestSpec {
  const inputs = operationInputs(doc, op);
  const param = (location: ParameterInput['in'], name: string): ParameterInput => inputs.parameters.find((p) => p.in === location && p.name === name) ?? { name, in: location };
  const path = op.path.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const value = values.path?.[name];
    return value === undefined ? `{${name}}` : pathSegment(param('path', name), value);
  });
  const query: [string, string][] = [];
  for (const [name, value] of Object.entries(values.query ?? {})) if (value !== undefined) query.push(...queryPairs(param('query', name), value));
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(values.header ?? {})) {
    if (value !== undefined && !/^(accept|content-type|authorization)$/i.test(name)) headers[name] = simple(value, param('header', name).explode === true);
  }
  const cookies: string[] = [];
  for (const [name, value] of Object.entries(values.cookie ?? {})) if (value !== undefined) cookies.push(`${name}=${encodeURIComponent(simple(value, false))}`);
  if (values.credentials !== false) addCredentials(doc, op, values.credentials ?? {}, query, headers, cookies);
  query.push(...(values.extraQuery ?? []));
  if (cookies.length > 0) headers.cookie = cookies.join('; ');
  const spec: RequestSpec = { method: op.method.toUpperCase(), url: withQuery(path, query), headers };
  if (values.body) {
    const body = serializeBody(doc, inputs, values.body);
    spec.body = body.body;
    if (body.contentType) headers['content-type'] = body.contentType;
  }
  return spec;
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

function pathSegment(p: ParameterInput, value: unknown): string {
  const explode = p.explode === true;
  if (p.style === 'label') return `.${encodeURIComponent(simple(value, explode)).replace(/%2C/g, explode ? '.' : ',')}`;
  if (p.style === 'matrix') return `;${p.name}=${encodeURIComponent(simple(value, explode))}`;
  return encodeURIComponent(simple(value, explode));
}

/** Query pairs for one parameter: form (explode by default), space/pipe-delimited, deepObject. */
function queryPairs(p: ParameterInput, value: unknown): [string, string][] {
  const style = p.style ?? 'form';
  const explode = p.explode ?? style === 'form';
  if (Array.isArray(value)) {
    if (explode) return value.map((v) => [p.name, scalar(v)]);
    const separator = style === 'spaceDelimited' ? ' ' : style === 'pipeDelimited' ? '|' : ',';
    return [[p.name, value.map(scalar).join(separator)]];
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    if (style === 'deepObject') return entries.map(([k, v]) => [`${p.name}[${k}]`, scalar(v)]);
    if (explode) return entries.map(([k, v]) => [k, scalar(v)]);
    return [[p.name, entries.flatMap(([k, v]) => [k, scalar(v)]).join(',')]];
  }
  return [[p.name, scalar(value)]];
}

/** The `simple` style (path and header): arrays and objects comma-separated. */
function simple(value: unknown, explode: boolean): string {
  if (Array.isArray(value)) return value.map(scalar).join(',');
  if (value !== null && typeof value === 'object') return Object.entries(value).map(([k, v]) => (explode ? `${k}=${scalar(v)}` : `${k},${scalar(v)}`)).join(',');
  return scalar(value);
}

function scalar(value: unknown): string {
  return typeof value === 'string' ? value : Array.isArray(value) ? value.map(scalar).join(',') : JSON.stringify(value);
}

function withQuery(path: string, pairs: [string, string][]): string {
  const q = new URLSearchParams(pairs).toString();
  return q ? `${path}?${q}` : path;
}

/** Credentials for the first security requirement: the given ones, else placeholders (mock verifiers accept any). */
function addCredentials(doc: Doc, op: Operation, given: Credentials, query: [string, string][], headers: Record<string, string>, cookies: string[]): void {
  const requirement = op.security?.[0];
  if (!requirement) return;
  const schemes = (doc.components?.securitySchemes ?? {}) as Record<string, unknown>;
  for (const name of Object.keys(requirement)) {
    const scheme = deref<{ type?: string; in?: string; name?: string; scheme?: string }>(doc, schemes[name] as never);
    if (!scheme) continue;
    if (scheme.type === 'apiKey' && scheme.name) {
      const value = given[name] ?? 'specfirst-mock-key';
      if (scheme.in === 'query') query.push([scheme.name, value]);
      else if (scheme.in === 'cookie') cookies.push(`${scheme.name}=${encodeURIComponent(value)}`);
      else headers[scheme.name] = value;
    } else if (scheme.type === 'http' && scheme.scheme?.toLowerCase() === 'basic') {
      headers.authorization = `Basic ${Buffer.from(given[name] ?? 'specfirst:mock').toString('base64')}`;
    } else {
      headers.authorization = `Bearer ${given[name] ?? 'specfirst-mock-token'}`;
    }
  }
}

function serializeBody(doc: Doc, inputs: OperationInputs, body: BodyValue): { body: RequestSpec['body']; contentType?: string } {
  const contentType = concreteMediaType(body.mediaType);
  if ('raw' in body) return { body: body.raw, contentType };
  const { value } = body;
  if (/^application\/(.+\+)?json/i.test(contentType)) return { body: JSON.stringify(value), contentType };
  if (/^application\/x-www-form-urlencoded/i.test(contentType)) {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries((value ?? {}) as Record<string, unknown>)) for (const [name, s] of queryPairs({ name: k, in: 'query' }, v)) params.append(name, s);
    return { body: params };
  }
  if (/^multipart\/form-data/i.test(contentType)) {
    const data = new FormData();
    const schema = deref<{ properties?: Record<string, unknown> }>(doc, inputs.bodies.find((b) => b.mediaType === body.mediaType)?.schema as never);
    for (const [k, v] of Object.entries((value ?? {}) as Record<string, unknown>)) {
      const prop = deref<{ format?: string; type?: string; items?: { format?: string } }>(doc, schema?.properties?.[k] as never);
      if (prop?.format === 'binary') data.set(k, new Blob([typeof v === 'string' && v !== '' ? v : 'specfirst'], { type: 'application/octet-stream' }), 'file.bin');
      else if (Array.isArray(v)) for (const item of v) data.append(k, scalar(item));
      else data.set(k, scalar(v));
    }
    return { body: data };
  }
  if (/^text\//i.test(contentType)) return { body: scalar(value), contentType };
  return { body: typeof value === 'string' && value !== '' ? value : new Uint8Array([115, 102]), contentType };
}
