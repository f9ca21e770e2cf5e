// One version of the served API: the project's server/main.ts (or, for a folder without one, the
// package's serve-folder entry) in a child process on an ephemeral port, with the TypeScript
// loader. Ready when it says so over IPC; stopped with SIGTERM (graceful).
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { FROM_SOURCE, runtimeModule, SOURCE_CONDITION } from '../../paths/package-root.js';

const TSX = import.meta.resolve('tsx');

export interface ServerChild {
  url: string;
  pid: number;
  operations: number;
  stubs: number;
  stop(): Promise<void>;
}

export function startChild(serverDir: string, extraEnv: Record<string, string> = {}): Promise<ServerChild> {
  const main = join(serverDir, 'main.ts');
  const child: ChildProcess = fork(existsSync(main) ? main : runtimeModule('serve-folder'), [], {
    // From specfirst's own checkout, the project's `import … from "specfirst"` means these sources.
    execArgv: ['--import', TSX, ...(FROM_SOURCE ? [`--conditions=${SOURCE_CONDITION}`] : [])],
    env: { ...process.env, ...extraEnv, PORT: '0', HOST: '127.0.0.1', SPECFIRST_SERVER_DIR: serverDir, SPECFIRST_BANNER: '0', SPECFIRST_LOG: 'dev' },
    stdio: ['ignore', 'inherit', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr += d.toString();
    if (stderr.length > 20_000) stderr = stderr.slice(-20_000);
  });
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
    child.on('message', (m: { type?: string; url?: string; operations?: number; stubs?: number }) => {
      if (m.type === 'specfirst:ready' && m.url) {
        // Later output (request errors) goes to the terminal as it comes.
        child.stderr?.removeAllListeners('data');
        child.stderr?.pipe(process.stderr);
        resolve({ url: m.url, pid: child.pid ?? 0, operations: m.operations ?? 0, stubs: m.stubs ?? 0, stop });
      }
    });
    child.once('exit', (code) => reject(new Error(`the server exited (${code}) before it was ready:\n${stderr.trim()}`)));
  });
}
