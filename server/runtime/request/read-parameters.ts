// A request's parameters read as its operation's plan says (plan/parameters.ts): from the path,
// the query string, the headers and the cookies, as strings (or lists/objects of strings); the
// validator then coerces them to the contract's types and fills in defaults. Decides nothing the
// plan already decided, and reports every value it cannot read instead of stopping at the first.
import type { ParameterPlan, ParameterSpec } from '../plan/parameters.js';
import type { ProblemField } from '../problems.js';
import { encodePointer } from '../contract/pointer.js';
import { parseCookies } from './cookies.js';
import { setOwn } from './plain-data.js';
import { parsePairs, type Pairs } from './query-string.js';

/** What a request's parameters read as, ready for the validator, and what could not be read. */
export interface ReadParameters {
  data: {
    params: Record<string, unknown>;
    query: Record<string, unknown>;
    /** OpenAPI 3.2 `in: querystring`: the whole query string, parsed, under the parameter's name. */
    querystring: Record<string, unknown>;
    headers: Record<string, unknown>;
    cookies: Record<string, unknown>;
  };
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
  const data: ReadParameters['data'] = { params: {}, query: {}, querystring: {}, headers: {}, cookies: {} };
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
  const whole = plan.byLocation.querystring[0];
  if (whole) readQuerystring(whole, plan.extraQueryNames, raw.query, data.querystring, errors);
  else if (plan.byLocation.query.length > 0 || (raw.query.length > 0 && !plan.allowUnknownQuery)) readQuery(plan, raw.query, data.query, errors);
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

/**
 * The whole query string as one value (OpenAPI 3.2 `in: querystring`), parsed by the parameter's
 * media type: JSON (percent-decoded first, `+` kept: it is JSON's), else form-urlencoded pairs, a name sent once as a
 * string and a repeated one as a list (the validator coerces them to the schema's types). An empty
 * query string is no value. API keys that travel in the query are not part of it.
 */
function readQuerystring(s: ParameterSpec, credentials: ReadonlySet<string>, source: string, out: Record<string, unknown>, errors: ProblemField[]): void {
  if (source.length === 0) return;
  if (s.json) {
    try {
      out[s.key] = JSON.parse(decodeURIComponent(source)) as unknown;
    } catch {
      errors.push({ in: 'querystring', name: s.name, pointer: '', message: `is not valid ${s.mediaType ?? 'JSON'}`, code: 'parse' });
    }
    return;
  }
  const bad: string[] = [];
  const pairs = parsePairs(source, 'query', bad);
  for (const name of bad) errors.push({ in: 'querystring', name: `${s.name}.${name}`, pointer: encodePointer([name]), message: 'is not valid percent-encoding', code: 'encoding' });
  const value: Record<string, unknown> = {};
  for (const [name, values] of Object.entries(pairs)) if (!credentials.has(name)) setOwn(value, name, values.length === 1 ? values[0] : values);
  out[s.key] = value;
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
 * A number the validator's coercion would let through although it is not written as the contract
 * allows (it refuses `abc` itself). A header list may put spaces after its commas (RFC 9110
 * §5.6.1): those are not part of a value. Top-level, not a closure per call: this runs for every
 * numeric parameter of every request.
 */
function slipsThrough(v: unknown, header: boolean): boolean {
  return typeof v === 'string' && v.trim() !== '' && !Number.isNaN(Number(v)) && !NUMBER_TEXT.test(header ? v.trim() : v);
}

/** An integer written with more digits than a JavaScript number holds exactly. */
function beyondSafeInteger(v: unknown): boolean {
  return typeof v === 'string' && v.length > SAFE_DIGITS && /^[+-]?\d+$/.test(v) && !Number.isSafeInteger(Number(v));
}

/**
 * Puts a value where the validator will read it, after checking numbers are written as numbers
 * (the validator's coercion is JavaScript's `+text`, which reads ` 2`, `0x2` and `Infinity`) and
 * integers are exact: `2^53 + 1` would otherwise be coerced to `2^53` and reach the handler
 * silently changed.
 */
function put(into: Record<string, unknown>, s: ParameterSpec, value: unknown, errors: ProblemField[]): void {
  if (s.numeric && !s.json && s.kind !== 'object') {
    if (Array.isArray(value) ? value.some((v) => slipsThrough(v, s.in === 'header')) : slipsThrough(value, s.in === 'header')) {
      // Reported here; the value still goes in, so the validator does not add "is required".
      errors.push({ in: s.in, name: s.name, message: `must be ${s.integer ? 'integer' : 'number'}`, code: 'type' });
      into[s.key] = value;
      return;
    }
  }
  if (s.integer && (Array.isArray(value) ? value.some(beyondSafeInteger) : beyondSafeInteger(value))) {
    errors.push({ in: s.in, name: s.name, message: 'is an integer beyond ±(2^53 − 1), which cannot be represented exactly', code: 'integer-precision' });
    return;
  }
  into[s.key] = value;
}
