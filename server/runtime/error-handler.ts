// The one place an error becomes a response: every error (validator, body parser, multer, a
// handler that threw, a response that breaks the contract) is turned into a Problem, logged with
// the request id, and sent as application/problem+json. Internals reach the client only when the
// app runs with exposeErrors (NODE_ENV=development).
import type { ErrorRequestHandler, Request, Response } from 'express';
import { NotAcceptableError, NotImplementedSignal, ResponseContractError, SecurityError } from './errors.js';
import { fieldOf, isStructuralError, problem, PROBLEM_CONTENT_TYPE, type Problem, type ValidatorErrorItem } from './problems.js';
import { requestIdOf } from './request-id.js';

interface HttpLikeError {
  status?: number;
  statusCode?: number;
  type?: string;
  code?: string;
  message?: string;
  errors?: ValidatorErrorItem[];
  headers?: Record<string, string>;
  expose?: boolean;
}

export interface ErrorHandlerOptions {
  exposeErrors: boolean;
}

export function errorHandler({ exposeErrors }: ErrorHandlerOptions): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    if (res.headersSent) {
      req.log?.error({ err: error }, 'error after the response started');
      next(error);
      return;
    }
    const { body, headers, log, violation } = toProblem(error, req, res, exposeErrors);
    if (log === 'error') req.log?.error({ err: error, problem: body, violation }, violation ? `${body.title}: ${violation}` : body.title);
    else req.log?.info({ problem: body }, body.title);
    res.status(body.status);
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    // res.send, not res.json: a problem is never run through response validation.
    res.type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(body));
  };
}

interface Outcome {
  body: Problem;
  headers: Record<string, string>;
  log: 'error' | 'info';
  /** For the log only: what exactly broke the contract. */
  violation?: string;
}

function toProblem(error: unknown, req: Request, res: Response, exposeErrors: boolean): Outcome {
  const base = { instance: req.originalUrl.split('?')[0], requestId: requestIdOf(req) };
  const e = (error ?? {}) as HttpLikeError;
  const done = (body: Problem, log: Outcome['log'] = 'info', headers: Record<string, string> = {}): Outcome => ({ body, headers, log });

  if (error instanceof NotImplementedSignal) {
    return done(problem('notImplemented', { ...base, detail: `${error.operation} is not implemented yet: its handler still returns notImplemented().` }));
  }
  if (error instanceof SecurityError) {
    const headers: Record<string, string> = error.challenge ? { 'WWW-Authenticate': error.challenge } : {};
    return done(problem(error.status === 401 ? 'unauthorized' : 'forbidden', { ...base, detail: error.detail }), 'info', headers);
  }
  if (error instanceof NotAcceptableError) {
    return done(problem('notAcceptable', { ...base, detail: `${error.message} Send an Accept header that allows one of them.` }));
  }
  if (error instanceof ResponseContractError) {
    return { ...done(problem('responseInvalid', { ...base, detail: exposeErrors ? error.message : undefined }), 'error'), violation: error.message };
  }
  // body-parser
  switch (e.type) {
    case 'entity.parse.failed':
      return done(problem('malformedBody', { ...base, detail: 'The body is not valid JSON.', errors: [{ in: 'body', name: 'body', pointer: '', message: e.message ?? 'invalid JSON', code: 'parse' }] }));
    case 'entity.too.large':
      return done(problem('tooLarge', { ...base, detail: e.message }));
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return done(problem('unsupportedMediaType', { ...base, detail: e.message }));
    case 'request.aborted':
      return done(problem('malformedBody', { ...base, detail: 'The request was aborted before its body arrived.' }));
  }
  if (e.code === 'LIMIT_FILE_SIZE' || e.code === 'LIMIT_FIELD_VALUE') return done(problem('tooLarge', { ...base, detail: e.message }));
  const status = e.status ?? e.statusCode;
  switch (status) {
    case 400: {
      const items = [...(e.errors ?? []), ...((res.locals.unknownQuery as ValidatorErrorItem[] | undefined) ?? [])];
      return done(problem('validation', { ...base, detail: summary(items), errors: validationFields(items) }));
    }
    case 401:
      return done(problem('unauthorized', { ...base, detail: e.message }), 'info', e.headers ?? {});
    case 403:
      return done(problem('forbidden', { ...base, detail: e.message }));
    case 404:
      return done(problem('notFound', { ...base, detail: `Nothing is served at ${req.method} ${base.instance}.` }));
    case 405: {
      const allow = (e.headers?.Allow ?? e.headers?.allow ?? '').toUpperCase();
      return done(problem('methodNotAllowed', { ...base, detail: `${req.method} is not allowed here; use ${allow || 'another method'}.` }), 'info', allow ? { Allow: allow } : {});
    }
    case 406:
      return done(problem('notAcceptable', { ...base, detail: e.message }));
    case 413:
      return done(problem('tooLarge', { ...base, detail: e.message }));
    case 415:
      return done(problem('unsupportedMediaType', { ...base, detail: e.message }));
  }
  if (status === 500 && Array.isArray(e.errors) && /response|status code/i.test(e.message ?? '')) {
    // The response validator: the handler's body breaks the contract.
    const errors = e.errors.map(fieldOf).map((f) => ({ ...f, in: 'response' as const }));
    const violation = `${req.method} ${base.instance}: ${errors.map((f) => `${f.pointer || f.name} ${f.message}`).join('; ')}`;
    return { ...done(problem('responseInvalid', { ...base, detail: exposeErrors ? e.message : undefined, errors: exposeErrors ? errors : undefined }), 'error'), violation };
  }
  return done(problem('internal', { ...base, detail: exposeErrors ? String(e.message ?? error) : undefined }), 'error');
}

function validationFields(items: ValidatorErrorItem[]) {
  const specific = items.filter((i) => !isStructuralError(i));
  return (specific.length > 0 ? specific : items).map(fieldOf);
}

function summary(items: ValidatorErrorItem[]): string {
  const n = validationFields(items).length;
  return n === 1 ? 'One field does not match the contract.' : `${n} fields do not match the contract.`;
}
