// What a handler returned, checked against the contract and sent: the status must be declared
// (exactly, by its range, or by `default`), the headers must match their schemas, the media type
// must be declared, and a JSON body (or a text one, which is a string value) must satisfy its
// schema — or the client gets a 500 problem and the log names the violation. The checks were
// compiled with the operation; sending runs only the few of the status at hand. The error handler
// checks the bodies of the contract's own error shape with the same checkResponse.
import type { Response } from 'express';
import type { RouteBinding } from '../api.js';
import { ResponseContractError } from '../errors.js';
import { isJson } from '../media-types.js';
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

export async function respond(rules: ResponseRules, res: Response, result: unknown): Promise<void> {
  const { status, headers, body, mediaType, json } = checkResponse(rules, result);
  res.status(status);
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
    res.type(mediaType && !mediaType.endsWith('/*') ? mediaType : body.type || 'application/octet-stream');
    res.send(Buffer.from(await body.arrayBuffer()));
    return;
  }
  if (mediaType) res.type(mediaType);
  if (json) res.send(JSON.stringify(body));
  else if (typeof body === 'string' || Buffer.isBuffer(body)) res.send(body);
  else res.send(JSON.stringify(body));
}

export interface CheckedResponse extends HandlerResponse {
  /** The media type to send it as, when there is one. */
  mediaType: string | undefined;
  json: boolean;
}

/** The response if it is within the contract; throws ResponseContractError naming what is not. */
export function checkResponse({ route, compiled, validateBodies }: ResponseRules, result: unknown): CheckedResponse {
  if (typeof result !== 'object' || result === null || typeof (result as HandlerResponse).status !== 'number') {
    throw new ResponseContractError(route, 'the handler did not return { status, body }');
  }
  const { status, contentType, headers, body } = result as HandlerResponse;
  const key = declaredStatusKey(route, status);
  if (key === null) throw new ResponseContractError(route, `status ${status} is not declared for this operation`);
  const declared = key === UNDECLARED ? ANY : route.responses[key]!;
  const badHeaders = headerViolations(compiled.headers.get(key), headers);
  if (badHeaders.length > 0) throw new ResponseContractError(route, `status ${status}: ${badHeaders.join('; ')}`);
  if (declared.length === 0 && body !== undefined) {
    throw new ResponseContractError(route, `status ${status} is declared without content, but the handler returned a body`);
  }
  if (declared.length > 0 && body === undefined && key !== UNDECLARED) {
    throw new ResponseContractError(route, `status ${status} is declared with content, but the handler returned no body`);
  }
  const mediaType = contentType ?? concrete(declared[0], body);
  const matched = mediaType && declared.length > 0 ? declared.find((d) => mediaTypeMatches(d, mediaType)) : undefined;
  if (mediaType && declared.length > 0 && !matched) {
    throw new ResponseContractError(route, `media type ${mediaType} is not declared for status ${status}`);
  }
  const json = mediaType !== undefined && isJson(mediaType) && !(body instanceof Blob);
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

/** The response entry that covers a status (exact, then `2XX`, then `default`); null if none. */
function declaredStatusKey(route: RouteBinding, status: number): string | null {
  const responses = route.responses;
  const exact = String(status);
  if (responses[exact]) return exact;
  // An operation without responses in the contract promises nothing: any status goes.
  let any = false;
  for (const _ in responses) {
    any = true;
    break;
  }
  if (!any) return UNDECLARED;
  const range = `${exact[0]}XX`;
  if (responses[range]) return range;
  if (responses[range.toLowerCase()]) return range.toLowerCase();
  return responses.default ? 'default' : null;
}

function concrete(declared: string | undefined, body: unknown): string | undefined {
  if (!declared) return undefined;
  if (declared === '*/*') return body instanceof Blob ? body.type || 'application/octet-stream' : 'application/json';
  if (declared.endsWith('/*')) return body instanceof Blob && body.type ? body.type : undefined;
  const semi = declared.indexOf(';');
  return semi < 0 ? declared : declared.slice(0, semi).trim();
}

function mediaTypeMatches(declared: string, actual: string): boolean {
  const d = declared.split(';')[0]!.trim().toLowerCase();
  const a = actual.split(';')[0]!.trim().toLowerCase();
  if (d === '*/*' || d === a) return true;
  return d.endsWith('/*') && a.startsWith(d.slice(0, -1));
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
