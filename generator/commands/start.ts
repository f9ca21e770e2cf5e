// `specfirst start`: serves the built project with plain node (no tsx, no type-check at start-up),
// in this process or in N workers with node:cluster. `specfirst build` makes what it runs.
import { existsSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { DEFAULT_ENTRY, defaultWorkers, startEntry } from '../../server/runtime/start.js';
import { FROM_SOURCE, SOURCE_CONDITION } from '../paths/package-root.js';

export const START_HELP = `Usage: specfirst start [ENTRY] [--workers N]

Serve the built project with plain node: ENTRY (default dist/server/main.js, what
\`specfirst build\` writes) on HOST:PORT from the environment (default 127.0.0.1:3000).

Options:
  --workers N   N processes sharing the port (node:cluster). Default: one per CPU when
                NODE_ENV=production, else 1. A worker that dies is restarted (with backoff);
                SIGTERM drains every worker (/readyz answers 503) and exits 0 once all are done.

Environment: PORT, HOST (0.0.0.0 in a container), LOG_LEVEL, and SPECFIRST_DRAIN_DELAY_MS: after
SIGTERM keep serving this long with /readyz answering 503, so a load balancer stops sending first.

Examples:
  npm run build && npm start
  NODE_ENV=production HOST=0.0.0.0 specfirst start
  specfirst start --workers 4

Exit status: 0 after a graceful stop, 1 nothing built at ENTRY, 2 bad usage.`;

export async function runStart(values: { workers?: string }, positionals: string[]): Promise<number> {
  if (positionals.length > 1) {
    console.error(`specfirst start: one ENTRY at most\n\n${START_HELP}`);
    return 2;
  }
  const workers = values.workers === undefined ? defaultWorkers() : Number(values.workers);
  if (!Number.isInteger(workers) || workers < 1) {
    console.error(`specfirst start: --workers must be a whole number of at least 1, not "${values.workers}"`);
    return 2;
  }
  const entry = resolve(positionals[0] ?? DEFAULT_ENTRY);
  if (!existsSync(entry)) {
    console.error(`specfirst start: ${relative(process.cwd(), entry)} does not exist; run \`npm run build\` (specfirst build) first`);
    return 1;
  }
  const typescript = /\.[cm]?ts$/.test(entry);
  if (typescript && !FROM_SOURCE) {
    console.error(`specfirst start: ${relative(process.cwd(), entry)} is TypeScript; build it (specfirst build) and start the .js, or use \`specfirst dev\``);
    return 1;
  }
  // Only the repository's own sources are ever run as TypeScript here (its tests do).
  const execArgv = typescript ? [...process.execArgv, '--import', import.meta.resolve('tsx'), `--conditions=${SOURCE_CONDITION}`] : process.execArgv;
  await startEntry(entry, workers, execArgv);
  return 0;
}
