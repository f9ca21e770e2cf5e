// An operation's parameters: how to read each one from the request (by location, style and
// explode, as OpenAPI defines serialisation), and the schema the validator checks them against.
// Everything about a parameter is decided once, at start-up; a request runs only the readers its
// operation declares. Values are read as strings (or lists/objects of strings) and the validator
// coerces them to the contract's types and fills in defaults.
import type { Document } from '../contract/document.js';
import { isIgnoredHeader } from '../contract/ignored-headers.js';
import { deref, escapeSegment } from '../contract/pointer.js';
import type { ProblemField } from '../problems.js';
import { setOwn } from './plain-data.js';
import { parsePairs, type Pairs } from './query-string.js';

type Location = 'path' | 'query' | 'header' | 'cookie';
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

const DATA_KEY: Record<Location, 'params' | 'query' | 'headers' | 'cookies'> = { path: 'params', query: 'query', header: 'headers', cookie: 'cookies' };

export function planParameters(doc: Document, path: string, method: string, extraQueryNames: ReadonlySet<string>): ParameterPlan {
  const item = deref(doc, doc.paths?.[path]) ?? {};
  const op = deref(doc, item[method]) ?? {};
  const pathAt = `/paths/${escapeSegment(path)}`;
  const byKey = new Map<string, { p: Record<string, unknown>; at: string }>();
  const lists: [unknown, string][] = [
    [item.parameters, `${pathAt}/parameters`],
    [op.parameters, `${pathAt}/${method}/parameters`],
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
  const byLocation: ParameterPlan['byLocation'] = { path: [], query: [], header: [], cookie: [] };
  for (const s of specs) byLocation[s.in].push(s);
  return {
    specs,
    byLocation,
    extraQueryNames,
    allowUnknownQuery: op['x-eov-allow-unknown-query-parameters'] === true,
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
    json: mediaType !== undefined && /json/i.test(mediaType),
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
    group.properties[s.key] = s.schema;
    if (s.required) (group.required ??= []).push(s.key);
  }
  return { type: 'object', properties };
}

/** What a request's parameters read as, ready for the validator, and what could not be read. */
export interface ReadParameters {
  data: { params: Record<string, unknown>; query: Record<string, unknown>; headers: Record<string, unknown>; cookies: Record<string, unknown> };
  errors: ProblemField[];
}

export interface RawParameters {
  /** Percent-encoded path parameter values from the route table. */
  path: Record<string, string>;
  /** The query string without `?`. */
  query: string;
  headers: Record<string, string | string[] | undefined>;
}

export function readParameters(plan: ParameterPlan, raw: RawParameters): ReadParameters {
  const errors: ProblemField[] = [];
  const data: ReadParameters['data'] = { params: {}, query: {}, headers: {}, cookies: {} };
  for (const s of plan.byLocation.path) {
    const value = raw.path[s.name];
    if (value === undefined) continue;
    let decoded: string;
    try {
      decoded = decodeURIComponent(value);
    } catch {
      errors.push({ in: 'path', name: s.name, message: 'is not valid percent-encoding', code: 'encoding' });
      continue;
    }
    put(data.params, s, fromDelimited(s, stripPrefix(s, decoded)), errors);
  }
  if (plan.byLocation.query.length > 0 || (raw.query.length > 0 && !plan.allowUnknownQuery)) readQuery(plan, raw.query, data.query, errors);
  for (const s of plan.byLocation.header) {
    const value = raw.headers[s.key];
    if (value === undefined) continue;
    put(data.headers, s, fromDelimited(s, Array.isArray(value) ? value.join(',') : value), errors);
  }
  if (plan.byLocation.cookie.length > 0) {
    const cookies = parseCookies(raw.headers.cookie);
    for (const s of plan.byLocation.cookie) {
      const value = cookies.get(s.name);
      if (value !== undefined) put(data.cookies, s, fromDelimited(s, value), errors);
    }
  }
  return { data, errors };
}

function readQuery(plan: ParameterPlan, source: string, out: Record<string, unknown>, errors: ProblemField[]): void {
  const bad: string[] = [];
  const pairs: Pairs = parsePairs(source, 'query', bad);
  for (const name of bad) errors.push({ in: 'query', name, message: 'is not valid percent-encoding', code: 'encoding' });
  const used = new Set<string>();
  let anyKey: ParameterSpec | undefined;
  for (const s of plan.byLocation.query) {
    if (s.kind === 'object' && !s.json && s.style === 'deepObject') {
      const prefix = `${s.name}[`;
      const object: Record<string, unknown> = {};
      for (const key of Object.keys(pairs)) {
        if (!key.startsWith(prefix) || !key.endsWith(']')) continue;
        used.add(key);
        const values = pairs[key]!;
        setOwn(object, key.slice(prefix.length, -1), values.length === 1 ? values[0] : values);
      }
      if (Object.keys(object).length > 0) out[s.key] = object;
      continue;
    }
    if (s.kind === 'object' && !s.json && s.style === 'form' && s.explode) {
      const object: Record<string, unknown> = {};
      for (const prop of s.properties) {
        const values = pairs[prop];
        if (!values) continue;
        used.add(prop);
        object[prop] = values.length === 1 ? values[0] : values;
      }
      if (s.takesAnyKey) anyKey = s;
      if (Object.keys(object).length > 0) out[s.key] = object;
      continue;
    }
    const values = pairs[s.name];
    if (!values) continue;
    used.add(s.name);
    if (!s.allowEmptyValue && values.some((v) => v === '')) {
      errors.push({ in: 'query', name: s.name, message: 'must not be empty', code: 'empty' });
      continue;
    }
    if (s.kind === 'array' && s.explode && !s.json) put(out, s, values, errors);
    else if (s.kind === 'array' && !s.json) put(out, s, values.flatMap((v) => fromDelimited(s, v) as string[]), errors);
    else put(out, s, values.length === 1 ? fromDelimited(s, values[0]!) : values, errors);
  }
  for (const key of Object.keys(pairs)) {
    if (used.has(key) || plan.extraQueryNames.has(key)) continue;
    if (anyKey) {
      const object = (out[anyKey.key] ??= {}) as Record<string, unknown>;
      const values = pairs[key]!;
      setOwn(object, key, values.length === 1 ? values[0] : values);
      continue;
    }
    if (!plan.allowUnknownQuery) errors.push({ in: 'query', name: key, message: `unknown query parameter '${key}'`, code: 'unknown' });
  }
}

/** One value from its serialised text: JSON content, a delimited array or object, or as it is. */
function fromDelimited(s: ParameterSpec, text: string): unknown {
  if (s.json) {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return text;
    }
  }
  if (s.kind === 'primitive') return text;
  const delimiter = s.style === 'spaceDelimited' ? ' ' : s.style === 'pipeDelimited' ? '|' : s.style === 'label' && s.explode ? '.' : s.style === 'matrix' && s.explode ? `;${s.name}=` : ',';
  const parts = text === '' ? [] : text.split(delimiter);
  if (s.kind === 'array') return parts;
  const object: Record<string, string> = {};
  if (s.explode) {
    for (const part of parts) {
      const eq = part.indexOf('=');
      if (eq > 0) setOwn(object, part.slice(0, eq), part.slice(eq + 1));
    }
  } else {
    for (let i = 0; i + 1 < parts.length; i += 2) setOwn(object, parts[i]!, parts[i + 1]!);
  }
  return object;
}

/** label (`.a`) and matrix (`;id=a`) path styles carry a prefix. */
function stripPrefix(s: ParameterSpec, text: string): string {
  if (s.style === 'label') return text.startsWith('.') ? text.slice(1) : text;
  if (s.style === 'matrix') {
    const prefix = `;${s.name}=`;
    return text.startsWith(prefix) ? text.slice(prefix.length) : text.startsWith(`;${s.name}`) ? '' : text;
  }
  return text;
}

const SAFE_DIGITS = 15;
/** A number written as a number: no spaces, no `0x`, no `+`, no `Infinity` (all of which `+text` takes). */
const NUMBER_TEXT = /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/;

/**
 * Puts a value where the validator will read it, after checking numbers are written as numbers
 * (the validator's coercion is JavaScript's `+text`, which reads ` 2`, `0x2` and `Infinity`) and
 * integers are exact: `2^53 + 1` would otherwise be coerced to `2^53` and reach the handler
 * silently changed.
 */
function put(into: Record<string, unknown>, s: ParameterSpec, value: unknown, errors: ProblemField[]): void {
  if (s.numeric && !s.json && s.kind !== 'object') {
    const values = Array.isArray(value) ? value : [value];
    // Only what the validator's coercion would let through (it refuses `abc` itself). A header
    // list may put spaces after its commas (RFC 9110 §5.6.1): those are not part of a value.
    const slipsThrough = (v: unknown) => typeof v === 'string' && v.trim() !== '' && !Number.isNaN(Number(v)) && !NUMBER_TEXT.test(s.in === 'header' ? v.trim() : v);
    if (values.some(slipsThrough)) {
      // Reported here; the value still goes in, so the validator does not add "is required".
      errors.push({ in: s.in, name: s.name, message: `must be ${s.integer ? 'integer' : 'number'}`, code: 'type' });
      into[s.key] = value;
      return;
    }
  }
  if (s.integer) {
    const values = Array.isArray(value) ? value : [value];
    for (const v of values) {
      if (typeof v === 'string' && v.length > SAFE_DIGITS && /^[+-]?\d+$/.test(v) && !Number.isSafeInteger(Number(v))) {
        errors.push({ in: s.in, name: s.name, message: 'is an integer beyond ±(2^53 − 1), which cannot be represented exactly', code: 'integer-precision' });
        return;
      }
    }
  }
  into[s.key] = value;
}

/** `a=1; b=2` → a Map (the first of a repeated name wins); values percent-decoded where they can be. */
export function parseCookies(header: string | string[] | undefined): Map<string, string> {
  const out = new Map<string, string>();
  if (!header) return out;
  const text = Array.isArray(header) ? header.join(';') : header;
  for (const part of text.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim();
    if (!name || out.has(name)) continue;
    let value = part.slice(eq + 1).trim();
    if (value.startsWith('"') && value.endsWith('"') && value.length >= 2) value = value.slice(1, -1);
    try {
      value = value.includes('%') ? decodeURIComponent(value) : value;
    } catch {
      // kept as sent: the validator judges it
    }
    out.set(name, value);
  }
  return out;
}
