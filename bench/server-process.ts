// The parent's handle on a target served over loopback (serve-target.ts), pinned to CPU 0:
// spawn it, learn its port, read its CPU time and RSS, stop it. Its stdout goes to a file, as
// `npm start > server.log` would (specfirst logs its info lines to stdout); the file is removed
// when the server stops.
import { spawn } from 'node:child_process';
import { openSync, closeSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pinned } from './pinning.js';
import type { TargetName } from './targets.js';
import { SOURCE_NODE_ARGS } from './node-args.js';

const SCRIPT = fileURLToPath(new URL('./serve-target.ts', import.meta.url));
export const SERVER_CPU = 0;

export interface ServerProcess {
  url: string;
  pid: number;
  /** performance.now() when the process was spawned. */
  spawnedAt: number;
  /** The server process's CPU time so far (user + system), µs, as it reads it itself. */
  cpuUs(): Promise<number>;
  /** Starts V8's CPU profiler in the server; `false` stops it and answers the profile. */
  profile(on: boolean): Promise<unknown>;
  rssMb(): Promise<number>;
  stop(): Promise<void>;
}

export async function rssMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN) / 1024;
}

/** `nodeArgs`: more node options (e.g. `--cpu-prof`), before the script. */
export function spawnServer(name: TargetName, nodeArgs: readonly string[] = []): Promise<ServerProcess> {
  const spawnedAt = performance.now();
  const [command, args] = pinned(SERVER_CPU, process.execPath, [...nodeArgs, ...SOURCE_NODE_ARGS, SCRIPT, name]);
  const logFile = join(tmpdir(), `specfirst-bench-${name}-${process.pid}-${Math.random().toString(36).slice(2)}.log`);
  const log = openSync(logFile, 'w');
  const child = spawn(command, args, { stdio: ['ignore', log, 'pipe', 'ipc'], env: { ...process.env, NODE_ENV: 'production' } });
  closeSync(log);
  child.once('exit', () => rmSync(logFile, { force: true }));
  let stderr = '';
  let next = 0;
  const waiting = new Map<number, (answer: { cpuUs?: number; profile?: unknown }) => void>();
  const ask = (message: Record<string, unknown>): Promise<{ cpuUs?: number; profile?: unknown }> =>
    new Promise((resolve) => {
      const id = next++;
      waiting.set(id, resolve);
      child.send({ ...message, id });
    });
  const cpuUs = async (): Promise<number> => (await ask({ type: 'cpu' })).cpuUs!;
  const profile = async (on: boolean): Promise<unknown> => (await ask({ type: 'profile', on })).profile;
  child.stderr!.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-5000)));
  const stop = (): Promise<void> =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const force = setTimeout(() => child.kill('SIGKILL'), 5000);
      child.once('exit', () => {
        clearTimeout(force);
        resolve();
      });
      child.kill('SIGTERM');
    });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${name} exited (${code}) before listening: ${stderr.trim().split('\n').slice(0, 4).join(' ')}`)));
    child.on('message', (m: { type?: string; port?: number; id?: number; cpuUs?: number; profile?: unknown }) => {
      if (m.type === 'cpu' || m.type === 'profile') {
        waiting.get(m.id!)?.(m);
        waiting.delete(m.id!);
        return;
      }
      if (m.type !== 'listening') return;
      resolve({ url: `http://127.0.0.1:${m.port}`, pid: child.pid!, spawnedAt, cpuUs, profile, rssMb: () => rssMb(child.pid!), stop });
    });
  });
}
