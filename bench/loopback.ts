// Part (b): requests per second over loopback. Every target is served by its own process pinned
// to CPU 0; autocannon runs in one process pinned to CPU 1 (keep-alive connections). After a
// warm-up, RSS is read; then interleaved rounds, every target once per round in rotated order.
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { LoadRequest, LoadResult } from './load-client.js';
import { OPERATIONS, type OperationName } from './operations.js';
import { pinned } from './pinning.js';
import { spawnServer, type ServerProcess } from './server-process.js';
import { fixed, medianRatio, rotate, summarize, table } from './stats.js';
import { TARGETS, type TargetName } from './targets.js';
import { SOURCE_NODE_ARGS } from './node-args.js';

const CLIENT = fileURLToPath(new URL('./load-client.ts', import.meta.url));
const CLIENT_CPU = 1;

export interface LoopbackOptions {
  rounds: number;
  /** Seconds per measurement. */
  duration: number;
  warmup: number;
  connections: number;
  targets?: readonly TargetName[];
}

export interface LoopbackResult {
  rps: Map<TargetName, Record<OperationName, number[]>>;
  rssMb: Map<TargetName, number>;
  problems: Map<TargetName, string[]>;
}

interface LoadClient {
  run(request: Omit<LoadRequest, 'id'>): Promise<LoadResult>;
  stop(): void;
}

function startClient(): Promise<LoadClient> {
  // fork runs `execPath ...execArgv CLIENT`: with taskset that is `taskset -c 1 node --import tsx CLIENT`.
  const [command, args] = pinned(CLIENT_CPU, process.execPath, []);
  const child: ChildProcess = fork(CLIENT, [], { execPath: command, execArgv: [...args, ...SOURCE_NODE_ARGS], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  let next = 0;
  const waiting = new Map<number, (r: LoadResult) => void>();
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`load client exited (${code})`)));
    child.on('message', (m: LoadResult & { type?: string }) => {
      if (m.type === 'ready') {
        resolve({
          run: (request) =>
            new Promise((done) => {
              const id = next++;
              waiting.set(id, done);
              child.send({ ...request, id });
            }),
          stop: () => void child.kill('SIGTERM'),
        });
        return;
      }
      waiting.get(m.id)?.(m);
      waiting.delete(m.id);
    });
  });
}

const emptyOps = (): Record<OperationName, number[]> => ({ get: [], list: [], post: [] });

export async function measureLoopback(options: LoopbackOptions): Promise<LoopbackResult> {
  const names = options.targets ?? TARGETS.map((t) => t.name);
  const rps = new Map<TargetName, Record<OperationName, number[]>>();
  const rssMb = new Map<TargetName, number>();
  const problems = new Map<TargetName, string[]>();
  const note = (name: TargetName, text: string): void => void problems.set(name, [...(problems.get(name) ?? []), text]);
  const servers = new Map<TargetName, ServerProcess>();
  const client = await startClient();
  const load = async (name: TargetName, op: (typeof OPERATIONS)[number], duration: number): Promise<number> => {
    const server = servers.get(name)!;
    const r = await client.run({ url: server.url + op.url, method: op.method, headers: op.headers, body: op.body, duration, connections: options.connections });
    if (r.error) note(name, `${op.label}: autocannon failed: ${r.error}`);
    else if (r.non2xx > 0 || r.errors > 0) note(name, `${op.label}: ${r.non2xx} non-2xx answers, ${r.errors} errors/timeouts in ${r.completed} requests`);
    return r.rps;
  };
  try {
    for (const name of names) {
      const server = await spawnServer(name).catch((error: Error) => error);
      if (server instanceof Error) {
        note(name, server.message);
        continue;
      }
      servers.set(name, server);
      for (const op of OPERATIONS) await load(name, op, options.warmup);
      rssMb.set(name, await server.rssMb());
      rps.set(name, emptyOps());
    }
    const measured = [...servers.keys()];
    for (let round = 0; round < options.rounds; round++) {
      for (const name of rotate(measured, round)) {
        for (const op of OPERATIONS) rps.get(name)![op.name].push(await load(name, op, options.duration));
      }
      process.stderr.write(`loopback: round ${round + 1}/${options.rounds} done\n`);
    }
  } finally {
    client.stop();
    await Promise.all([...servers.values()].map((s) => s.stop()));
  }
  return { rps, rssMb, problems };
}

export function printLoopback(result: LoopbackResult, options: LoopbackOptions, pinning: string): void {
  console.log(`\n## Loopback (autocannon): requests per second\n`);
  console.log(`${options.connections} keep-alive connections, ${options.duration} s per measurement, ${options.rounds} interleaved rounds; ${pinning}.\n`);
  const express = result.rps.get('express');
  const rows: string[][] = [];
  for (const t of TARGETS) {
    const r = result.rps.get(t.name);
    if (!r) {
      rows.push([t.label, 'all', '—', '—', '—', 'not measured']);
      continue;
    }
    for (const op of OPERATIONS) {
      const s = summarize(r[op.name]);
      const ratio = express ? medianRatio(r[op.name], express[op.name], 'throughput') : Number.NaN;
      rows.push([t.label, op.label, fixed(s.min, 0), fixed(s.median, 0), fixed(s.max, 0), fixed(ratio, 2)]);
    }
  }
  console.log(table(['target', 'operation', 'min req/s', 'median req/s', 'max req/s', '× Express'], rows, 2));
  for (const [name, list] of result.problems) for (const p of list) console.log(`! ${name}: ${p}`);
}
