// ajv's errors as the fields of a problem: where (`path`, `query`, `header`, `cookie`, `body`),
// which name or JSON Pointer, what failed. Errors that only say "a sub-schema failed" (`if`,
// `then`, `allOf`) are dropped when the sub-schema's own errors say more.
import type { ErrorObject } from 'ajv';
import { escapeSegment, unescapeSegment } from '../contract/pointer.js';
import type { ProblemField, ProblemLocation } from '../problems.js';

const LOCATIONS: Record<string, ProblemLocation> = { params: 'path', query: 'query', querystring: 'querystring', headers: 'header', cookies: 'cookie' };
const STRUCTURAL = new Set(['if', 'then', 'else', 'allOf']);

/** Parameters: instance paths are `/query/limit`, `/headers/x-count`, … */
export function parameterFields(errors: readonly ErrorObject[] | null | undefined, names: ReadonlyMap<string, string>): ProblemField[] {
  return specific(errors).map((e) => {
    const [, group = '', key = '', ...rest] = pointerOf(e).split('/');
    const location = LOCATIONS[group] ?? 'query';
    const name = unescapeSegment(location === 'header' ? names.get(key) ?? key : key);
    const field: ProblemField = { in: location, name: rest.length > 0 ? `${name}.${rest.map(unescapeSegment).join('.')}` : name, message: messageOf(e), code: e.keyword };
    // The whole query string is one value (OpenAPI 3.2 `in: querystring`): a pointer into it says where.
    if (location === 'querystring') field.pointer = rest.map((s) => `/${s}`).join(''); // still escaped, as ajv wrote them
    return field;
  });
}

/** A body (or a response body: `location` says which): names are dotted, pointers exact. */
export function bodyFields(errors: readonly ErrorObject[] | null | undefined, location: 'body' | 'response' = 'body'): ProblemField[] {
  return specific(errors).map((e) => {
    const pointer = pointerOf(e);
    const segments = pointer.split('/').slice(1).map(unescapeSegment);
    return { in: location, name: segments.length > 0 ? segments.join('.') : location, pointer, message: messageOf(e), code: e.keyword };
  });
}

function specific(errors: readonly ErrorObject[] | null | undefined): ErrorObject[] {
  const all = [...(errors ?? [])];
  const own = all.filter((e) => !STRUCTURAL.has(e.keyword));
  return own.length > 0 ? own : all;
}

/** Where the error is: for a missing or unexpected property, the property itself. */
function pointerOf(e: ErrorObject): string {
  const p = e.params as { missingProperty?: string; additionalProperty?: string; unevaluatedProperty?: string };
  const name = p.missingProperty ?? p.additionalProperty ?? p.unevaluatedProperty;
  return name === undefined ? e.instancePath : `${e.instancePath}/${escapeSegment(name)}`;
}

function messageOf(e: ErrorObject): string {
  const message = e.message ?? 'is invalid';
  if (e.keyword === 'enum') {
    const allowed = (e.params as { allowedValues?: unknown[] }).allowedValues;
    if (allowed) return `${message}: ${allowed.map((v) => JSON.stringify(v)).join(', ')}`;
  }
  if (e.keyword === 'additionalProperties' || e.keyword === 'unevaluatedProperties') return 'is not allowed here';
  return message;
}
