// The operation model: the plain data every emitter reads, built from the bundled contract. Pure:
// no file system, no process. Names are derived here once (see names.ts) so that every emitter
// agrees on them. Problems found while building are returned as located diagnostics.
import type { OpenAPIV3, OpenAPIV3_1 } from 'openapi-types';
import type { OpenAPIDocument } from './load.js';
import { encodePointer } from './positions.js';
import { derivedOperationName, fileStem, handlerName, typeStem } from './names.js';
import { isIgnoredHeader } from '../server/runtime/normalize/ignored-headers.js';

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];
export type ParameterLocation = 'path' | 'query' | 'header' | 'cookie';

export interface Parameter {
  name: string;
  in: ParameterLocation;
  required: boolean;
  /** The schema gives a default, so the server always fills it in. */
  hasDefault: boolean;
}

export interface RequestBody {
  required: boolean;
  /** Media types in contract order. */
  mediaTypes: string[];
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
  method: HttpMethod;
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

/** Follows internal `$ref`s (the bundled document has no other kind). */
export function deref<T>(doc: Doc, value: T | Ref | undefined): T | undefined {
  let cur: unknown = value;
  for (let hops = 0; hops < 32 && isRef(cur); hops++) {
    cur = resolvePointer(doc, cur.$ref);
  }
  return cur as T | undefined;
}

function isRef(value: unknown): value is Ref {
  return typeof value === 'object' && value !== null && typeof (value as Ref).$ref === 'string';
}

function resolvePointer(doc: Doc, ref: string): unknown {
  if (!ref.startsWith('#')) return undefined;
  let cur: unknown = doc;
  if (ref === '#' || ref === '#/') return cur;
  for (const raw of ref.slice(2).split('/')) {
    const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    cur = typeof cur === 'object' && cur !== null ? (cur as Record<string, unknown>)[key] : undefined;
  }
  return cur;
}

export function buildModel(doc: Doc): ApiModel {
  const operations: Operation[] = [];
  for (const [path, rawItem] of Object.entries(doc.paths ?? {})) {
    const item = deref<OpenAPIV3.PathItemObject>(doc, rawItem as OpenAPIV3.PathItemObject);
    if (!item) continue;
    for (const method of HTTP_METHODS) {
      const op = item[method] as OpenAPIV3.OperationObject | undefined;
      if (!op) continue;
      operations.push(buildOperation(doc, path, method, item, op));
    }
  }
  return { title: doc.info.title, version: doc.info.version, openapi: doc.openapi, operations, securitySchemes: buildSecuritySchemes(doc) };
}

function buildSecuritySchemes(doc: Doc): SecurityScheme[] {
  const schemes = (doc.components?.securitySchemes ?? {}) as Record<string, unknown>;
  return Object.entries(schemes).map(([key, raw]) => {
    const s = deref<{ type: SecurityScheme['type']; in?: SecurityScheme['in']; name?: string; scheme?: string; bearerFormat?: string; description?: string }>(doc, raw as never)!;
    const name = handlerName(key);
    return {
      key,
      name,
      fileStem: fileStem(name),
      type: s.type,
      ...(s.type === 'apiKey' ? { in: s.in, paramName: s.name } : {}),
      ...(s.type === 'http' ? { scheme: (s.scheme ?? '').toLowerCase(), ...(s.bearerFormat ? { bearerFormat: s.bearerFormat } : {}) } : {}),
      description: s.description?.trim() || null,
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
  method: HttpMethod,
  item: OpenAPIV3.PathItemObject,
  op: OpenAPIV3.OperationObject,
): Operation {
  const name = op.operationId ? handlerName(op.operationId) : derivedOperationName(method, path);
  const security = (op.security ?? doc.security ?? null) as SecurityRequirement[] | null;
  return {
    name,
    typeStem: typeStem(name),
    fileStem: fileStem(name),
    operationId: op.operationId ?? null,
    method,
    path,
    pointer: encodePointer(['paths', path, method]),
    summary: op.summary?.trim() || null,
    description: op.description?.trim() || null,
    deprecated: op.deprecated === true,
    tags: op.tags ?? [],
    parameters: mergeParameters(doc, item.parameters, op.parameters),
    ignoredHeaders: ignoredHeaders(doc, item.parameters, op.parameters),
    requestBody: buildRequestBody(doc, op.requestBody),
    responses: Object.entries(op.responses ?? {}).map(([status, r]) => buildResponse(doc, status, r)),
    security,
  };
}

/** Path-level parameters apply unless the operation redefines one with the same name and location. */
function mergeParameters(
  doc: Doc,
  pathLevel: (ParameterObject | Ref)[] | undefined,
  opLevel: (ParameterObject | Ref)[] | undefined,
): Parameter[] {
  const byKey = new Map<string, Parameter>();
  for (const raw of [...(pathLevel ?? []), ...(opLevel ?? [])]) {
    const p = deref<ParameterObject>(doc, raw);
    if (!p || isIgnoredHeader(p)) continue;
    const schema = deref<SchemaObject>(doc, p.schema as SchemaObject | Ref | undefined);
    const location = p.in as ParameterLocation;
    byKey.set(`${location}:${location === 'header' ? p.name.toLowerCase() : p.name}`, {
      name: p.name,
      in: location,
      required: location === 'path' ? true : p.required === true,
      hasDefault: schema !== undefined && 'default' in schema && schema.default !== undefined,
    });
  }
  return [...byKey.values()];
}

function ignoredHeaders(doc: Doc, pathLevel: (ParameterObject | Ref)[] | undefined, opLevel: (ParameterObject | Ref)[] | undefined): string[] {
  const names = [...(pathLevel ?? []), ...(opLevel ?? [])]
    .map((raw) => deref<ParameterObject>(doc, raw))
    .filter((p): p is ParameterObject => p !== undefined && isIgnoredHeader(p))
    .map((p) => p.name);
  return [...new Set(names)];
}

function buildRequestBody(doc: Doc, raw: RequestBodyObject | Ref | undefined): RequestBody | null {
  const body = deref<RequestBodyObject>(doc, raw);
  if (!body) return null;
  return { required: body.required === true, mediaTypes: Object.keys(body.content ?? {}) };
}

function buildResponse(doc: Doc, status: string, raw: ResponseObject | Ref): Response {
  const r = deref<ResponseObject>(doc, raw);
  const headers = Object.entries(r?.headers ?? {})
    .map(([name, h]) => ({ name, header: deref<HeaderObject>(doc, h) }))
    // Content-Type is described by `content`, never by a header (OpenAPI says it is ignored).
    .filter(({ name }) => name.toLowerCase() !== 'content-type')
    .map(({ name, header }) => ({ name, required: header?.required === true }));
  return {
    status,
    description: r?.description ?? '',
    mediaTypes: Object.keys(r?.content ?? {}),
    headers,
  };
}

/** True when the status key names a single status code (not a range or `default`). */
export function isFixedStatus(status: string): boolean {
  return /^[1-5][0-9][0-9]$/.test(status);
}

export function isJsonMediaType(mediaType: string): boolean {
  return /^application\/(.+\+)?json(;|$)/i.test(mediaType) || mediaType === '*/*';
}
