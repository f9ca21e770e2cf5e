// The parent's handle on a measuring child (measuring-child.ts): start it with the TypeScript
// loader, ask it for batches, stop it. Requests are answered in order, one at a time.
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { BatchResult, PairedResult } from './request-cost.js';
import { SOURCE_NODE_ARGS } from './node-args.js';

const CHILD = fileURLToPath(new URL('./measuring-child.ts', import.meta.url));

export interface MeasuringProcess {
  /** What each request index is, e.g. `GET /pets/2`. */
  requests: string[];
  /** Net of nothing: the caller subtracts the null route's batch itself. */
  batch(subject: 'target' | 'null', request: number, n: number): Promise<BatchResult>;
  /** Target and null route alternating in slices (see measurePaired). */
  paired(request: number, n: number, slices: number): Promise<PairedResult>;
  /** Every request once, body checked; the problems found (empty when every answer is right). */
  check(): Promise<string[]>;
  stop(): Promise<void>;
}

export function startMeasuring(args: string[]): Promise<MeasuringProcess> {
  const child: ChildProcess = fork(CHILD, args, { execArgv: [...SOURCE_NODE_ARGS], stdio: ['ignore', 'inherit', 'pipe', 'ipc'], env: { ...process.env, NODE_ENV: 'production' } });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-5000);
  });
  let next = 0;
  const waiting = new Map<number, { resolve: (m: Record<string, unknown>) => void; reject: (e: Error) => void }>();
  const ask = (message: Record<string, unknown>): Promise<Record<string, unknown>> =>
    new Promise((resolve, reject) => {
      const id = next++;
      waiting.set(id, { resolve, reject });
      child.send({ ...message, id });
    });
  child.on('exit', (code) => {
    for (const w of waiting.values()) w.reject(new Error(`measuring child ${args.join(' ')} exited (${code}):\n${stderr.trim()}`));
    waiting.clear();
  });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`measuring child ${args.join(' ')} exited (${code}) before it was ready:\n${stderr.trim()}`)));
    child.on('message', (m: Record<string, unknown>) => {
      if (m.type === 'ready') {
        resolve({
          requests: m.requests as string[],
          batch: async (subject, request, n) => {
            const answer = await ask({ kind: 'batch', subject, request, n });
            if (answer.error) throw new Error(String(answer.error));
            return answer as unknown as BatchResult;
          },
          paired: async (request, n, slices) => {
            const answer = await ask({ kind: 'paired', request, n, slices });
            if (answer.error) throw new Error(String(answer.error));
            return answer as unknown as PairedResult;
          },
          check: async () => {
            const answer = await ask({ kind: 'check' });
            if (answer.error) throw new Error(String(answer.error));
            return answer.problems as string[];
          },
          stop: () =>
            new Promise((done) => {
              if (child.exitCode !== null || child.signalCode !== null) return done();
              child.once('exit', () => done());
              child.kill('SIGTERM');
            }),
        });
        return;
      }
      const w = waiting.get(m.id as number);
      if (w) {
        waiting.delete(m.id as number);
        w.resolve(m);
      }
    });
  });
}
