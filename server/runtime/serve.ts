// What a project's server/main.ts calls: create the app, listen on PORT/HOST, print the banner,
// drain gracefully on SIGTERM/SIGINT. `specfirst dev` runs the same main.ts as a child process
// and reads its readiness over IPC; nothing here knows about the watcher.
import type { Server } from 'node:http';
import { pino } from 'pino';
import type { ApiDefinition } from './api.js';
import { createApp, type AppOptions, type SpecfirstApp } from './create-app.js';
import { devLogStream } from './dev-log.js';
import { banner, listen, serverUrl, shutdownOnSignals, type ShutdownOptions } from './lifecycle.js';

export interface ServeOptions extends AppOptions {
  /** Default: PORT from the environment, else 3000. */
  port?: number;
  /** Default: HOST from the environment, else 127.0.0.1 (set HOST=0.0.0.0 in a container). */
  host?: string;
  /** Passed to shutdownOnSignals; the drain delay defaults to SPECFIRST_DRAIN_DELAY_MS. */
  shutdown?: ShutdownOptions;
}

export interface Serving {
  app: SpecfirstApp;
  server: Server;
  url: string;
}

/** A stub is a handler that still returns notImplemented(…): counted for the banner. */
export function countStubs(apis: readonly ApiDefinition[]): number {
  return apis.flatMap((a) => a.routes).filter((r) => String(r.handler).includes('notImplemented(')).length;
}

export async function serve(options: ServeOptions): Promise<Serving> {
  const { port = Number(process.env.PORT ?? 3000), host = process.env.HOST ?? '127.0.0.1', shutdown, ...appOptions } = options;
  if (appOptions.apis.length === 0) {
    process.stderr.write('specfirst: no generated API to serve; run `npx specfirst generate` first.\n');
    process.exit(1);
  }
  // Under `specfirst dev`: one short line per request instead of JSON, and no banner (dev prints its own).
  const dev = process.env.SPECFIRST_LOG === 'dev';
  if (dev && !appOptions.logger) appOptions.logger = pino({ level: process.env.LOG_LEVEL ?? 'info' }, devLogStream());
  const app = createApp(appOptions);
  const server = await listen(app, { port, host });
  const url = serverUrl(server);
  const stubs = countStubs(appOptions.apis);
  if (process.env.SPECFIRST_BANNER !== '0') process.stderr.write(banner(app, url, stubs) + '\n');
  const drainDelayMs = Number(process.env.SPECFIRST_DRAIN_DELAY_MS ?? 0);
  shutdownOnSignals(app, server, { drainDelayMs, ...(dev ? { log: () => {} } : {}), ...shutdown });
  const operations = appOptions.apis.reduce((n, a) => n + a.routes.length, 0);
  process.send?.({ type: 'specfirst:ready', url, operations, stubs });
  return { app, server, url };
}
