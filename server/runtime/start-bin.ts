#!/usr/bin/env node
// specfirst-start: `npm start` of a built project, from the runtime alone, so a production install
// (`npm ci --omit=dev`, no specfirst CLI, no TypeScript) can serve with --workers. The CLI's
// `specfirst start` takes the same arguments.
import { existsSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_ENTRY, defaultWorkers, startEntry } from './start.js';

const USAGE = `Usage: specfirst-start [ENTRY] [--workers N]

Serve the built project (ENTRY, default dist/server/main.js) with plain node on HOST:PORT
(default 127.0.0.1:3000). --workers N: N processes sharing the port; default one per CPU when
NODE_ENV=production, else 1. Exit status: 0 after a graceful stop, 1 nothing built at ENTRY, 2 bad usage.`;

function fail(code: number, message: string): never {
  process.stderr.write(`specfirst-start: ${message}\n`);
  process.exit(code);
}

let parsed;
try {
  parsed = parseArgs({ allowPositionals: true, options: { workers: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
} catch (error) {
  fail(2, `${(error as Error).message}\n\n${USAGE}`);
}
if (parsed.values.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
if (parsed.positionals.length > 1) fail(2, `one ENTRY at most\n\n${USAGE}`);
const workers = parsed.values.workers === undefined ? defaultWorkers() : Number(parsed.values.workers);
if (!Number.isInteger(workers) || workers < 1) fail(2, `--workers must be a whole number of at least 1, not "${parsed.values.workers}"`);
const entry = resolve(parsed.positionals[0] ?? DEFAULT_ENTRY);
if (!existsSync(entry)) fail(1, `${relative(process.cwd(), entry)} does not exist; build the project first (npm run build)`);
await startEntry(entry, workers);
