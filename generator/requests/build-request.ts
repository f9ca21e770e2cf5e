// Values → an HTTP request serialised as the contract says (parameter styles, media types, the
// operation's credentials): the one serialiser, for `specfirst verify`, the Prism differential
// test and `specfirst fuzz`. Values come from the one chooser (request-values.ts, values.ts) or
// from the fuzzer's arbitraries. Pure: document in, requests out.
import type { OpenAPIDocument } from '../contract/load.js';
import type { Operation } from '../model/model.js';
import { deref } from '../../server/runtime/contract/pointer.js';
import { concreteMediaType, isJsonMediaType } from '../../server/runtime/contract/media-types.js';
import { operationInputs, type OperationInputs, type ParameterInput } from './operation-inputs.js';

type Doc = OpenAPIDocument;

export interface RequestSpec {
  method: string;
  /** Path and query, relative to the API's base path. */
  url: string;
  headers: Record<string, string>;
  body?: string | FormData | URLSearchParams | Uint8Array;
  /** What the invalid request breaks, for the report. */
  breaks?: string;
}

/** Credentials by security scheme name: an API key, a token, or `user:password` for Basic. */
export type Credentials = Record<string, string>;

/** Values for one request, before serialisation. A location left out sends nothing there. */
export interface RequestValues {
  path?: Record<string, unknown>;
  query?: Record<string, unknown>;
  /** OpenAPI 3.2 `in: querystring`: the one value that is the whole query string, by its parameter's name. */
  querystring?: Record<string, unknown>;
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
  const whole = Object.entries(values.querystring ?? {}).find(([, v]) => v !== undefined);
  // The extra pairs (an unknown parameter, say) still follow the whole query string.
  const url = whole ? `${path}?${[querystringText(param('querystring', whole[0]), whole[1]), new URLSearchParams(values.extraQuery ?? []).toString()].filter(Boolean).join('&')}` : withQuery(path, query);
  const spec: RequestSpec = { method: op.method.toUpperCase(), url, headers };
  if (values.body) {
    const body = serializeBody(doc, inputs, values.body);
    spec.body = body.body;
    if (body.contentType) headers['content-type'] = body.contentType;
  }
  return spec;
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

/** The whole query string from one value (OpenAPI 3.2 `in: querystring`): percent-encoded JSON, else form pairs. */
function querystringText(p: ParameterInput, value: unknown): string {
  if (p.mediaType !== undefined && isJsonMediaType(p.mediaType)) return encodeURIComponent(JSON.stringify(value));
  const pairs: [string, string][] = [];
  for (const [k, v] of Object.entries((value ?? {}) as Record<string, unknown>)) pairs.push(...queryPairs({ name: k, in: 'query' }, v));
  return new URLSearchParams(pairs).toString();
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
  if (isJsonMediaType(contentType)) return { body: JSON.stringify(value), contentType };
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
