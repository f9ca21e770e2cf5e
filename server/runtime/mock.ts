// Mock mode (SPECFIRST_MOCK=1, `specfirst dev --mock`): an operation whose handler is still a stub
// answers with its first 2xx response instead of 501, so a front end can be built against a
// contract before any handler exists. The body is the contract's own example when it matches the
// schema (real contracts' examples often do not), else sampled from the schema by openapi-sampler
// (deterministic: the same contract always gives the same answers). Built once per route, on its
// first mocked request.
import { Ajv, type ValidateFunction } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { RouteBinding } from './api.js';
import type { Document } from './contract/document.js';
import { deref } from './contract/pointer.js';
import { isJsonMediaType } from './contract/media-types.js';
import { rotatedDocument, sampleSchema } from './sample.js';

export interface MockResponse {
  status: number;
  contentType?: string;
  headers?: Record<string, unknown>;
  body?: unknown;
}

interface MediaObject {
  schema?: unknown;
  example?: unknown;
  examples?: Record<string, { value?: unknown; $ref?: string }>;
}

/** Checks a value against a schema of the contract, given by its pointer in the document. */
type SchemaCheck = (pointer: string, value: unknown) => boolean;

/**
 * `doc` gives the examples and schemas to sample; `validatorDoc` (the validator's normalised copy)
 * says whether an example is valid, as the response validator will.
 */
export function createMocker(doc: Document, validatorDoc: Document, warn: (message: string) => void = () => {}): (route: RouteBinding) => MockResponse {
  const cache = new Map<RouteBinding, MockResponse>();
  const isValid = schemaChecker(validatorDoc);
  return (route) => {
    let mock = cache.get(route);
    if (!mock) {
      mock = buildMock(doc, route, isValid, warn);
      cache.set(route, mock);
    }
    return mock;
  };
}

function schemaChecker(doc: Document): SchemaCheck {
  const ajv = doc.openapi.startsWith('3.1') ? new Ajv2020({ strict: false, logger: false }) : new Ajv({ strict: false, logger: false });
  addFormats.default(ajv);
  for (const format of ['int32', 'int64', 'float', 'double', 'byte', 'binary', 'password']) ajv.addFormat(format, true);
  ajv.addSchema({ ...doc, $id: 'specfirst:contract' } as object);
  const compiled = new Map<string, ValidateFunction | null>();
  return (pointer, value) => {
    if (!compiled.has(pointer)) {
      try {
        compiled.set(pointer, ajv.compile({ $ref: `specfirst:contract#${pointer}` }));
      } catch {
        compiled.set(pointer, null);
      }
    }
    const validate = compiled.get(pointer);
    return validate ? validate(value) === true : true;
  };
}

/** The response a mock gives: the first 2xx, else the first other non-error status, else 200. */
function mockStatusKey(responses: Record<string, unknown>): string | undefined {
  const keys = Object.keys(responses);
  return keys.find((k) => /^2\d\d$/.test(k)) ?? keys.find((k) => /^2XX$/i.test(k)) ?? keys.find((k) => /^[13]\d\d$/.test(k)) ?? keys.find((k) => k === 'default');
}

function buildMock(doc: Document, route: RouteBinding, isValid: SchemaCheck, warn: (message: string) => void): MockResponse {
  const op = deref(doc, deref(doc, doc.paths?.[route.path])?.[route.method]);
  const responses = (op?.responses ?? {}) as Record<string, unknown>;
  const key = mockStatusKey(responses) ?? 'default';
  const status = /^\d\d\d$/.test(key) ? Number(key) : 200;
  const response = deref<{ content?: Record<string, MediaObject>; headers?: Record<string, unknown> }>(doc, responses[key]) ?? {};
  const headers: Record<string, unknown> = {};
  for (const [name, raw] of Object.entries(response.headers ?? {})) {
    const header = deref<{ required?: boolean; schema?: unknown; example?: unknown }>(doc, raw);
    if (header?.required) headers[name] = header.example ?? sampleOf(doc, header.schema);
  }
  const [mediaType, media] = Object.entries(response.content ?? {})[0] ?? [];
  if (!mediaType || !media) return { status, headers };
  const contentType = concreteMediaType(mediaType);
  const schemaPointer = `/paths/${escape(route.path)}/${route.method}/responses/${escape(key)}/content/${escape(mediaType)}/schema`;
  let resolved = deref<MediaObject>(doc, media) ?? {};
  const example = resolved.example ?? firstExample(doc, resolved.examples);
  if (example !== undefined && resolved.schema && !isValid(responseSchemaPointer(doc, responses[key], schemaPointer, mediaType), example)) {
    warn(`${route.method.toUpperCase()} ${route.path} ${key}: the contract's example does not match its schema; mocking a sample of the schema instead`);
    resolved = { schema: resolved.schema };
  }
  const pointer = responseSchemaPointer(doc, responses[key], schemaPointer, mediaType);
  let body = bodyFor(doc, contentType, resolved);
  if (resolved.example === undefined && resolved.examples === undefined && resolved.schema && isJsonMediaType(contentType) && !isValid(pointer, body)) {
    body = otherSample(doc, pointer, isValid) ?? body;
  }
  return { status, contentType, headers, body };
}

/** How many rotations of the `oneOf`/`anyOf` lists a mock tries before it gives up. */
const MAX_SHIFTS = 8;

/**
 * A sample of the schema at `pointer` that is valid, taken with other `oneOf`/`anyOf` members
 * first (see rotatedDocument); undefined when none of the shifts gives one.
 */
function otherSample(doc: Document, pointer: string, isValid: SchemaCheck): unknown {
  for (let shift = 1; shift < MAX_SHIFTS; shift++) {
    const rotated = rotatedDocument(doc, shift);
    const schema = deref(rotated, { $ref: `#${pointer}` });
    if (schema === undefined) return undefined;
    const value = sampleSchema(rotated, schema, { direction: 'response' });
    if (isValid(pointer, value)) return value;
  }
  return undefined;
}

/** Where the schema of a response lives, following a response `$ref` to components. */
function responseSchemaPointer(doc: Document, response: unknown, inline: string, mediaType: string): string {
  const ref = (response as { $ref?: unknown } | undefined)?.$ref;
  return typeof ref === 'string' && ref.startsWith('#/') ? `${ref.slice(1)}/content/${escape(mediaType)}/schema` : inline;
}

const escape = (segment: string): string => segment.replace(/~/g, '~0').replace(/\//g, '~1');

function bodyFor(doc: Document, contentType: string, media: MediaObject): unknown {
  const example = media.example ?? firstExample(doc, media.examples);
  const schema = deref<{ type?: unknown; format?: string }>(doc, media.schema);
  if (schema?.format === 'binary' || (!isJsonMediaType(contentType) && !contentType.startsWith('text/') && example === undefined)) {
    return new Blob([], { type: contentType });
  }
  const value = example !== undefined ? example : sampleOf(doc, media.schema);
  if (isJsonMediaType(contentType)) return value;
  return typeof value === 'string' ? value : JSON.stringify(value ?? '');
}

function firstExample(doc: Document, examples: MediaObject['examples']): unknown {
  const first = Object.values(examples ?? {})[0];
  return deref<{ value?: unknown }>(doc, first)?.value;
}

function sampleOf(doc: Document, schema: unknown): unknown {
  if (!schema) return {};
  return sampleSchema(doc, schema, { direction: 'response' });
}

/** `*\/*` → JSON, `image/*` → `image/png`-like: a mock must name a real media type. */
function concreteMediaType(mediaType: string): string {
  const base = mediaType.split(';')[0]!.trim();
  if (base === '*/*') return 'application/json';
  if (base.endsWith('/*')) return `${base.slice(0, -2)}/octet-stream`;
  return base;
}
