// The measure: the server's CPU time per request over loopback. Every target is served by its own
// process pinned to CPU 0 (serve-target.ts); autocannon runs in one process pinned to CPU 1
// (keep-alive connections) and sends a fixed count of requests; the server process reads its own
// process.cpuUsage() before and after, and the difference over the count is the cost of one
// request: the HTTP parser, the sockets, the framework, validation, logs, the handler, GC. Unlike
// requests per second it does not depend on how much of the core the server got (other work on
// the machine, or a load generator too slow to keep it busy), so it holds still on a shared
// machine. Requests per second and latency percentiles are reported beside it.
// After a warm-up per target and operation, RSS is read; then rounds. In a round, per operation,
// every other target once in rotated order with Express measured between each two (E T1 E T2 E …):
// a target's ratio is the mean of the two Express measurements around it over its own, so both
// sides of a ratio are measured within a second or two of each other and the machine's other work
// (which makes every CPU second do less: caches, memory bandwidth, frequency) moves both alike. The
// median of the rounds' ratios is what is printed.
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { LoadRequest, LoadResult } from './load-client.js';
import { OPERATIONS, type OperationName } from './operations.js';
import { pinned } from './pinning.js';
import { spawnServer, type ServerProcess } from './server-process.js';
import { fixed, median, rotate, summarize, table } from './stats.js';
import { TARGETS, type TargetName } from './targets.js';
import { SOURCE_NODE_ARGS } from './node-args.js';

const CLIENT = fileURLToPath(new URL('./load-client.ts', import.meta.url));
const CLIENT_CPU = 1;

export interface LoopbackOptions {
  rounds: number;
  /** Requests per measurement (one target, one operation, one round). */
  requests: number;
  /** Requests per target and operation before the first round. */
  warmup: number;
  connections: number;
  targets?: readonly TargetName[];
}

/** One measurement: a fixed count of requests to one target and operation. */
export interface Sample {
  /** Server CPU µs per request. */
  cpuUs: number;
  rps: number;
  p50ms: number;
  p99ms: number;
  /** Server CPU time over wall time while it was loaded (1: the server had its core to itself and used all of it). */
  busy: number;
}

export interface LoopbackResult {
  samples: Map<TargetName, Record<OperationName, Sample[]>>;
  /** Per round: mean CPU per request of the Express measurements around the target's / the target's. */
  ratios: Map<TargetName, Record<OperationName, number[]>>;
  rssMb: Map<TargetName, number>;
  problems: Map<TargetName, string[]>;
}

export interface LoadClient {
  run(request: Omit<LoadRequest, 'id'>): Promise<LoadResult>;
  stop(): void;
}

export function startClient(): Promise<LoadClient> {
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

const emptyOps = (): Record<OperationName, Sample[]> => ({ get: [], list: [], post: [] });

export async function measureLoopback(options: LoopbackOptions): Promise<LoopbackResult> {
  const names = options.targets ?? TARGETS.map((t) => t.name);
  if (!names.includes('express')) throw new Error('measureLoopback: Express is the baseline every ratio needs');
  const samples = new Map<TargetName, Record<OperationName, Sample[]>>();
  const ratios = new Map<TargetName, Record<OperationName, number[]>>();
  const rssMb = new Map<TargetName, number>();
  const problems = new Map<TargetName, string[]>();
  const note = (name: TargetName, text: string): void => void problems.set(name, [...(problems.get(name) ?? []), text]);
  const servers = new Map<TargetName, ServerProcess>();
  const client = await startClient();
  const load = async (name: TargetName, op: (typeof OPERATIONS)[number], amount: number): Promise<Sample> => {
    const server = servers.get(name)!;
    const before = await server.cpuUs();
    const r = await client.run({ url: server.url + op.url, method: op.method, headers: op.headers, body: op.body, amount, connections: options.connections });
    const after = await server.cpuUs();
    if (r.error) note(name, `${op.label}: autocannon failed: ${r.error}`);
    else if (r.non2xx > 0 || r.errors > 0) note(name, `${op.label}: ${r.non2xx} non-2xx answers, ${r.errors} errors/timeouts in ${r.completed} requests`);
    const cpuUs = r.completed > 0 ? (after - before) / r.completed : Number.NaN;
    return { cpuUs, rps: r.rps, p50ms: r.p50ms, p99ms: r.p99ms, busy: (cpuUs * r.rps) / 1e6 };
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
      samples.set(name, emptyOps());
      ratios.set(name, { get: [], list: [], post: [] });
    }
    if (!servers.has('express')) throw new Error(`Express did not start: ${problems.get('express')?.join('; ')}`);
    const others = [...servers.keys()].filter((n) => n !== 'express');
    const measure = async (name: TargetName, op: (typeof OPERATIONS)[number]): Promise<number> => {
      const sample = await load(name, op, options.requests);
      samples.get(name)![op.name].push(sample);
      return sample.cpuUs;
    };
    for (let round = 0; round < options.rounds; round++) {
      for (const op of OPERATIONS) {
        let before = await measure('express', op);
        for (const name of rotate(others, round)) {
          const cost = await measure(name, op);
          const after = await measure('express', op);
          ratios.get(name)![op.name].push((before + after) / 2 / cost);
          before = after;
        }
      }
      process.stderr.write(`loopback: round ${round + 1}/${options.rounds} done\n`);
    }
  } finally {
    client.stop();
    await Promise.all([...servers.values()].map((s) => s.stop()));
  }
  return { samples, ratios, rssMb, problems };
}

/** The median over rounds of Express's CPU per request (around the target's) over the target's (> 1: cheaper than Express). */
export function ratioToExpress(result: LoopbackResult, name: TargetName, op: OperationName): number {
  if (name === 'express') return 1;
  const r = result.ratios.get(name)?.[op];
  return r && r.length > 0 ? median(r) : Number.NaN;
}

export function printLoopback(result: LoopbackResult, options: LoopbackOptions, pinning: string): void {
  console.log(`\n## Server CPU per request over loopback\n`);
  console.log(
    `${options.requests} requests per measurement from the bench's load client (${options.connections} keep-alive connections) in its own process, ${options.rounds} rounds, Express measured between every two other measurements; ${pinning}. CPU: the server process's process.cpuUsage() (user + system) across the requests, divided by their count. × Express: median over rounds of (mean of the two Express measurements around the target's) / the target's (> 1 is cheaper than Express). req/s and latency depend on the load generator and on the machine's other work; read them as secondary. Server busy: its CPU time over the wall time of the load (100%: the load generator kept it saturated).\n`,
  );
  const rows: string[][] = [];
  for (const t of TARGETS) {
    const r = result.samples.get(t.name);
    if (!r) {
      rows.push([t.label, 'all', '—', '—', '—', '—', '—', 'not measured', '—']);
      continue;
    }
    for (const op of OPERATIONS) {
      const cpu = summarize(r[op.name].map((s) => s.cpuUs));
      rows.push([
        t.label,
        op.label,
        `${fixed(cpu.median, 1)} (${fixed(cpu.min, 1)}–${fixed(cpu.max, 1)})`,
        ratioCell(result, t.name, op.name),
        fixed(median(r[op.name].map((s) => s.rps)), 0),
        fixed(median(r[op.name].map((s) => s.p50ms)), 1),
        fixed(median(r[op.name].map((s) => s.p99ms)), 1),
        fixed(median(r[op.name].map((s) => s.busy)) * 100, 0),
      ]);
    }
  }
  console.log(table(['target', 'operation', 'CPU µs/request, median (min–max)', '× Express, median (min–max)', 'req/s', 'p50 ms', 'p99 ms', 'server busy %'], rows, 2));
  for (const [name, list] of result.problems) for (const p of list) console.log(`! ${name}: ${p}`);
}

function ratioCell(result: LoopbackResult, name: TargetName, op: OperationName): string {
  const r = result.ratios.get(name)?.[op];
  if (name === 'express' || !r || r.length === 0) return fixed(ratioToExpress(result, name, op), 2);
  const s = summarize(r);
  return `${fixed(s.median, 2)} (${fixed(s.min, 2)}–${fixed(s.max, 2)})`;
}

/** One line per target, the three operations' ratios to Express side by side: where each stands. */
export function printPeers(result: LoopbackResult): void {
  console.log(`\n## Side by side: × bare Express 5 (server CPU per request; > 1 is cheaper)\n`);
  const rows = TARGETS.filter((t) => result.samples.has(t.name)).map((t) => [t.label, t.what, ...OPERATIONS.map((op) => fixed(ratioToExpress(result, t.name, op.name), 2))]);
  console.log(table(['target', 'what it checks', ...OPERATIONS.map((op) => op.label)], rows, 2));
}
