// One version of the served API: server/main.ts in a child process on an ephemeral port, with
// the TypeScript loader. Ready when it says so over IPC; stopped with SIGTERM (graceful).
import { fork, type ChildProcess } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const MAIN = join(dirname(fileURLToPath(import.meta.url)), '..', 'server', 'main.ts');
const TSX = import.meta.resolve('tsx');

export interface ServerChild {
  url: string;
  pid: number;
  operations: number;
  stubs: number;
  stop(): Promise<void>;
}

export function startChild(serverDir: string, extraEnv: Record<string, string> = {}): Promise<ServerChild> {
  const child: ChildProcess = fork(MAIN, [], {
    execArgv: ['--import', TSX],
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
