// What a handler returned, checked against the contract and sent: the status must be declared
// (exactly, by its range, or by `default`), the headers must match their schemas, the media type
// must be declared, and a JSON body must satisfy its schema — or the client gets a 500 problem and
// the log names the violation. The checks were compiled with the operation; sending runs only the
// few of the status at hand. The error handler checks the bodies of the contract's own error shape
// with the same checkResponse.
import type { Request, Response } from 'express';
import type { RouteBinding } from '../api.js';
import { ResponseContractError } from '../errors.js';
import { isJsonMediaType, mediaTypeBase } from '../contract/media-types.js';
import { bodyFields } from './ajv-fields.js';
import type { CompiledOperation, HeaderRule } from './compile-operation.js';

interface HandlerResponse {
  status: number;
  contentType?: string;
  headers?: Record<string, unknown>;
  body?: unknown;
}

const UNDECLARED = '(no responses declared)';
const ANY = ['*/*'];

export interface ResponseRules {
  route: RouteBinding;
  compiled: CompiledOperation;
  /** Check bodies against their schemas (statuses, media types and headers are always checked). */
  validateBodies: boolean;
}

/** What a status answers with, worked out on its first use by the operation. */
interface StatusEntry {
  key: string;
  /** Declared media types as the contract writes them, and their lower-case base types. */
  declared: readonly string[];
  bases: string[];
  /** The media type sent when the handler names none (the first declared, when concrete). */
  implied: string | undefined;
  headers: readonly HeaderRule[] | undefined;
}

const entries = new WeakMap<CompiledOperation, Map<number, StatusEntry | null>>();

function entryFor(route: RouteBinding, compiled: CompiledOperation, status: number): StatusEntry | null {
  let byStatus = entries.get(compiled);
  if (!byStatus) entries.set(compiled, (byStatus = new Map()));
  let entry = byStatus.get(status);
  if (entry === undefined) {
    const key = declaredStatusKey(route, status);
    const declared = key === null ? [] : key === UNDECLARED ? ANY : route.responses[key]!;
    entry = key === null ? null : { key, declared, bases: declared.map(mediaTypeBase), implied: impliedType(declared[0]), headers: compiled.headers.get(key) };
    byStatus.set(status, entry);
  }
  return entry;
}

export async function respond(rules: ResponseRules, req: Request, res: Response, result: unknown): Promise<void> {
  const { status, headers, body, mediaType, json } = checkResponse(rules, result);
  res.statusCode = status;
  if (headers) {
    for (const name of Object.keys(headers)) {
      const value = headers[name];
      if (value !== undefined) res.setHeader(name, Array.isArray(value) ? value.map(String) : String(value));
    }
  }
  if (body === undefined) {
    res.end();
    return;
  }
  if (body instanceof Blob) {
    send(req, res, mediaType && !mediaType.endsWith('/*') ? mediaType : body.type || 'application/octet-stream', Buffer.from(await body.arrayBuffer()));
  } else if (json || (typeof body !== 'string' && !Buffer.isBuffer(body))) {
    send(req, res, mediaType ?? 'application/json', JSON.stringify(body));
  } else {
    send(req, res, mediaType ?? 'text/plain', body as string | Buffer);
  }
}

export interface CheckedResponse extends HandlerResponse {
  /** The media type to send it as, when there is one. */
  mediaType: string | undefined;
  json: boolean;
}

/**
 * The response if it is within the contract; throws ResponseContractError naming what is not.
 * The error handler checks bodies in the contract's own error shape with it too.
 */
export function checkResponse({ route, compiled, validateBodies }: ResponseRules, result: unknown): CheckedResponse {
  if (typeof result !== 'object' || result === null || typeof (result as HandlerResponse).status !== 'number') {
    throw new ResponseContractError(route, 'the handler did not return { status, body }');
  }
  const { status, contentType, headers, body } = result as HandlerResponse;
  const entry = entryFor(route, compiled, status);
  if (entry === null) throw new ResponseContractError(route, `status ${status} is not declared for this operation`);
  const { key, declared } = entry;
  if (entry.headers) {
    const badHeaders = headerViolations(entry.headers, headers);
    if (badHeaders.length > 0) throw new ResponseContractError(route, `status ${status}: ${badHeaders.join('; ')}`);
  }
  if (declared.length === 0 && body !== undefined) {
    throw new ResponseContractError(route, `status ${status} is declared without content, but the handler returned a body`);
  }
  if (declared.length > 0 && body === undefined && key !== UNDECLARED) {
    throw new ResponseContractError(route, `status ${status} is declared with content, but the handler returned no body`);
  }
  const blob = body instanceof Blob;
  const mediaType = contentType ?? (blob ? blobType(declared[0], body) : entry.implied);
  let matched: string | undefined;
  if (mediaType && declared.length > 0) {
    matched = contentType === undefined && !blob && entry.implied !== undefined ? declared[0] : declared[matchIndex(entry.bases, mediaTypeBase(mediaType))];
    if (matched === undefined) throw new ResponseContractError(route, `media type ${mediaType} is not declared for status ${status}`);
  }
  const json = !blob && mediaType !== undefined && isJsonMediaType(mediaType);
  // A text body is a string value: its schema (a `maxLength`, a `pattern`) applies as to JSON.
  const text = typeof body === 'string' && mediaType !== undefined && mediaType.toLowerCase().startsWith('text/');
  if (validateBodies && matched && (json || text)) {
    const validate = compiled.responses.get(key)?.get(matched);
    if (validate && !validate(body)) {
      const fields = bodyFields(validate.errors, 'response');
      throw new ResponseContractError(route, `status ${status} body: ${fields.map((f) => `${f.pointer || '/'} ${f.message}`).join('; ')}`, fields);
    }
  }
  return { status, headers, body, mediaType, json };
}

/**
 * Writes the body as it is: Content-Type (text with its charset), Content-Length, and no body for
 * HEAD. No ETag and no 304: a status or header the contract does not declare is never invented.
 */
function send(req: Request, res: Response, mediaType: string, payload: string | Buffer): void {
  const text = typeof payload === 'string';
  res.setHeader('Content-Type', text && !/;\s*charset=/i.test(mediaType) && (isJsonMediaType(mediaType) || mediaType.startsWith('text/')) ? `${mediaType}; charset=utf-8` : mediaType);
  res.setHeader('Content-Length', text ? Buffer.byteLength(payload) : payload.length);
  if (req.method === 'HEAD') res.end();
  else res.end(payload);
}

/** The declared entry an actual media type falls under: exact, then `type/*`, then `*\/*`; -1 if none. */
function matchIndex(bases: readonly string[], actual: string): number {
  const exact = bases.indexOf(actual);
  if (exact >= 0) return exact;
  return bases.findIndex((d) => d === '*/*' || (d.endsWith('/*') && actual.startsWith(d.slice(0, -1))));
}

/** The response entry that covers a status (exact, then `2XX`, then `default`); null if none. */
function declaredStatusKey(route: RouteBinding, status: number): string | null {
  const responses = route.responses;
  const exact = String(status);
  if (responses[exact]) return exact;
  // An operation without responses in the contract promises nothing: any status goes.
  if (Object.keys(responses).length === 0) return UNDECLARED;
  const range = `${exact[0]}XX`;
  if (responses[range]) return range;
  if (responses[range.toLowerCase()]) return range.toLowerCase();
  return responses.default ? 'default' : null;
}

/** The media type a body gets when the handler names none: JSON for `*\/*`, the declared one when concrete. */
function impliedType(declared: string | undefined): string | undefined {
  if (!declared) return undefined;
  if (declared === '*/*') return 'application/json';
  if (declared.endsWith('/*')) return undefined;
  const semi = declared.indexOf(';');
  return semi < 0 ? declared : declared.slice(0, semi).trim();
}

function blobType(declared: string | undefined, body: Blob): string | undefined {
  if (!declared) return undefined;
  if (declared === '*/*' || declared.endsWith('/*')) return body.type || (declared === '*/*' ? 'application/octet-stream' : undefined);
  return impliedType(declared);
}

/** What is wrong with the headers a handler returned, one sentence each (empty when fine). */
function headerViolations(rules: readonly HeaderRule[] | undefined, headers: Record<string, unknown> | undefined): string[] {
  if (!rules) return [];
  const given = new Map(Object.entries(headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
  const out: string[] = [];
  for (const rule of rules) {
    if (rule.name.toLowerCase() === 'content-type') continue;
    const value = given.get(rule.name.toLowerCase());
    if (value === undefined) {
      if (rule.required) out.push(`required header ${rule.name} is missing`);
    } else if (rule.validate && !rule.validate(value)) {
      out.push(`header ${rule.name} ${rule.validate.errors?.map((e) => e.message).join(', ') ?? 'is invalid'}`);
    }
  }
  return out;
}
