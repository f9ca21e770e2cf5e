// One operation's Express handler: builds the typed request from the values the validator has
// already checked, coerced and defaulted; calls the person's handler; sends what it returns, after
// checking the status and media type are declared (JSON bodies are then schema-checked by the
// response validator). Everything per route is prepared once here, not per request.
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { RouteBinding } from './api.js';
import { NotAcceptableError, NotImplementedSignal, ResponseContractError } from './errors.js';
import type { CookieParameter } from './cookies.js';
import { headerViolations, type HeaderRules } from './response-headers.js';
import { isJson } from './media-types.js';
import type { MockResponse } from './mock.js';
import { readCookies } from './cookies.js';
import { requestIdOf } from './request-id.js';

const NOT_IMPLEMENTED = Symbol.for('specfirst.notImplemented');

interface HandlerResponse {
  status: number;
  contentType?: string;
  headers?: Record<string, unknown>;
  body?: unknown;
}

interface OpenApiRequestInfo {
  pathParams?: Record<string, unknown>;
}

export interface OperationPlan {
  cookies: readonly CookieParameter[];
  responseHeaders: HeaderRules;
  /** In mock mode: what a stub answers instead of 501. */
  mock: ((route: RouteBinding) => MockResponse) | null;
}

export function handleOperation(route: RouteBinding, plan: OperationPlan): RequestHandler {
  const headerNames = route.parameters.header.map((name) => [name, name.toLowerCase()] as const);
  const queryNames = route.parameters.query;
  const pathNames = route.parameters.path;
  const hasBody = route.requestMediaTypes.length > 0;
  // What the operation can answer with; a wildcard (`image/*`) means negotiation is the handler's.
  const produces = [...new Set(Object.values(route.responses).flat().map((m) => m.split(';')[0]!.trim()))];
  const negotiable = produces.length > 0 && produces.every((m) => !m.includes('*'));

  return async (req: Request, res: Response, next: NextFunction) => {
    if (res.locals.unknownQuery) {
      // Everything else was valid; the unknown query parameters alone make it a 400.
      next(Object.assign(new Error('unknown query parameters'), { status: 400, errors: [] }));
      return;
    }
    if (negotiable && req.headers.accept && !req.accepts(produces)) {
      next(new NotAcceptableError(produces));
      return;
    }
    const openapi = (req as Request & { openapi?: OpenApiRequestInfo }).openapi;
    const pathParams = openapi?.pathParams ?? req.params;
    const query = req.query as Record<string, unknown>;
    const request = {
      params: pick(pathParams, pathNames),
      query: pick(query, queryNames),
      headers: Object.fromEntries(
        headerNames.filter(([, lower]) => req.headers[lower] !== undefined).map(([name, lower]) => [name, req.headers[lower]]),
      ),
      cookies: readCookies(req, plan.cookies),
      body: hasBody ? requestBody(req) : undefined,
      contentType: hasBody ? (req.headers['content-type']?.split(';')[0]?.trim() ?? undefined) : undefined,
    };
    const abort = new AbortController();
    const onClose = (): void => {
      if (!res.writableEnded) abort.abort();
    };
    res.once('close', onClose);
    const context = { requestId: requestIdOf(req), log: req.log, signal: abort.signal, principal: res.locals.principal };
    let result: unknown;
    try {
      result = await route.handler(request, context);
    } catch (error) {
      next(error);
      return;
    }
    if (res.headersSent) return;
    try {
      await send(route, plan, res, result);
    } catch (error) {
      next(error);
    }
  };
}

function pick(source: Record<string, unknown> | undefined, names: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (!source) return out;
  for (const name of names) if (source[name] !== undefined) out[name] = source[name];
  return out;
}

/** Multipart files arrive as web-standard File objects next to the text fields. */
function requestBody(req: Request): unknown {
  const files = (req as Request & { files?: Express.Multer.File[] }).files;
  if (!Array.isArray(files) || files.length === 0) return req.body;
  const body: Record<string, unknown> = { ...(req.body as Record<string, unknown>) };
  for (const f of files) {
    const file = new File([f.buffer], f.originalname, { type: f.mimetype });
    const existing = body[f.fieldname];
    body[f.fieldname] = existing instanceof File ? [existing, file] : Array.isArray(existing) ? [...existing, file] : file;
  }
  return body;
}

async function send(route: RouteBinding, plan: OperationPlan, res: Response, handlerResult: unknown): Promise<void> {
  let result = handlerResult;
  if (isNotImplemented(result)) {
    if (!plan.mock) throw new NotImplementedSignal(route.operation);
    result = plan.mock(route);
  }
  if (typeof result !== 'object' || result === null || typeof (result as HandlerResponse).status !== 'number') {
    throw new ResponseContractError(route, 'the handler did not return { status, body }');
  }
  const { status, contentType, headers, body } = result as HandlerResponse;
  const key = declaredStatusKey(route, status);
  if (key === null) throw new ResponseContractError(route, `status ${status} is not declared for this operation`);
  const declared = key === UNDECLARED ? ANY : route.responses[key]!;
  const badHeaders = headerViolations(plan.responseHeaders.get(key), headers);
  if (badHeaders.length > 0) throw new ResponseContractError(route, `status ${status}: ${badHeaders.join('; ')}`);
  const mediaType = contentType ?? concrete(declared[0], body);
  if (declared.length === 0 && body !== undefined) {
    throw new ResponseContractError(route, `status ${status} is declared without content, but the handler returned a body`);
  }
  if (declared.length > 0 && body === undefined && key !== UNDECLARED) {
    throw new ResponseContractError(route, `status ${status} is declared with content, but the handler returned no body`);
  }
  if (mediaType && declared.length > 0 && !declared.some((d) => mediaTypeMatches(d, mediaType))) {
    throw new ResponseContractError(route, `media type ${mediaType} is not declared for status ${status}`);
  }
  res.status(status);
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (value === undefined) continue;
    res.setHeader(name, Array.isArray(value) ? value.map(String) : String(value));
  }
  if (body === undefined) {
    res.end();
    return;
  }
  if (mediaType) res.type(mediaType);
  if (body instanceof Blob) {
    if (!mediaType && body.type) res.type(body.type);
    res.send(Buffer.from(await body.arrayBuffer()));
  } else if (mediaType && isJson(mediaType)) {
    // res.json goes through express-openapi-validator's response validation.
    res.json(body);
  } else if (typeof body === 'string' || Buffer.isBuffer(body)) {
    res.send(body);
  } else {
    res.send(JSON.stringify(body));
  }
}

const UNDECLARED = '(no responses declared)';
const ANY = ['*/*'];

/** The response entry that covers a status (exact, then `2XX`, then `default`); null if none. */
function declaredStatusKey(route: RouteBinding, status: number): string | null {
  const exact = String(status);
  // An operation without responses in the contract promises nothing: any status goes.
  if (Object.keys(route.responses).length === 0) return UNDECLARED;
  const range = `${exact[0]}XX`;
  for (const key of [exact, range, range.toLowerCase(), 'default']) if (route.responses[key]) return key;
  return null;
}

function concrete(declared: string | undefined, body: unknown): string | undefined {
  if (!declared) return undefined;
  if (declared === '*/*') return body instanceof Blob ? body.type || 'application/octet-stream' : 'application/json';
  if (declared.endsWith('/*')) return body instanceof Blob && body.type ? body.type : undefined;
  return declared.split(';')[0]!.trim();
}

function mediaTypeMatches(declared: string, actual: string): boolean {
  const d = declared.split(';')[0]!.trim().toLowerCase();
  const a = actual.split(';')[0]!.trim().toLowerCase();
  if (d === '*/*' || d === a) return true;
  return d.endsWith('/*') && a.startsWith(d.slice(0, -1));
}


function isNotImplemented(value: unknown): boolean {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[NOT_IMPLEMENTED] === true;
}

