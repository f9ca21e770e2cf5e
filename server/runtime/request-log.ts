// One log line per request, written when the response is finished, with what identifies it: the
// request id (the client's X-Request-Id when it is a sane token, else a new UUID-shaped id (request-id.ts), echoed in the
// response and in problem bodies), method, path without the query string (it may carry
// credentials), status, time, and the principal's id when one was admitted. Nothing else is
// built per request: no child logger unless a handler asks for `context.log`.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';
import type { Logger } from 'pino';
import { newRequestId } from './request-id.js';

const SAFE = /^[A-Za-z0-9._:-]{1,128}$/;
const ID = Symbol.for('specfirst.requestId');
const STATE = Symbol.for('specfirst.requestLog');

interface LogState {
  logger: Logger;
  start: number;
  method: string;
  url: string;
  principal?: string;
  logged: boolean;
}

type Tracked = ServerResponse & { [STATE]?: LogState };

export function requestIdOf(req: IncomingMessage): string {
  return (req as IncomingMessage & { [ID]?: string })[ID] ?? '';
}

/** Who the caller is, for the request's log line (the id only, never the principal). */
export function logPrincipal(res: ServerResponse, id: string | undefined): void {
  const state = (res as Tracked)[STATE];
  if (state && id !== undefined) state.principal = id;
}

export interface RequestLogOptions {
  logger: Logger;
  /** Ask clients not to reuse connections (while shutting down). */
  closing: () => boolean;
}

/** Tracks every request it sees and logs it when the response is finished. */
export function requestLog(options: RequestLogOptions): RequestHandler {
  return (req, res, next) => {
    trackRequest(req, res, options);
    watchFinish(res);
    next();
  };
}

/**
 * Gives the request its id and prepares its log line; a request already tracked is left as it
 * is. The line is written by `logDone` where the runtime sends the response itself (no listener
 * per request), or on 'finish' after `watchFinish` where something else answers.
 */
export function trackRequest(req: IncomingMessage & { originalUrl?: string }, res: ServerResponse, { logger, closing }: RequestLogOptions): void {
  if ((req as IncomingMessage & { [ID]?: string })[ID] !== undefined) return;
  const given = req.headers['x-request-id'];
  const id = typeof given === 'string' && SAFE.test(given) ? given : newRequestId();
  (req as IncomingMessage & { [ID]?: string })[ID] = id;
  res.setHeader('X-Request-Id', id);
  if (closing()) res.setHeader('Connection', 'close');
  if (logger.isLevelEnabled('error')) {
    (res as Tracked)[STATE] = { logger, start: performance.now(), method: req.method ?? '', url: req.originalUrl ?? req.url ?? '', logged: false };
  }
}

/** Logs the request when its response finishes (for responses the runtime does not send itself). */
export function watchFinish(res: ServerResponse): void {
  const state = (res as Tracked)[STATE];
  if (!state || state.logged) return;
  if (res.writableFinished) logDone(res);
  else res.once('finish', finished);
}

function finished(this: Tracked): void {
  logDone(this);
}

/** The request's one log line, written once; `res` has its final status. */
export function logDone(res: ServerResponse): void {
  const state = (res as Tracked)[STATE];
  if (!state || state.logged) return;
  state.logged = true;
  const status = res.statusCode;
  const req = (res as ServerResponse & { req: IncomingMessage }).req;
  const q = state.url.indexOf('?');
  const line = {
    req: { id: requestIdOf(req), method: state.method, path: q < 0 ? state.url : state.url.slice(0, q) },
    res: { statusCode: status },
    responseTime: Math.round((performance.now() - state.start) * 10) / 10,
    ...(state.principal === undefined ? {} : { principal: state.principal }),
  };
  // 501 is a stub doing its job, not a server error.
  if (status >= 500 && status !== 501) state.logger.error(line, 'request failed');
  else if (status >= 400) state.logger.warn(line, 'request refused');
  else state.logger.info(line, 'request completed');
}

/** The request's line was written elsewhere (its connection was cut): write none here. */
export function loggedElsewhere(res: ServerResponse): void {
  const state = (res as Tracked)[STATE];
  if (state) state.logged = true;
}

/** A logger bound to one request, for handlers and verifiers that ask for it. */
export function requestLogger(logger: Logger, req: IncomingMessage): Logger {
  return logger.child({ req: { id: requestIdOf(req) } });
}
