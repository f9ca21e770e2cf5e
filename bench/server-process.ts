// The parent's handle on a target served over loopback (serve-target.ts), pinned to CPU 0:
// spawn it, learn its port, read its RSS, stop it.
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
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
  rssMb(): Promise<number>;
  stop(): Promise<void>;
}

export async function rssMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN) / 1024;
}

export function spawnServer(name: TargetName): Promise<ServerProcess> {
  const spawnedAt = performance.now();
  const [command, args] = pinned(SERVER_CPU, process.execPath, [...SOURCE_NODE_ARGS, SCRIPT, name]);
  const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe', 'ipc'], env: { ...process.env, NODE_ENV: 'production' } });
  let stderr = '';
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
    child.on('message', (m: { type?: string; port?: number }) => {
      if (m.type !== 'listening') return;
      resolve({ url: `http://127.0.0.1:${m.port}`, pid: child.pid!, spawnedAt, rssMb: () => rssMb(child.pid!), stop });
    });
  });
}
