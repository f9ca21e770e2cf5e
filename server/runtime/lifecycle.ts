// Listening, the start-up banner, and graceful shutdown: on SIGTERM/SIGINT /readyz turns 503,
// then (after an optional drain delay, so a load balancer notices) the server stops accepting,
// lets in-flight requests finish (up to a grace period), and exits 0. The server is made here,
// held to the app's timeouts and limits (limits.ts).
import { createServer, type Server } from 'node:http';
import { guardConnections } from './connection-errors.js';
import type { SpecfirstApp } from './app-types.js';
import { checkingIntervalMs, resolveLimits, type ServerLimits } from './limits.js';

export interface ListenOptions {
  port: number;
  host: string;
  /** Overrides the limits the app was created with (createApp's `limits`, the environment). */
  limits?: Partial<ServerLimits>;
}

/** An HTTP server for the app, held to its timeouts and limits, listening on host:port. */
export function listen(app: SpecfirstApp, { port, host, limits: overrides }: ListenOptions): Promise<Server> {
  const limits = resolveLimits(app.locals.specfirst.limits, overrides);
  const server = createServer(
    {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      keepAliveTimeout: limits.keepAliveTimeoutMs,
      maxHeaderSize: limits.maxHeaderSize,
      connectionsCheckingInterval: checkingIntervalMs(limits),
    },
    app,
  );
  if (limits.maxConnections > 0) server.maxConnections = limits.maxConnections;
  guardConnections(server, app.locals.specfirst.logger, limits);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server);
    });
  });
}

export function serverUrl(server: Server): string {
  const address = server.address();
  if (address === null || typeof address === 'string') return String(address);
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return `http://${host}:${address.port}`;
}

/** FastAPI-style banner: where the API is, where its docs are, how much is still a stub. */
export function banner(app: SpecfirstApp, url: string, stubs: number): string {
  const { apis } = app.locals.specfirst;
  const ops = apis.reduce((n, p) => n + p.api.routes.length, 0);
  const lines = [
    '',
    `  specfirst serving ${apis.map((p) => `${p.api.title} ${p.api.version}`).join(', ')}`,
    '',
    ...apis.map((p) => `  API     ${url}${p.basePath || '/'}  (${p.api.routes.length} operations)`),
    `  Docs    ${url}/docs`,
    `  ReDoc   ${url}/redoc`,
    `  OpenAPI ${url}/openapi.json`,
    '',
    `  ${ops} operation${ops === 1 ? '' : 's'}, ${stubs} still answer${stubs === 1 ? 's' : ''} 501 (handler stubs to fill in)`,
    '',
  ];
  return lines.join('\n');
}

export interface ShutdownOptions {
  /** How long in-flight requests may take once the server stops accepting. Default 10 s. */
  graceMs?: number;
  /**
   * How long to keep accepting after the signal, answering /readyz with 503, before closing: long
   * enough for a load balancer's readiness probe to take this instance out. Default 0.
   */
  drainDelayMs?: number;
  /** Where signals come from; tests pass an EventEmitter. Default: the process. */
  signals?: { once(event: 'SIGTERM' | 'SIGINT', listener: () => void): unknown };
  exit?: (code: number) => void;
  log?: (line: string) => void;
}

export function shutdownOnSignals(app: SpecfirstApp, server: Server, options: ShutdownOptions = {}): void {
  const { graceMs = 10_000, drainDelayMs = 0, signals = process, exit = (code) => process.exit(code), log = (l) => process.stderr.write(l + '\n') } = options;
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    app.locals.specfirst.ready = false;
    if (drainDelayMs > 0) {
      log(`specfirst: ${signal} received, /readyz answers 503; still serving for ${drainDelayMs} ms`);
      setTimeout(() => close('drain delay over'), drainDelayMs).unref();
    } else close(`${signal} received`);
  };
  const close = (why: string): void => {
    log(`specfirst: ${why}, finishing in-flight requests`);
    const timer = setTimeout(() => {
      log('specfirst: grace period over, closing remaining connections');
      server.closeAllConnections();
      exit(0);
    }, graceMs);
    timer.unref();
    // close() stops accepting and calls back once every connection has ended; idle keep-alive
    // connections are closed now, busy ones when their response is done.
    // Keep-alive connections turn idle as their response ends: close them as they do.
    const sweep = setInterval(() => server.closeIdleConnections(), 50);
    sweep.unref();
    server.close(() => {
      clearTimeout(timer);
      clearInterval(sweep);
      exit(0);
    });
    server.closeIdleConnections();
  };
  signals.once('SIGTERM', () => stop('SIGTERM'));
  signals.once('SIGINT', () => stop('SIGINT'));
}
