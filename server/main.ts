// `npm start`: serves every generated API found in server/<api>/generated/ on HOST:PORT
// (default 127.0.0.1:3000), with the banner and graceful shutdown. `specfirst dev` runs it as a
// child: SPECFIRST_SERVER_DIR names the project's server/ folder, the banner is left to the
// parent (SPECFIRST_BANNER=0), and readiness is reported over IPC.
import { readdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ApiDefinition } from './runtime/api.js';
import { pino } from 'pino';
import { createApp } from './runtime/create-app.js';
import { devLogStream } from './runtime/dev-log.js';
import { banner, listen, serverUrl, shutdownOnSignals } from './runtime/lifecycle.js';

const here = process.env.SPECFIRST_SERVER_DIR ?? dirname(fileURLToPath(import.meta.url));

/** Every server/<api>/generated/routes.ts, in name order. */
async function findApis(): Promise<ApiDefinition[]> {
  const entries = await readdir(here, { withFileTypes: true });
  const apis: ApiDefinition[] = [];
  for (const e of entries.filter((d) => d.isDirectory()).sort((a, b) => a.name.localeCompare(b.name))) {
    const routes = join(here, e.name, 'generated', 'routes.ts');
    const mod = (await import(pathToFileURL(routes).href).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes(routes)) return null;
      throw error;
    })) as { api: ApiDefinition } | null;
    if (mod) apis.push(mod.api);
  }
  return apis;
}

const apis = await findApis();
if (apis.length === 0) {
  console.error('specfirst: no generated API in server/; run `npx specfirst generate` first.');
  process.exit(1);
}
const dev = process.env.SPECFIRST_LOG === 'dev';
const logger = dev ? pino({ level: process.env.LOG_LEVEL ?? 'info' }, devLogStream()) : undefined;
const app = createApp(logger ? { apis, logger } : { apis });
const server = await listen(app, { port: Number(process.env.PORT ?? 3000), host: process.env.HOST ?? '127.0.0.1' });
const stubs = apis.flatMap((a) => a.routes).filter((r) => String(r.handler).includes('notImplemented(')).length;
if (process.env.SPECFIRST_BANNER !== '0') process.stderr.write(banner(app, serverUrl(server), stubs) + '\n');
shutdownOnSignals(app, server, dev ? { log: () => {} } : {});
process.send?.({ type: 'specfirst:ready', url: serverUrl(server), operations: apis.reduce((n, a) => n + a.routes.length, 0), stubs });
