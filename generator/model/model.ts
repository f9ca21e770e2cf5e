// The operation model: the plain data every emitter reads, built from the bundled contract. Pure:
// no file system, no process. Names are derived here once (see names.ts) so that every emitter
// agrees on them. Problems found while building are returned as located diagnostics.
import type { OpenAPIV3, OpenAPIV3_1 } from 'openapi-types';
import type { OpenAPIDocument } from '../contract/load.js';
import { isIgnoredHeader } from '../../server/runtime/contract/ignored-headers.js';
import { HTTP_METHODS, operationPointer, operationsOf, type HttpMethod } from '../../server/runtime/contract/methods.js';
import { deref, encodePointer, refTargetObject } from '../../server/runtime/contract/pointer.js';
import { decodedEvent } from '../../server/runtime/normalize/event-data.js';
import { itemShapeOf } from '../../server/runtime/plan/items.js';
import {
  derivedOperationName,
  fileStem,
  GENERATED_IDENTIFIERS,
  handlerName,
  operationNameKeys,
  typeStem,
  uniqueNames,
  VERIFIER_IDENTIFIERS,
  verifierNameKeys,
} from './names.js';

/** `querystring` (OpenAPI 3.2): the whole query string as one value, parsed by its `content` media type. */
export type ParameterLocation = 'path' | 'query' | 'querystring' | 'header' | 'cookie';

export interface Parameter {
  name: string;
  in: ParameterLocation;
  required: boolean;
  /** The schema gives a default, so the server always fills it in. */
  hasDefault: boolean;
  /** `querystring`: the media type of its `content`, which says how the query string is parsed. */
  mediaType?: string;
}

export interface RequestBody {
  required: boolean;
  /** Media types in contract order. */
  mediaTypes: string[];
  /** Those read as a stream of items (`itemSchema`: JSON Lines, json-seq, SSE). */
  streamed: string[];
}

export interface ResponseHeader {
  name: string;
  required: boolean;
}

export interface Response {
  /** `200`, `2XX` or `default`, as the contract writes it. */
  status: string;
  description: string;
  mediaTypes: string[];
  /** Those sent as a stream of items (`itemSchema`: SSE, JSON Lines, json-seq). */
  streamed: string[];
  /** Streamed SSE media types whose events carry JSON `data` (contentMediaType): clients decode it. */
  jsonEventData: string[];
  headers: ResponseHeader[];
}

/** One requirement object: every named scheme must pass (AND); the list of them is an OR. */
export type SecurityRequirement = Record<string, string[]>;

export interface Operation {
  /** The handler's name: a valid identifier, unique in the API. */
  name: string;
  /** The stem of type names: `ListPets` for `ListPetsRequest`, `ListPetsResponse`. */
  typeStem: string;
  /** The stub's file name without extension. */
  fileStem: string;
  operationId: string | null;
  /** Lower case: `get`, `query`, or an `additionalOperations` method (`copy`). */
  method: string;
  path: string;
  /** JSON Pointer of the operation in the contract. */
  pointer: string;
  summary: string | null;
  description: string | null;
  deprecated: boolean;
  tags: string[];
  parameters: Parameter[];
  /**
   * Header parameters OpenAPI says to ignore (`Accept`, `Content-Type`, `Authorization`: content
   * and security describe them), as the contract names them. Not in `parameters`, not in the typed
   * request, and not validated.
   */
  ignoredHeaders: string[];
  requestBody: RequestBody | null;
  responses: Response[];
  /** The security that applies (operation's own, else the contract's); null when none is declared. */
  security: SecurityRequirement[] | null;
}

/** One entry of components/securitySchemes, as the runtime and the generated types need it. */
export interface SecurityScheme {
  /** The key in components/securitySchemes. */
  key: string;
  /** The verifier's name: a valid identifier. */
  name: string;
  fileStem: string;
  type: 'apiKey' | 'http' | 'oauth2' | 'openIdConnect' | 'mutualTLS';
  /** apiKey: where the key travels and under what name. */
  in?: 'header' | 'query' | 'cookie';
  paramName?: string;
  /** http: `basic`, `bearer`, … (lower case). */
  scheme?: string;
  bearerFormat?: string;
  description: string | null;
}

export interface ApiModel {
  title: string;
  version: string;
  openapi: string;
  operations: Operation[];
  securitySchemes: SecurityScheme[];
}

type Doc = OpenAPIDocument;
type Ref = OpenAPIV3.ReferenceObject;
type ParameterObject = OpenAPIV3.ParameterObject | OpenAPIV3_1.ParameterObject;
type ResponseObject = OpenAPIV3.ResponseObject | OpenAPIV3_1.ResponseObject;
type RequestBodyObject = OpenAPIV3.RequestBodyObject | OpenAPIV3_1.RequestBodyObject;
type HeaderObject = OpenAPIV3.HeaderObject | OpenAPIV3_1.HeaderObject;
type SchemaObject = OpenAPIV3.SchemaObject | OpenAPIV3_1.SchemaObject;

export function buildModel(doc: Doc): ApiModel {
  const found: { path: string; method: string; item: OpenAPIV3.PathItemObject; op: OpenAPIV3.OperationObject }[] = [];
  for (const [path, rawItem] of Object.entries(doc.paths ?? {})) {
    const item = deref<OpenAPIV3.PathItemObject>(doc, rawItem as OpenAPIV3.PathItemObject);
    if (!isObject(item)) continue;
    for (const { method, operation } of operationsOf(item as Record<string, unknown>)) {
      const op = operation as OpenAPIV3.OperationObject | undefined;
      if (isObject(op)) found.push({ path, method, item, op });
    }
  }
  // Names are given all at once, so that two operations never share one (lint says which had to give way).
  const names = uniqueNames(
    found.map((f, i) => {
      const operationId = typeof f.op.operationId === 'string' ? f.op.operationId : undefined;
      const wanted = operationId ? handlerName(operationId) : derivedOperationName(f.method, f.path);
      return { item: i, wanted, exact: wanted === operationId, source: operationId ?? `${f.method} ${f.path}` };
    }),
    { keys: operationNameKeys, reserved: GENERATED_IDENTIFIERS },
  );
  const operations = found.map((f, i) => buildOperation(doc, f.path, f.method, f.item, f.op, names.get(i)!));
  const info = isObject(doc.info) ? doc.info : ({} as Partial<OpenAPIV3.InfoObject>);
  return {
    title: typeof info.title === 'string' ? info.title : 'API',
    version: typeof info.version === 'string' ? info.version : '',
    openapi: doc.openapi,
    operations,
    securitySchemes: buildSecuritySchemes(doc, operations),
  };
}

function isObject<T>(value: T | undefined | null): value is T {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | null {
  return typeof value === 'string' ? value.trim() || null : null;
}

function buildSecuritySchemes(doc: Doc, operations: readonly Operation[]): SecurityScheme[] {
  const schemes = Object.entries((doc.components?.securitySchemes ?? {}) as Record<string, unknown>)
    .map(([key, raw]) => ({ key, s: deref<{ type: SecurityScheme['type']; in?: SecurityScheme['in']; name?: string; scheme?: string; bearerFormat?: string; description?: string }>(doc, raw as never) }))
    .filter((x): x is { key: string; s: NonNullable<typeof x.s> } => isObject(x.s));
  // routes.ts imports each verifier as `<name>Verifier` beside the handlers: that alias must be free too.
  const reserved = [...VERIFIER_IDENTIFIERS, ...[...GENERATED_IDENTIFIERS, ...operations.map((op) => op.name)].map((n) => `alias:${n}`)];
  const names = uniqueNames(
    schemes.map(({ key }) => ({ item: key, wanted: handlerName(key), exact: handlerName(key) === key, source: key })),
    { keys: verifierNameKeys, reserved },
  );
  return schemes.map(({ key, s }) => {
    const name = names.get(key)!;
    return {
      key,
      name,
      fileStem: fileStem(name),
      type: s.type,
      ...(s.type === 'apiKey' ? { in: s.in, paramName: s.name } : {}),
      ...(s.type === 'http' ? { scheme: String(s.scheme ?? '').toLowerCase(), ...(s.bearerFormat ? { bearerFormat: s.bearerFormat } : {}) } : {}),
      description: typeof s.description === 'string' ? s.description.trim() || null : null,
    };
  });
}

/** What a verifier receives, by scheme: the credential already taken from the request. */
export function credentialKind(scheme: SecurityScheme): 'apiKey' | 'basic' | 'bearer' | 'http' | 'mutualTLS' {
  if (scheme.type === 'apiKey') return 'apiKey';
  if (scheme.type === 'http') return scheme.scheme === 'basic' ? 'basic' : scheme.scheme === 'bearer' ? 'bearer' : 'http';
  if (scheme.type === 'mutualTLS') return 'mutualTLS';
  return 'bearer';
}

function buildOperation(
  doc: Doc,
  path: string,
  method: string,
  item: OpenAPIV3.PathItemObject,
  op: OpenAPIV3.OperationObject,
  name: string,
): Operation {
  // A contract with schema errors still generates: anything malformed counts as absent here.
  const security = [op.security, doc.security].find(Array.isArray) as SecurityRequirement[] | undefined;
  return {
    name,
    typeStem: typeStem(name),
    fileStem: fileStem(name),
    operationId: typeof op.operationId === 'string' ? op.operationId : null,
    method,
    path,
    pointer: operationPointer(path, method),
    summary: text(op.summary),
    description: text(op.description),
    deprecated: op.deprecated === true,
    tags: Array.isArray(op.tags) ? op.tags.filter((t) => typeof t === 'string') : [],
    parameters: mergeParameters(doc, item.parameters, op.parameters),
    ignoredHeaders: ignoredHeaders(doc, item.parameters, op.parameters),
    requestBody: buildRequestBody(doc, op.requestBody),
    responses: Object.entries(isObject(op.responses) ? op.responses : {}).map(([status, r]) => buildResponse(doc, status, r)),
    security: security ?? null,
  };
}

/** Path-level parameters apply unless the operation redefines one with the same name and location. */
function mergeParameters(
  doc: Doc,
  pathLevel: (ParameterObject | Ref)[] | undefined,
  opLevel: (ParameterObject | Ref)[] | undefined,
): Parameter[] {
  const byKey = new Map<string, Parameter>();
  for (const raw of [...(Array.isArray(pathLevel) ? pathLevel : []), ...(Array.isArray(opLevel) ? opLevel : [])]) {
    const p = deref<ParameterObject>(doc, raw);
    if (!isObject(p) || typeof p.name !== 'string' || !['path', 'query', 'querystring', 'header', 'cookie'].includes(p.in) || isIgnoredHeader(p)) continue;
    const content = p.in === 'querystring' && isObject(p.content) ? Object.entries(p.content)[0] : undefined;
    const schema = deref<SchemaObject>(doc, (content ? (content[1] as { schema?: unknown }).schema : p.schema) as SchemaObject | Ref | undefined);
    const location = p.in as ParameterLocation;
    byKey.set(`${location}:${location === 'header' ? p.name.toLowerCase() : p.name}`, {
      name: p.name,
      in: location,
      required: location === 'path' ? true : p.required === true,
      hasDefault: schema !== undefined && 'default' in schema && schema.default !== undefined,
      ...(content ? { mediaType: content[0] } : {}),
    });
  }
  return [...byKey.values()];
}

function ignoredHeaders(doc: Doc, pathLevel: (ParameterObject | Ref)[] | undefined, opLevel: (ParameterObject | Ref)[] | undefined): string[] {
  const names = [...(Array.isArray(pathLevel) ? pathLevel : []), ...(Array.isArray(opLevel) ? opLevel : [])]
    .map((raw) => deref<ParameterObject>(doc, raw))
    .filter((p): p is ParameterObject => isObject(p) && typeof p.name === 'string' && isIgnoredHeader(p))
    .map((p) => p.name);
  return [...new Set(names)];
}

function buildRequestBody(doc: Doc, raw: RequestBodyObject | Ref | undefined): RequestBody | null {
  const body = deref<RequestBodyObject>(doc, raw);
  if (!isObject(body)) return null;
  const content = isObject(body.content) ? body.content : {};
  return { required: body.required === true, mediaTypes: Object.keys(content), streamed: streamedOf(doc, content) };
}

function buildResponse(doc: Doc, status: string, raw: ResponseObject | Ref): Response {
  const r = deref<ResponseObject>(doc, raw);
  const headers = Object.entries(isObject(r?.headers) ? r.headers : {})
    .map(([name, h]) => ({ name, header: deref<HeaderObject>(doc, h) }))
    // Content-Type is described by `content`, never by a header (OpenAPI says it is ignored).
    .filter(({ name }) => name.toLowerCase() !== 'content-type')
    .map(({ name, header }) => ({ name, required: header?.required === true }));
  return {
    status,
    description: typeof r?.description === 'string' ? r.description : '',
    mediaTypes: Object.keys(isObject(r?.content) ? r.content : {}),
    streamed: streamedOf(doc, isObject(r?.content) ? r.content : {}),
    jsonEventData: jsonEventDataOf(doc, isObject(r?.content) ? r.content : {}),
    headers,
  };
}

/** The media types of a `content` map whose items are streamed (plan/items.ts decides which). */
function streamedOf(doc: Doc, content: Record<string, unknown>): string[] {
  return Object.entries(content)
    .filter(([m, raw]) => itemShapeOf(m, deref<{ itemSchema?: unknown }>(doc, raw as never) ?? undefined, '') !== null)
    .map(([m]) => m);
}

/** Streamed event-stream media types whose item schema declares JSON `data` (normalize/event-data.ts decides). */
function jsonEventDataOf(doc: Doc, content: Record<string, unknown>): string[] {
  const resolve = (ref: string) => refTargetObject(doc, ref) as Record<string, unknown> | undefined;
  return streamedOf(doc, content).filter((m) => {
    const item = itemShapeOf(m, deref<{ itemSchema?: unknown }>(doc, content[m] as never) ?? undefined, '');
    return item?.kind === 'event-stream' && decodedEvent(item.schema, resolve, new Set()) !== item.schema;
  });
}

/** True when the status key names a single status code (not a range or `default`). */
export function isFixedStatus(status: string): boolean {
  return /^[1-5][0-9][0-9]$/.test(status);
}
