// Mock mode (SPECFIRST_MOCK=1, `specfirst dev --mock`): an operation whose handler is still a stub
// answers with its first 2xx response instead of 501, so a front end can be built against a
// contract before any handler exists. The body is the contract's own example when it matches the
// schema (real contracts' examples often do not), else sampled from the schema by openapi-sampler
// (deterministic: the same contract always gives the same answers). Built once per route, on its
// first mocked request.
import type { RouteBinding } from './api.js';
import type { Document } from './contract/document.js';
import { exampleData } from './contract/example-value.js';
import { operationIn, operationPointer } from './contract/methods.js';
import { deref, derefAt, escapeSegment, valueAt } from './contract/pointer.js';
import { itemShapeOf } from './plan/items.js';
import { exampleOrSample } from './example-or-sample.js';
import { concreteMediaType, isJsonMediaType } from './contract/media-types.js';
import { schemaChecker, type CheckerSources, type SchemaChecker } from './plan/schema-checker.js';
import type { MockResponse } from './plan/plan.js';

export type { MockResponse };

/** How many items a mocked stream sends. */
const MOCK_ITEMS = 3;

interface MediaObject {
  schema?: unknown;
  itemSchema?: unknown;
  example?: unknown;
  examples?: Record<string, { value?: unknown; $ref?: string }>;
}

/**
 * `doc` gives the examples and schemas to sample; `validation` (the server's prepared validators,
 * or a document to prepare them from) says whether a body is valid, as the response validator will.
 */
export function createMocker(doc: Document, validation: Document | CheckerSources, warn: (message: string) => void = () => {}): (route: RouteBinding) => MockResponse {
  const cache = new Map<RouteBinding, MockResponse>();
  const checker = schemaChecker(validation);
  return (route) => {
    let mock = cache.get(route);
    if (!mock) {
      mock = buildMock(doc, route, checker, warn);
      cache.set(route, mock);
    }
    return mock;
  };
}

/** The response a mock gives: the first 2xx, else the first other non-error status, else 200. */
function mockStatusKey(responses: Record<string, unknown>): string | undefined {
  const keys = Object.keys(responses);
  return keys.find((k) => /^2\d\d$/.test(k)) ?? keys.find((k) => /^2XX$/i.test(k)) ?? keys.find((k) => /^[13]\d\d$/.test(k)) ?? keys.find((k) => k === 'default');
}

function buildMock(doc: Document, route: RouteBinding, checker: SchemaChecker, warn: (message: string) => void): MockResponse {
  const op = deref(doc, operationIn(deref(doc, doc.paths?.[route.path]), route.method));
  const responses = (op?.responses ?? {}) as Record<string, unknown>;
  const key = mockStatusKey(responses) ?? 'default';
  const status = /^\d\d\d$/.test(key) ? Number(key) : 200;
  const response = deref<{ content?: Record<string, MediaObject>; headers?: Record<string, unknown> }>(doc, responses[key]) ?? {};
  const responseAt = responsePointer(responses[key], `${operationPointer(route.path, route.method)}/responses/${escapeSegment(key)}`);
  const headers: Record<string, unknown> = {};
  for (const [name, raw] of Object.entries(response.headers ?? {})) {
    const header = derefAt<{ required?: boolean; schema?: unknown; example?: unknown }>(doc, raw, `${responseAt}/headers/${escapeSegment(name)}`);
    if (!header.value?.required) continue;
    const example = header.value.example === undefined ? [] : [{ value: header.value.example, pointer: `${header.pointer}/example` }];
    headers[name] = header.value.schema === undefined ? (example[0]?.value ?? '') : exampleOrSample(doc, checker, { direction: 'response', schema: { value: header.value.schema, pointer: `${header.pointer}/schema` }, examples: example }).value;
  }
  const [mediaType, media] = Object.entries(response.content ?? {})[0] ?? [];
  if (!mediaType || !media) return { status, headers };
  const contentType = concreteMediaType(mediaType);
  const mediaPointer = `${responseAt}/content/${escapeSegment(mediaType)}`;
  const resolved = deref<MediaObject>(doc, media) ?? {};
  const item = itemShapeOf(mediaType, resolved, mediaPointer);
  if (item) {
    // A stream: a few items sampled from the item schema as the validator reads it (an event's
    // JSON data as the value it carries), each of which the server checks as it sends it.
    const itemPointer = `${mediaPointer}/itemSchema`;
    const sampled = exampleOrSample(doc, checker, { direction: 'response', schema: { value: valueAt(checker.document('response'), itemPointer), pointer: itemPointer }, examples: [] }).value;
    return { status, contentType, headers, body: Array.from({ length: MOCK_ITEMS }, () => sampled) };
  }
  const example = firstExample(doc, resolved, mediaPointer);
  const schema = deref<{ format?: string }>(doc, resolved.schema);
  if (schema?.format === 'binary' || (!isJsonMediaType(contentType) && !contentType.startsWith('text/') && example === undefined)) {
    return { status, contentType, headers, body: new Blob([], { type: contentType }) };
  }
  let value: unknown = example?.value ?? {};
  if (resolved.schema) {
    const chosen = exampleOrSample(doc, checker, { direction: 'response', schema: { value: resolved.schema, pointer: `${mediaPointer}/schema` }, examples: example ? [example] : [] });
    if (chosen.refusedExample) warn(`${route.method.toUpperCase()} ${route.path} ${key}: the contract's example does not match its schema; mocking a sample of the schema instead`);
    value = chosen.value;
  }
  return { status, contentType, headers, body: isJsonMediaType(contentType) || typeof value === 'string' ? value : JSON.stringify(value ?? '') };
}

/** Where a response lives, following a response `$ref` to components. */
function responsePointer(response: unknown, inline: string): string {
  const ref = (response as { $ref?: unknown } | undefined)?.$ref;
  return typeof ref === 'string' && ref.startsWith('#/') ? ref.slice(1) : inline;
}


/** The media object's `example`, else the value of its first `examples` entry, with where it is. */
function firstExample(doc: Document, media: MediaObject, pointer: string): { value: unknown; pointer: string } | undefined {
  if (media.example !== undefined) return { value: media.example, pointer: `${pointer}/example` };
  const [name, first] = Object.entries(media.examples ?? {})[0] ?? [];
  const data = exampleData(deref(doc, first));
  return name === undefined || data === undefined ? undefined : { value: data.value, pointer: `${pointer}/examples/${escapeSegment(name)}/${data.member}` };
}
