// For `specfirst verify`: per operation, one request the contract allows (every required
// parameter, credentials for its security, a body of a media type we can build) and one it
// forbids (the smallest change the validator must reject). Values come from the contract's
// examples, else openapi-sampler. Pure: bundled document + operation in, request descriptions out.
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

interface ParameterObject {
  name: string;
  in: string;
  required?: boolean;
  schema?: Record<string, unknown>;
  example?: unknown;
  examples?: Record<string, { value?: unknown }>;
  style?: string;
  explode?: boolean;
}

type Doc = OpenAPIDocument;

/** `pathValues` replaces the value of named path parameters (to build invalid requests). */
export function validRequest(doc: Doc, op: Operation, pathValues: Record<string, string> = {}): RequestSpec {
  const params = parametersOf(doc, op);
  const path = op.path.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const p = params.find((x) => x.in === 'path' && x.name === name);
    return encodeURIComponent(pathValues[name] ?? serialize(valueOf(doc, p)));
  });
  const query = new URLSearchParams();
  const headers: Record<string, string> = {};
  const cookies: string[] = [];
  for (const p of params.filter((x) => x.required && x.in !== 'path')) {
    const value = valueOf(doc, p);
    if (p.in === 'query') addQuery(query, p.name, value);
    else if (p.in === 'header' && !/^(accept|content-type|authorization)$/i.test(p.name)) headers[p.name] = serialize(value);
    else if (p.in === 'cookie') cookies.push(`${p.name}=${encodeURIComponent(serialize(value))}`);
  }
  addCredentials(doc, op, query, headers, cookies);
  if (cookies.length > 0) headers.cookie = cookies.join('; ');
  const spec: RequestSpec = { method: op.method.toUpperCase(), url: withQuery(path, query), headers };
  const body = requestBody(doc, op);
  if (body) {
    spec.body = body.body;
    if (body.contentType) headers['content-type'] = body.contentType;
  }
  return spec;
}

/** The valid request with one thing broken; each choice is something the contract forbids. */
export function invalidRequest(doc: Doc, op: Operation): RequestSpec {
  const valid = validRequest(doc, op);
  const params = parametersOf(doc, op);
  const bodySchema = jsonBodySchema(doc, op);
  if (bodySchema && typeOf(bodySchema) === 'object') {
    return { ...valid, headers: { ...valid.headers, 'content-type': 'application/json' }, body: '"specfirst: not an object"', breaks: 'JSON body of the wrong type' };
  }
  const typedPath = params.find((p) => p.in === 'path' && ['integer', 'number', 'boolean'].includes(typeOf(p.schema) ?? ''));
  if (typedPath) {
    return { ...validRequest(doc, op, { [typedPath.name]: 'specfirst-not-a-number' }), breaks: `path parameter ${typedPath.name} of the wrong type` };
  }
  const requiredQuery = params.find((p) => p.in === 'query' && p.required);
  if (requiredQuery) {
    const [path, search = ''] = valid.url.split('?');
    const query = new URLSearchParams(search);
    query.delete(requiredQuery.name);
    return { ...valid, url: withQuery(path!, query), breaks: `required query parameter ${requiredQuery.name} missing` };
  }
  const [path, search = ''] = valid.url.split('?');
  const query = new URLSearchParams(search);
  query.set('specfirst_unknown', '1');
  return { ...valid, url: withQuery(path!, query), breaks: 'an unknown query parameter' };
}

function parametersOf(doc: Doc, op: Operation): ParameterObject[] {
  const item = deref<Record<string, unknown>>(doc, (doc.paths as Record<string, unknown>)[op.path] as never) ?? {};
  const raw = [...((item.parameters as unknown[]) ?? []), ...(((item[op.method] as Record<string, unknown>)?.parameters as unknown[]) ?? [])];
  const byKey = new Map<string, ParameterObject>();
  for (const r of raw) {
    const p = deref<ParameterObject>(doc, r as never);
    if (p) byKey.set(`${p.in}:${p.name}`, { ...p, schema: deref(doc, p.schema as never) });
  }
  return [...byKey.values()];
}

function valueOf(doc: Doc, p: ParameterObject | undefined): unknown {
  if (!p) return 'x';
  if (p.example !== undefined) return p.example;
  const example = Object.values(p.examples ?? {})[0];
  if (example && deref<{ value?: unknown }>(doc, example as never)?.value !== undefined) return deref<{ value?: unknown }>(doc, example as never)!.value;
  return p.schema ? sampleSchema(doc as unknown as Document, p.schema, { direction: 'request' }) : 'x';
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
    const scheme = deref<{ type?: string; in?: string; name?: string; scheme?: string }>(doc, schemes[name] as never);
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

interface MediaObject {
  schema?: unknown;
  example?: unknown;
  examples?: Record<string, unknown>;
}

function mediaTypesOf(doc: Doc, op: Operation): [string, MediaObject][] {
  const item = (doc.paths as Record<string, Record<string, { requestBody?: unknown }>>)[op.path];
  const body = deref<{ content?: Record<string, MediaObject> }>(doc, deref<Record<string, { requestBody?: unknown }>>(doc, item as never)?.[op.method]?.requestBody as never);
  return Object.entries(body?.content ?? {});
}

function jsonBodySchema(doc: Doc, op: Operation): Record<string, unknown> | undefined {
  const json = mediaTypesOf(doc, op).find(([m]) => /json/i.test(m));
  return json ? deref<Record<string, unknown>>(doc, json[1].schema as never) : undefined;
}

function typeOf(schema: Record<string, unknown> | undefined): string | undefined {
  const t = schema?.type;
  return Array.isArray(t) ? (t.find((x) => x !== 'null') as string | undefined) : (t as string | undefined) ?? (schema?.properties ? 'object' : undefined);
}

function requestBody(doc: Doc, op: Operation): { body: RequestSpec['body']; contentType?: string } | null {
  if (!op.requestBody) return null;
  const media = mediaTypesOf(doc, op);
  const pick = (test: RegExp) => media.find(([m]) => test.test(m));
  const sample = (m: MediaObject): unknown => {
    if (m.example !== undefined) return m.example;
    const first = deref<{ value?: unknown }>(doc, Object.values(m.examples ?? {})[0] as never);
    if (first?.value !== undefined) return first.value;
    return m.schema ? sampleSchema(doc as unknown as Document, m.schema, { direction: 'request' }) : {};
  };
  const json = pick(/^application\/(.+\+)?json/i);
  if (json) return { body: JSON.stringify(sample(json[1])), contentType: json[0].split(';')[0] };
  const form = pick(/^application\/x-www-form-urlencoded/i);
  if (form) {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries((sample(form[1]) ?? {}) as Record<string, unknown>)) addQuery(params, k, v);
    return { body: params };
  }
  const multipart = pick(/^multipart\/form-data/i);
  if (multipart) {
    const data = new FormData();
    const schema = deref<{ properties?: Record<string, unknown> }>(doc, multipart[1].schema as never);
    for (const [k, v] of Object.entries((sample(multipart[1]) ?? {}) as Record<string, unknown>)) {
      const prop = deref<{ format?: string; type?: string }>(doc, schema?.properties?.[k] as never);
      if (prop?.format === 'binary') data.set(k, new Blob(['specfirst'], { type: 'application/octet-stream' }), 'file.bin');
      else data.set(k, serialize(v));
    }
    return { body: data };
  }
  const text = pick(/^text\//i);
  if (text) return { body: serialize(sample(text[1])), contentType: text[0].split(';')[0] };
  const [other] = media;
  if (other) return { body: new Uint8Array([115, 102]), contentType: other[0].includes('*') ? 'application/octet-stream' : other[0].split(';')[0] };
  return null;
}
