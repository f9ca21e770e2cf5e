// The one place an error becomes a response: every error (the request's contract violations, its
// body that cannot be read, a handler that threw, a response that breaks the contract) is turned
// into a Problem, logged with the request id, and sent as application/problem+json (or in the
// error shape the contract declares for its status, see error-format/). Internals reach the client
// only when the app runs with exposeErrors (NODE_ENV=development).
import type { ErrorRequestHandler, Request } from 'express';
import type { Logger } from 'pino';
import {
  BodyError,
  ContractProblemError,
  MethodNotAllowedError,
  NotAcceptableError,
  NotFoundError,
  NotImplementedSignal,
  ResponseContractError,
  SecurityError,
  UnsupportedMediaTypeError,
  ValidationError,
} from './errors.js';
import type { ErrorBodySender } from './error-format/format-error.js';
import { problem, PROBLEM_CONTENT_TYPE, type Problem } from './problems.js';
import { logDone, requestIdOf, watchFinish } from './request-log.js';

interface HttpLikeError {
  status?: number;
  statusCode?: number;
  type?: string;
  message?: string;
}

export interface ErrorHandlerOptions {
  exposeErrors: boolean;
  logger: Logger;
  /** Sends the problem in the error shape the contract declares instead, where it declares one. */
  sendDeclared?: ErrorBodySender;
}

export function errorHandler({ exposeErrors, logger, sendDeclared }: ErrorHandlerOptions): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    const reqInfo = { id: requestIdOf(req), method: req.method, path: req.originalUrl.split('?')[0] };
    if (res.headersSent) {
      logger.error({ req: reqInfo, err: error }, 'error after the response started');
      watchFinish(res);
      next(error);
      return;
    }
    const { body, headers, log, violation } = toProblem(error, req, exposeErrors);
    if (log === 'error') logger.error({ req: reqInfo, err: violation ? undefined : error, problem: body, violation }, violation ? `${body.title}: ${violation}` : body.title);
    if (sendDeclared?.(req, res, body, headers)) return;
    res.status(body.status);
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    // A problem is never run through response validation.
    res.type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(body));
    logDone(res);
  };
}

interface Outcome {
  body: Problem;
  headers: Record<string, string>;
  log: 'error' | 'none';
  /** For the log only: what exactly broke the contract. */
  violation?: string;
}

function toProblem(error: unknown, req: Request, exposeErrors: boolean): Outcome {
  const base = { instance: req.originalUrl.split('?')[0], requestId: requestIdOf(req) };
  const done = (body: Problem, headers: Record<string, string> = {}): Outcome => ({ body, headers, log: 'none' });

  if (error instanceof ValidationError) {
    const n = error.fields.length;
    return done(problem('validation', { ...base, detail: error.detail ?? (n === 1 ? 'One field does not match the contract.' : `${n} fields do not match the contract.`), errors: [...error.fields] }));
  }
  if (error instanceof SecurityError) {
    return done(problem(error.status === 401 ? 'unauthorized' : 'forbidden', { ...base, detail: error.detail }), error.challenge ? { 'WWW-Authenticate': error.challenge } : {});
  }
  if (error instanceof BodyError) {
    if (error.status === 413) return done(problem('tooLarge', { ...base, detail: error.detail }));
    if (error.status === 415) return done(problem('unsupportedMediaType', { ...base, detail: error.detail }));
    return done(problem('malformedBody', { ...base, detail: error.detail, errors: [{ in: 'body', name: 'body', pointer: '', message: error.detail, code: error.code ?? 'parse' }] }));
  }
  if (error instanceof UnsupportedMediaTypeError) {
    return done(problem('unsupportedMediaType', { ...base, detail: `${error.message}; this operation accepts ${error.declared.join(', ')}.` }));
  }
  if (error instanceof NotFoundError) return done(problem('notFound', { ...base, detail: `Nothing is served at ${req.method} ${base.instance}.` }));
  if (error instanceof MethodNotAllowedError) {
    const allow = error.allow.join(', ');
    return done(problem('methodNotAllowed', { ...base, detail: `${req.method} is not allowed here; use ${allow}.` }), { Allow: allow });
  }
  if (error instanceof NotAcceptableError) {
    return done(problem('notAcceptable', { ...base, detail: `${error.message} Send an Accept header that allows one of them.` }));
  }
  if (error instanceof NotImplementedSignal) {
    return done(problem('notImplemented', { ...base, detail: `${error.operation} is not implemented yet: its handler still returns notImplemented().` }));
  }
  if (error instanceof ContractProblemError) {
    // The contract's own mistake, not the client's and not a secret: named in the body.
    const detail = `${error.operation} cannot be served: ${error.problems.map((p) => `${p.where}: ${p.message}`).join('; ')}. Fix the contract; every other operation is served.`;
    return { ...done(problem('contractProblem', { ...base, detail })), log: 'none' };
  }
  if (error instanceof ResponseContractError) {
    const errors = exposeErrors && error.fields ? [...error.fields] : undefined;
    return { body: problem('responseInvalid', { ...base, detail: exposeErrors ? error.message : undefined, errors }), headers: {}, log: 'error', violation: error.message };
  }
  // Express and body-parser errors that reach here carry an HTTP status.
  const e = (error ?? {}) as HttpLikeError;
  const status = e.status ?? e.statusCode;
  if (status === 400 && e.type === 'request.aborted') return done(problem('malformedBody', { ...base, detail: 'The request was aborted before its body arrived.' }));
  if (status === 400 && typeof e.type === 'string' && e.type.startsWith('request.')) return done(problem('malformedBody', { ...base, detail: e.message }));
  if (status === 413 || e.type === 'entity.too.large') return done(problem('tooLarge', { ...base, detail: e.message }));
  if (status === 415) return done(problem('unsupportedMediaType', { ...base, detail: e.message }));
  return { body: problem('internal', { ...base, detail: exposeErrors ? String(e.message ?? error) : undefined }), headers: {}, log: 'error' };
}
