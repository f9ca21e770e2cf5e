// What a handler returned, checked against the contract and sent: the status must be declared
// (exactly, by its range, or by `default`), the headers must match their schemas, the media type
// must be declared, and a JSON body must satisfy its schema — or the client gets a 500 problem and
// the log names the violation. The checks were compiled with the operation, the rules of each
// status made on its first use (plan/response-rules.ts); sending runs only the few of the status
// at hand. The error handler checks the bodies of the contract's own error shape with the same
// checkResponse.
import type { Request, Response } from 'express';
import { ResponseContractError } from '../errors.js';
import { isJsonMediaType, mediaTypeBase } from '../contract/media-types.js';
import type { HeaderRule } from '../plan/compile-operation.js';
import { entryFor, impliedType, UNDECLARED, type ResponseRules } from '../plan/response-rules.js';
import { bodyFields } from './ajv-fields.js';
import { isItemSource, sendStream } from './stream-response.js';
import type { ItemRule } from '../plan/items.js';

interface HandlerResponse {
  status: number;
  contentType?: string;
  headers?: Record<string, unknown>;
  body?: unknown;
}

export async function respond(rules: ResponseRules, req: Request, res: Response, result: unknown): Promise<void> {
  const { status, headers, body, mediaType, json, stream } = checkResponse(rules, result);
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
  if (stream) {
    await sendStream(req, res, { route: rules.route, rule: stream, mediaType: mediaType!, validateItems: rules.validateBodies, logger: rules.logger }, body as AsyncIterable<unknown>);
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
  /** A streamed body (an iterable of items for a media type with `itemSchema`): how to send each item. */
  stream?: ItemRule;
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
  const itemRule = matched === undefined ? undefined : compiled.items.get(key)?.get(matched);
  if (itemRule) {
    // Each item is checked as it is sent (stream-response.ts), never the body as a whole.
    if (!isItemSource(body) || typeof body === 'string') throw new ResponseContractError(route, `status ${status} ${matched} is a stream of items (itemSchema): the handler must return an iterable or async iterable of items as its body`);
    return { status, headers, body, mediaType, json: false, stream: itemRule };
  }
  if (typeof body === 'object' && body !== null && Symbol.asyncIterator in body) {
    throw new ResponseContractError(route, `status ${status}${matched ? ` ${matched}` : ''} has no itemSchema, so it cannot be streamed: the handler returned an async iterable`);
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
