// The default error formatter's body for one declared schema: a TypeScript expression, with
// `problem` in scope, that maps what it can by the names APIs commonly use (`message` ← the detail
// and failing fields, `code`/`status` ← the status, `title`/`error` ← the title, `errors` ← the
// failing fields, `type`, `instance`/`path`, `requestId`, `timestamp`) and fills every required
// field it cannot map with a value sampled from its schema. Never maps onto a field whose schema
// it cannot be sure to satisfy (an `enum`, a `pattern`, a `format`): it samples those. Pure.
import type { Document } from '../../server/runtime/contract/document.js';
import { mediaTypeBase } from '../../server/runtime/contract/media-types.js';
import { deref } from '../../server/runtime/contract/pointer.js';
import { sampleSchema } from '../../server/runtime/sample.js';

/** Helpers of the generated errors.ts an expression may call. */
export type Helper = 'messageOf' | 'describeField' | 'escapeHtml' | 'truncate';

export interface DefaultBody {
  expression: string;
  helpers: Set<Helper>;
}

interface Flat {
  type: string | undefined;
  properties: Record<string, unknown>;
  required: string[];
  items: unknown;
  /** Keywords that make a mapped value risky: enum, const, pattern, format, bounds. */
  schema: Record<string, unknown>;
}

/** A JSON body's expression for `schema`. */
export function defaultJsonBody(doc: Document, schema: unknown): DefaultBody {
  const helpers = new Set<Helper>();
  const flat = flatten(doc, schema);
  const root = flat.type === 'object' || Object.keys(flat.properties).length > 0 ? objectBody(doc, flat, helpers) : valueFor(doc, ROOT_NAMES[flat.type ?? ''] ?? '', flat, helpers, PROBLEM);
  return { expression: root ?? literal(sampleSchema(doc, schema, { direction: 'response' })), helpers };
}

/** A text body (`text/html`, `text/plain`, XML…): the detail and failing fields, escaped where markup. */
export function defaultTextBody(doc: Document, schema: unknown, mediaType: string): DefaultBody {
  const helpers = new Set<Helper>(['messageOf']);
  const base = mediaTypeBase(mediaType);
  const markup = base === 'text/html' || base.includes('xml');
  if (markup) helpers.add('escapeHtml');
  let text = markup ? 'escapeHtml(messageOf(problem))' : 'messageOf(problem)';
  if (base.includes('xml')) text = `\`<error><status>\${problem.status}</status><message>\${${text}}</message></error>\``;
  else text = bounded(text, flatten(doc, schema).schema, helpers);
  return { expression: text, helpers };
}

/** Where the values come from: the problem, or one of its failing fields. */
interface Source {
  message: string | null;
  title: string | null;
  status: string | null;
  type: string | null;
  instance: string | null;
  requestId: string | null;
  field: string | null;
  location: string | null;
  pointer: string | null;
  code: string | null;
  errors: boolean;
}

const PROBLEM: Source = {
  message: 'messageOf(problem)',
  title: 'problem.title',
  status: 'problem.status',
  type: 'problem.type',
  instance: 'problem.instance ?? ""',
  requestId: 'problem.requestId ?? ""',
  field: null,
  location: null,
  pointer: null,
  code: null,
  errors: true,
};

const FIELD: Source = {
  message: 'field.message',
  title: null,
  status: null,
  type: null,
  instance: null,
  requestId: null,
  field: 'field.name',
  location: 'field.in',
  pointer: 'field.pointer ?? ""',
  code: 'field.code ?? "invalid"',
  errors: false,
};

/** Property names (lower case, without `_`, `-`) → what they mean. */
const NAMES: Record<string, keyof Source | 'timestamp'> = {
  message: 'message', msg: 'message', detail: 'message', details: 'message', description: 'message', errormessage: 'message',
  errordescription: 'message', reason: 'message', text: 'message', errortext: 'message',
  title: 'title', error: 'title', summary: 'title', errortitle: 'title',
  code: 'status', status: 'status', statuscode: 'status', errorcode: 'status', httpstatus: 'status', httpcode: 'status', httpstatuscode: 'status',
  type: 'type',
  instance: 'instance', path: 'instance', url: 'instance', uri: 'instance', resource: 'instance',
  requestid: 'requestId', traceid: 'requestId', correlationid: 'requestId',
  timestamp: 'timestamp', time: 'timestamp', datetime: 'timestamp', occurredat: 'timestamp',
  errors: 'errors', fielderrors: 'errors', violations: 'errors', issues: 'errors', problems: 'errors', invalidparams: 'errors', validationerrors: 'errors',
  name: 'field', field: 'field', param: 'field', parameter: 'field', property: 'field', key: 'field',
  in: 'location', location: 'location', source: 'location',
  pointer: 'pointer', jsonpointer: 'pointer',
  rule: 'code', keyword: 'code',
};

/** What a non-object root schema is filled from. */
const ROOT_NAMES: Record<string, string> = { string: 'message', integer: 'code', number: 'code' };

function objectBody(doc: Document, flat: Flat, helpers: Set<Helper>, source: Source = PROBLEM, depth = 0): string {
  const entries: string[] = [];
  for (const [name, raw] of Object.entries(flat.properties)) {
    const prop = flatten(doc, raw);
    const required = flat.required.includes(name);
    let mapped = valueFor(doc, name, prop, helpers, source);
    // A required object (`{ error: { code, message } }`) is filled by the same names, one level down.
    if (mapped === null && required && source === PROBLEM && depth < 2 && (prop.type === 'object' || Object.keys(prop.properties).length > 0)) {
      mapped = objectBody(doc, prop, helpers, source, depth + 1);
    }
    if (mapped !== null) entries.push(`${JSON.stringify(name)}: ${mapped}`);
    else if (required) entries.push(`${JSON.stringify(name)}: ${literal(sampleSchema(doc, raw, { direction: 'response' }))}`);
  }
  for (const name of flat.required.filter((n) => !(n in flat.properties))) entries.push(`${JSON.stringify(name)}: null`);
  return `{ ${entries.join(', ')} }`;
}

/** The expression for one value of schema `flat` named `name`; null when nothing maps onto it safely. */
function valueFor(doc: Document, name: string, flat: Flat, helpers: Set<Helper>, source: Source): string | null {
  const key = name.toLowerCase().replace(/[-_\s]/g, '');
  let meaning = NAMES[key];
  // In a failing field, `code` and `type` name what failed, not the status.
  if (source === FIELD && (meaning === 'status' || meaning === 'type')) meaning = 'code';
  if (flat.type === 'array' && key === 'details') meaning = 'errors';
  if (!meaning) return null;
  const s = flat.schema;
  if (s.enum !== undefined || s.const !== undefined || s.pattern !== undefined) return null;
  const format = typeof s.format === 'string' ? s.format : undefined;
  if (flat.type === 'string') {
    if (meaning === 'timestamp') return format === undefined || format === 'date-time' ? 'new Date().toISOString()' : format === 'date' ? 'new Date().toISOString().slice(0, 10)' : null;
    if (format !== undefined || (typeof s.minLength === 'number' && s.minLength > 1)) return null;
    if (meaning === 'status') return source.status === null ? null : `String(${source.status})`;
    if (meaning === 'errors' || meaning === 'instance' || meaning === 'requestId' || meaning === 'pointer') {
      if (typeof s.minLength === 'number' && s.minLength > 0) return null;
    }
    const value = meaning === 'errors' ? null : source[meaning];
    if (typeof value !== 'string') return null;
    if (value.includes('messageOf(')) helpers.add('messageOf');
    return bounded(value, s, helpers);
  }
  if (flat.type === 'integer' || flat.type === 'number') {
    if (meaning !== 'status' || source.status === null || s.multipleOf !== undefined) return null;
    const min = typeof s.minimum === 'number' ? s.minimum : typeof s.exclusiveMinimum === 'number' ? s.exclusiveMinimum + 1 : -Infinity;
    const max = typeof s.maximum === 'number' ? s.maximum : typeof s.exclusiveMaximum === 'number' ? s.exclusiveMaximum - 1 : Infinity;
    return min <= 400 && max >= 599 ? source.status : null;
  }
  if (flat.type === 'array' && meaning === 'errors' && source.errors) {
    if (typeof s.minItems === 'number' && s.minItems > 0) return null;
    const items = flatten(doc, flat.items);
    let each: string | null = null;
    if (items.type === 'string' && items.schema.enum === undefined && items.schema.pattern === undefined && items.schema.format === undefined) {
      helpers.add('describeField');
      each = 'describeField(field)';
    } else if (items.type === 'object' || Object.keys(items.properties).length > 0) {
      each = objectBody(doc, items, helpers, FIELD);
    }
    if (each === null) return null;
    const limit = typeof s.maxItems === 'number' ? `.slice(0, ${s.maxItems})` : '';
    return `(problem.errors ?? [])${limit}.map((field) => (${each}))`;
  }
  return null;
}

/** Cuts a string to its schema's maxLength. */
function bounded(expression: string, schema: Record<string, unknown>, helpers: Set<Helper>): string {
  if (typeof schema.maxLength !== 'number') return expression;
  helpers.add('truncate');
  return `truncate(${expression}, ${schema.maxLength})`;
}

function literal(value: unknown): string {
  return value === undefined ? 'null' : JSON.stringify(value);
}

/** A schema with `$ref`s followed, `allOf` merged, and the first `oneOf`/`anyOf` branch taken. */
function flatten(doc: Document, raw: unknown, depth = 0): Flat {
  const schema = deref<Record<string, unknown>>(doc, raw) ?? {};
  const out: Flat = { type: typeOf(schema), properties: { ...((schema.properties as Record<string, unknown>) ?? {}) }, required: [...((schema.required as string[]) ?? [])], items: schema.items, schema };
  if (depth > 8) return out;
  const parts = [...((schema.allOf as unknown[]) ?? []), ...((schema.oneOf as unknown[]) ?? []).slice(0, 1), ...((schema.anyOf as unknown[]) ?? []).slice(0, 1)];
  for (const part of parts) {
    const sub = flatten(doc, part, depth + 1);
    out.type ??= sub.type;
    out.properties = { ...sub.properties, ...out.properties };
    out.required = [...new Set([...out.required, ...sub.required])];
    out.items ??= sub.items;
    if (parts.length === 1 && Object.keys(out.properties).length === 0) out.schema = { ...sub.schema, ...schema };
  }
  return out;
}

function typeOf(schema: Record<string, unknown>): string | undefined {
  const type = schema.type;
  if (typeof type === 'string') return type;
  if (Array.isArray(type)) return type.find((t) => t !== 'null') as string | undefined;
  return schema.properties ? 'object' : undefined;
}
