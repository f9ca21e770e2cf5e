// Stoplight Prism as a child process: `prism proxy CONTRACT UPSTREAM` on an ephemeral port,
// started once per contract and stopped by the test (and on exit, so no Prism outlives a run).
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';

const PRISM = createRequire(import.meta.url).resolve('@stoplight/prism-cli/dist/index.js');
const running = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

export interface PrismProxy {
  url: string;
  stop: () => Promise<void>;
}

/** `extra`: Prism's own flags, e.g. `--errors` or `--validate-request=false`. */
export function startPrism(contract: string, upstream: string, extra: string[], timeoutMs = 90_000): Promise<PrismProxy> {
  const child = spawn(process.execPath, [PRISM, 'proxy', contract, upstream, '--host', '127.0.0.1', '--port', '0', '--cors', 'false', ...extra], {
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 3000).unref();
    }).finally(() => running.delete(child));
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => fail(new Error(`Prism did not start within ${timeoutMs} ms:\n${output.slice(-2000)}`)), timeoutMs);
    const fail = (error: Error) => {
      clearTimeout(timer);
      void stop().then(() => reject(error));
    };
    const read = (chunk: Buffer) => {
      if (output.length < 200_000) output += chunk.toString();
      const listening = /Prism is listening on (http:\/\/[\d.]+:\d+)/.exec(output);
      if (listening) {
        clearTimeout(timer);
        output = '';
        resolve({ url: listening[1]!, stop });
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.once('exit', (code) => fail(new Error(`Prism exited with ${code} before listening:\n${output.slice(-2000)}`)));
  });
}
