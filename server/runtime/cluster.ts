// The primary of `specfirst start --workers N`: forks N copies of the built server with node:cluster
// (which shares one listening port between them), restarts a worker that dies, with backoff, and
// on SIGTERM/SIGINT passes SIGTERM to every worker and exits once all have drained. The primary
// never loads the app itself, so it stays small and has nothing to crash on.
import cluster, { type Worker } from 'node:cluster';

export interface WorkersOptions {
  /** The server entry every worker runs, e.g. dist/server/main.js. */
  exec: string;
  workers: number;
  /** Node options for the workers. Default: the primary's own (process.execArgv). */
  execArgv?: string[];
  /** First restart delay after a crash; doubles with each further crash of that worker. Default 100 ms. */
  backoffMs?: number;
  /** Longest restart delay. Default 30 s. */
  maxBackoffMs?: number;
  /** A worker that ran this long before dying is restarted after backoffMs again. Default 10 s. */
  stableMs?: number;
  /** After SIGTERM, workers still running this long are killed. Default 30 s. */
  forceAfterMs?: number;
  /** Tests pass an EventEmitter. Default: the process. */
  signals?: { once(event: 'SIGTERM' | 'SIGINT', listener: () => void): unknown };
  exit?: (code: number) => void;
  log?: (line: string) => void;
}

interface Slot {
  index: number;
  worker: Worker | null;
  startedAt: number;
  crashes: number;
  restart: NodeJS.Timeout | undefined;
}

export function startWorkers(options: WorkersOptions): void {
  const {
    exec,
    workers,
    execArgv = process.execArgv,
    backoffMs = 100,
    maxBackoffMs = 30_000,
    stableMs = 10_000,
    forceAfterMs = 30_000,
    signals = process,
    exit = (code) => process.exit(code),
    log = (line) => process.stderr.write(line + '\n'),
  } = options;
  if (!cluster.isPrimary) throw new Error('startWorkers runs in the primary process only');
  cluster.setupPrimary({ exec, args: [], execArgv });
  let stopping = false;
  const slots: Slot[] = Array.from({ length: workers }, (_, index) => ({ index, worker: null, startedAt: 0, crashes: 0, restart: undefined }));

  const fork = (slot: Slot): void => {
    // One banner is enough: the first worker prints it, the others start quietly.
    const worker = cluster.fork({ SPECFIRST_WORKER: String(slot.index + 1), ...(slot.index > 0 || slot.crashes > 0 ? { SPECFIRST_BANNER: '0' } : {}) });
    slot.worker = worker;
    slot.startedAt = Date.now();
    log(`specfirst: worker ${slot.index + 1} started (pid ${worker.process.pid})`);
    worker.once('exit', (code, signal) => {
      slot.worker = null;
      if (stopping) {
        if (slots.every((s) => s.worker === null)) {
          log(`specfirst: all ${workers} workers stopped`);
          exit(0);
        }
        return;
      }
      slot.crashes = Date.now() - slot.startedAt >= stableMs ? 1 : slot.crashes + 1;
      const delay = Math.min(maxBackoffMs, backoffMs * 2 ** (slot.crashes - 1));
      log(`specfirst: worker ${slot.index + 1} (pid ${worker.process.pid}) exited with ${signal ?? `code ${code}`}; restarting in ${delay} ms`);
      slot.restart = setTimeout(() => fork(slot), delay);
    });
  };

  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    log(`specfirst: ${signal} received, draining ${workers} worker${workers === 1 ? '' : 's'}`);
    for (const slot of slots) clearTimeout(slot.restart);
    const running = slots.filter((s) => s.worker !== null);
    if (running.length === 0) return exit(0);
    for (const slot of running) slot.worker!.process.kill('SIGTERM');
    setTimeout(() => {
      log(`specfirst: workers still running after ${forceAfterMs} ms, killing them`);
      for (const slot of slots) slot.worker?.process.kill('SIGKILL');
      exit(1);
    }, forceAfterMs).unref();
  };

  log(`specfirst: ${workers} workers running ${exec} (pid ${process.pid} supervises)`);
  for (const slot of slots) fork(slot);
  signals.once('SIGTERM', () => stop('SIGTERM'));
  signals.once('SIGINT', () => stop('SIGINT'));
}
