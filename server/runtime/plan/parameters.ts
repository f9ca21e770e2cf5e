// An operation's parameters, planned once at start-up: how each is read (by location, style and
// explode, as OpenAPI defines serialisation) and the schema the validator checks them against.
// Never reads a request: request/read-parameters.ts follows this plan, running only the readers
// its operation declares.
import type { Document } from '../contract/document.js';
import { isIgnoredHeader } from '../contract/ignored-headers.js';
import { operationIn, operationPointer } from '../contract/methods.js';
import { deref, escapeSegment } from '../contract/pointer.js';
import { isJsonMediaType } from '../contract/media-types.js';

/** `querystring` (OpenAPI 3.2): the whole query string, one value parsed by the parameter's media type. */
type Location = 'path' | 'query' | 'querystring' | 'header' | 'cookie';
type Kind = 'primitive' | 'array' | 'object';

export interface ParameterSpec {
  name: string;
  in: Location;
  /** Where the value sits in the validator's data: header names lower-cased. */
  key: string;
  required: boolean;
  style: string;
  explode: boolean;
  allowEmptyValue: boolean;
  kind: Kind;
  /** `content: { application/json: … }`: the value is JSON text. */
  json: boolean;
  /** `content`'s media type, when the parameter has one. */
  mediaType: string | undefined;
  /** form + explode objects: the property names spread over separate query keys. */
  properties: string[];
  /** form + explode objects with additionalProperties: every other query key belongs to it. */
  takesAnyKey: boolean;
  /** The value (or its items) must be an integer: checked for exactness before coercion. */
  integer: boolean;
  /** The value (or its items) is an integer or a number: its text must be written as one. */
  numeric: boolean;
  schema: unknown;
  /** Where the schema is, as a pointer from the document root with `$ref`s followed. */
  at: string;
}

export interface ParameterPlan {
  specs: ParameterSpec[];
  byLocation: Record<Location, ParameterSpec[]>;
  /** Query names that are not parameters but are allowed (API keys travelling in the query). */
  extraQueryNames: ReadonlySet<string>;
  allowUnknownQuery: boolean;
  /** The validator's schema for `{ params, query, headers, cookies }`; null when there is nothing to check. */
  schema: object | null;
}

const DATA_KEY: Record<Location, 'params' | 'query' | 'querystring' | 'headers' | 'cookies'> = { path: 'params', query: 'query', querystring: 'querystring', header: 'headers', cookie: 'cookies' };

/** An operation that takes query parameters it does not declare (express-openapi-validator's extension). */
export function allowsUnknownQuery(operation: Record<string, unknown> | undefined): boolean {
  return operation?.['x-eov-allow-unknown-query-parameters'] === true;
}

export function planParameters(doc: Document, path: string, method: string, extraQueryNames: ReadonlySet<string>): ParameterPlan {
  const item = deref(doc, doc.paths?.[path]) ?? {};
  const op = deref(doc, operationIn(item, method)) ?? {};
  const pathAt = `/paths/${escapeSegment(path)}`;
  const byKey = new Map<string, { p: Record<string, unknown>; at: string }>();
  const lists: [unknown, string][] = [
    [item.parameters, `${pathAt}/parameters`],
    [op.parameters, `${operationPointer(path, method)}/parameters`],
  ];
  for (const [list, listAt] of lists) {
    if (!Array.isArray(list)) continue;
    list.forEach((raw, i) => {
      const p = deref(doc, raw);
      if (!p || typeof p.name !== 'string' || !(typeof p.in === 'string' && p.in in DATA_KEY)) return;
      if (isIgnoredHeader(p)) return;
      byKey.set(`${p.in}:${p.in === 'header' ? p.name.toLowerCase() : p.name}`, { p, at: `${listAt}/${i}` });
    });
  }
  const specs = [...byKey.values()].map(({ p, at }) => specOf(doc, p, at));
  const byLocation: ParameterPlan['byLocation'] = { path: [], query: [], querystring: [], header: [], cookie: [] };
  for (const s of specs) byLocation[s.in].push(s);
  return {
    specs,
    byLocation,
    extraQueryNames,
    allowUnknownQuery: allowsUnknownQuery(op),
    schema: specs.length > 0 ? validationSchema(specs) : null,
  };
}


function specOf(doc: Document, p: Record<string, unknown>, at: string): ParameterSpec {
  const location = p.in as Location;
  const content = p.content as Record<string, { schema?: unknown }> | undefined;
  const [mediaType, media] = content ? (Object.entries(content)[0] ?? []) : [];
  const schema = (media ? media.schema : p.schema) ?? {};
  const resolved = deref<Record<string, unknown>>(doc, schema) ?? {};
  const kind = kindOf(doc, resolved);
  const style = (p.style as string | undefined) ?? (location === 'query' || location === 'cookie' ? 'form' : 'simple');
  const explode = (p.explode as boolean | undefined) ?? style === 'form';
  const properties = kind === 'object' ? Object.keys((resolved.properties as object | undefined) ?? {}) : [];
  const itemSchema = kind === 'array' ? deref<Record<string, unknown>>(doc, resolved.items) ?? {} : resolved;
  return {
    name: p.name as string,
    in: location,
    key: location === 'header' ? (p.name as string).toLowerCase() : (p.name as string),
    required: p.required === true || location === 'path',
    style,
    explode,
    allowEmptyValue: p.allowEmptyValue === true,
    kind,
    json: mediaType !== undefined && isJsonMediaType(mediaType),
    mediaType,
    properties,
    takesAnyKey: kind === 'object' && style === 'form' && explode && resolved.additionalProperties !== undefined && resolved.additionalProperties !== false,
    integer: typeOf(itemSchema) === 'integer',
    numeric: typeOf(itemSchema) === 'integer' || typeOf(itemSchema) === 'number',
    schema,
    at: media ? `${at}/content/${escapeSegment(mediaType!)}/schema` : `${at}/schema`,
  };
}

function typeOf(schema: Record<string, unknown>): string | undefined {
  const t = schema.type;
  return Array.isArray(t) ? (t.find((x) => x !== 'null') as string | undefined) : (t as string | undefined);
}

function kindOf(doc: Document, schema: Record<string, unknown>, depth = 0): Kind {
  const t = typeOf(schema);
  if (t === 'array' || (t === undefined && schema.items !== undefined)) return 'array';
  if (t === 'object' || (t === undefined && schema.properties !== undefined)) return 'object';
  if (t === undefined && depth < 8) {
    // allOf/oneOf/anyOf: the kind its branches agree on.
    const branches = [...((schema.allOf as unknown[]) ?? []), ...((schema.oneOf as unknown[]) ?? []), ...((schema.anyOf as unknown[]) ?? [])]
      .map((b) => deref<Record<string, unknown>>(doc, b) ?? {})
      .filter((b) => typeOf(b) !== 'null');
    const kinds = new Set(branches.map((b) => kindOf(doc, b, depth + 1)));
    if (kinds.size === 1) return [...kinds][0]!;
  }
  return 'primitive';
}

function validationSchema(specs: ParameterSpec[]): object {
  const properties: Record<string, { type: 'object'; properties: Record<string, unknown>; required?: string[] }> = {};
  for (const s of specs) {
    const group = (properties[DATA_KEY[s.in]] ??= { type: 'object', properties: {} });
    group.properties[s.key] = s.required ? withoutDefault(s.schema) : s.schema;
    if (s.required) (group.required ??= []).push(s.key);
  }
  return { type: 'object', properties };
}

/**
 * A required parameter's schema without its top-level `default`: the parameters validator fills
 * defaults in (useDefaults), which would make a missing required parameter look sent. A default
 * on a required parameter never applies (OpenAPI: the client must send it), so it is dropped.
 */
function withoutDefault(schema: unknown): unknown {
  if (typeof schema !== 'object' || schema === null || !('default' in schema)) return schema;
  const { default: _unused, ...rest } = schema as Record<string, unknown>;
  return rest;
}
