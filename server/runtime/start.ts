// Serving a built entry (dist/server/main.js) in this process or in N workers: what `npm start`
// runs in production through the runtime's own bin (specfirst-start), and what the CLI's
// `specfirst start` runs too, so both pick workers and start the same way. Never compiles anything.
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import { startWorkers } from './cluster.js';

/** What `specfirst build` writes and `npm start` serves when no ENTRY is named. */
export const DEFAULT_ENTRY = 'dist/server/main.js';

/** One worker per CPU in production (NODE_ENV=production), else one: the default of --workers. */
export function defaultWorkers(): number {
  return process.env.NODE_ENV === 'production' ? availableParallelism() : 1;
}

/**
 * With one worker this process becomes the server (the entry listens and handles SIGTERM itself);
 * with more, it is the cluster primary and exits once every worker has drained, so the promise
 * then never settles.
 */
export async function startEntry(entry: string, workers: number, execArgv: string[] = process.execArgv): Promise<void> {
  if (workers === 1) {
    await import(pathToFileURL(entry).href);
    return;
  }
  startWorkers({ exec: entry, workers, execArgv });
  return new Promise<void>(() => {});
}
