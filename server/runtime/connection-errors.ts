// What happens to a connection that Node's HTTP parser or its timeouts give up on, before (or
// while) a request reaches the application: a client too slow with its headers or its body (408),
// headers over the size limit (431), bytes that are not HTTP/1.1 (400: a bad chunk size, both
// Content-Length and Transfer-Encoding, …). The client gets a problem+json answer when nothing of
// a response has been sent yet, the connection is closed, and the log gets one line per
// connection. Connections beyond maxConnections are closed as they arrive, logged at most once a
// second. Never reads or logs the bytes the client sent: they may carry credentials.
import { STATUS_CODES, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { Logger } from 'pino';
import type { ServerLimits } from './limits.js';
import { problem, PROBLEM_CONTENT_TYPE, type ProblemCode } from './problems.js';
import { newRequestId } from './request-id.js';
import { loggedElsewhere, requestIdOf } from './request-log.js';

interface ClientError extends Error {
  code?: string;
  /** llhttp's reason, e.g. `Invalid character in chunk size`. */
  reason?: string;
}

export function guardConnections(server: Server, logger: Logger, limits: ServerLimits): void {
  server.on('clientError', (error: ClientError, socket: Socket) => onClientError(error, socket, logger, limits));
  let dropped = 0;
  let quiet: NodeJS.Timeout | null = null;
  server.on('drop', () => {
    dropped++;
    if (quiet) return;
    logger.warn({ maxConnections: limits.maxConnections }, `connection refused: ${limits.maxConnections} connections are already open (maxConnections)`);
    dropped = 0;
    quiet = setTimeout(() => {
      if (dropped > 0) logger.warn({ maxConnections: limits.maxConnections, dropped }, `${dropped} more connection(s) refused in the last second (maxConnections)`);
      quiet = null;
    }, 1_000);
    quiet.unref();
  });
}

function onClientError(error: ClientError, socket: Socket, logger: Logger, limits: ServerLimits): void {
  const inFlight = (socket as Socket & { _httpMessage?: ServerResponse | null })._httpMessage ?? null;
  const outcome = classify(error, inFlight !== null, limits);
  if (!outcome) {
    // The client went away (a reset, a broken pipe): nothing to answer, nothing to report.
    socket.destroy();
    return;
  }
  const req = (inFlight as (ServerResponse & { req?: IncomingMessage }) | null)?.req;
  const requestId = (req && requestIdOf(req)) || newRequestId();
  const path = req?.url?.split('?')[0];
  logger.warn(
    {
      req: req ? { id: requestId, method: req.method, path } : { id: requestId },
      client: socket.remoteAddress,
      res: { statusCode: PROBLEM_STATUS[outcome.code] },
      ...(error.code ? { error: error.code } : {}),
    },
    `connection cut: ${outcome.detail}`,
  );
  // The request in flight then fails to read its body and is answered on a closed socket: that
  // answer reaches no one and gets no second line.
  if (inFlight) loggedElsewhere(inFlight);
  // As Node does itself: answer only if no byte of a response has gone out on this connection.
  if (socket.writable && !inFlight?.headersSent) socket.write(rawProblem(outcome.code, outcome.detail, requestId, path));
  socket.destroy();
}

const PROBLEM_STATUS = { requestTimeout: 408, headersTooLarge: 431, malformedRequest: 400, tooLarge: 413 } as const satisfies Partial<Record<ProblemCode, number>>;

interface Outcome {
  code: keyof typeof PROBLEM_STATUS;
  detail: string;
}

function classify(error: ClientError, inFlight: boolean, limits: ServerLimits): Outcome | null {
  switch (error.code) {
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      // Headers are held to the shorter bound: a request in flight has them, so its body was slow.
      return inFlight
        ? { code: 'requestTimeout', detail: `the request body did not arrive within ${limits.requestTimeoutMs} ms (requestTimeout)` }
        : { code: 'requestTimeout', detail: `the request headers did not arrive within ${limits.headersTimeoutMs} ms (headersTimeout)` };
    case 'HPE_HEADER_OVERFLOW':
      return { code: 'headersTooLarge', detail: `the request line and headers are over ${limits.maxHeaderSize} bytes (maxHeaderSize)` };
    case 'HPE_CHUNK_EXTENSIONS_OVERFLOW':
      return { code: 'tooLarge', detail: 'the chunk extensions of the request body are too large' };
  }
  if (error.code?.startsWith('HPE_')) return { code: 'malformedRequest', detail: `the request is not valid HTTP/1.1: ${error.reason ?? error.code}` };
  return null;
}

/** A whole HTTP/1.1 response, written straight to the socket (there is no response object here). */
function rawProblem(code: Outcome['code'], detail: string, requestId: string, instance: string | undefined): string {
  const body = JSON.stringify(problem(code, { detail: `${detail[0]!.toUpperCase()}${detail.slice(1)}.`, requestId, ...(instance ? { instance } : {}) }));
  const status = PROBLEM_STATUS[code];
  return [
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}`,
    `Content-Type: ${PROBLEM_CONTENT_TYPE}; charset=utf-8`,
    `Content-Length: ${Buffer.byteLength(body)}`,
    `X-Request-Id: ${requestId}`,
    'Connection: close',
    '',
    body,
  ].join('\r\n');
}
