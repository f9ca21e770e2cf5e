// Part (a): in-process CPU per request of every target, without sockets. One measuring process
// per target; interleaved rounds (every target once per round, order rotated); in each, per
// operation, a batch against the target and a batch against a null route in the same process,
// whose difference is the target's own cost.
import { OPERATIONS, type OperationName } from './operations.js';
import { startMeasuring, type MeasuringProcess } from './measuring-process.js';
import { fixed, medianRatio, rotate, summarize, table } from './stats.js';
import { TARGETS, type TargetName } from './targets.js';

export interface InProcessOptions {
  rounds: number;
  /** Requests per batch. */
  batch: number;
  /** Requests per operation before the first round (JIT, caches, lazy compilation). */
  warmup: number;
  targets?: readonly TargetName[];
}

/** Net CPU µs per request, per target and operation, one value per round. */
export type Costs = Map<TargetName, Record<OperationName, number[]>>;

export interface InProcessResult {
  costs: Costs;
  harness: Record<OperationName, number[]>;
  /** Per target: why it was not measured, or wrong answers seen while measuring. */
  problems: Map<TargetName, string[]>;
}

/** Target and null route alternate this many times within one measurement. */
export const SLICES = 4;

const emptyOps = (): Record<OperationName, number[]> => ({ get: [], list: [], post: [] });

export async function measureInProcess(options: InProcessOptions): Promise<InProcessResult> {
  const names = options.targets ?? TARGETS.map((t) => t.name);
  const costs: Costs = new Map();
  const harness = emptyOps();
  const problems = new Map<TargetName, string[]>();
  const processes = new Map<TargetName, MeasuringProcess>();
  try {
    for (const name of names) {
      const p = await startMeasuring(['target', name]).catch((error: Error) => error);
      if (p instanceof Error) {
        problems.set(name, [`did not start: ${p.message.split('\n').slice(0, 4).join(' ')}`]);
        continue;
      }
      processes.set(name, p);
      for (const [i] of OPERATIONS.entries()) {
        await p.batch('target', i, options.warmup);
        await p.batch('null', i, Math.min(options.warmup, 200));
      }
      const wrong = await p.check();
      if (wrong.length > 0) {
        problems.set(name, wrong.map((w) => `wrong answer: ${w}`));
        processes.delete(name);
        await p.stop();
        continue;
      }
      costs.set(name, emptyOps());
    }
    const measured = [...processes.keys()];
    for (let round = 0; round < options.rounds; round++) {
      for (const name of rotate(measured, round)) {
        const p = processes.get(name)!;
        for (const [i, op] of OPERATIONS.entries()) {
          const { target, harnessUs } = await p.paired(i, options.batch, SLICES);
          costs.get(name)![op.name].push(target.cpuUs - harnessUs);
          harness[op.name].push(harnessUs);
          if (target.wrong > 0) problems.set(name, [...(problems.get(name) ?? []), `round ${round + 1}: ${target.wrong} wrong statuses for ${op.label}`]);
        }
      }
      process.stderr.write(`in process: round ${round + 1}/${options.rounds} done\n`);
    }
  } finally {
    await Promise.all([...processes.values()].map((p) => p.stop()));
  }
  return { costs, harness, problems };
}

/** The median per-round ratio of Express's cost to each target's: > 1 means more requests per CPU second than Express. */
export function ratioToExpress(result: InProcessResult, name: TargetName, op: OperationName): number {
  const express = result.costs.get('express')?.[op];
  const subject = result.costs.get(name)?.[op];
  return express && subject ? medianRatio(subject, express, 'cost') : Number.NaN;
}

export function printInProcess(result: InProcessResult, options: InProcessOptions): void {
  const h = (op: OperationName): string => fixed(summarize(result.harness[op]).median, 0);
  console.log(`\n## In process (no sockets): CPU µs per request, net of the harness\n`);
  console.log(`light-my-request, one request at a time, one process per target; ${options.rounds} interleaved rounds × ${options.batch} requests per target and operation, in ${SLICES} slices alternating with a null route whose cost (median: get ${h('get')} µs, list ${h('list')} µs, post ${h('post')} µs) is subtracted. × Express: median over rounds of Express's cost / this cost (> 1 is cheaper than Express).\n`);
  const rows: string[][] = [];
  for (const t of TARGETS) {
    const c = result.costs.get(t.name);
    if (!c) {
      rows.push([t.label, 'all', '—', '—', '—', '—', 'not measured']);
      continue;
    }
    for (const op of OPERATIONS) {
      const s = summarize(c[op.name]);
      rows.push([t.label, op.label, fixed(s.min, 1), fixed(s.median, 1), fixed(s.max, 1), s.median > 0 ? fixed(1e6 / s.median, 0) : 'n/a', fixed(ratioToExpress(result, t.name, op.name), 2)]);
    }
  }
  console.log(table(['target', 'operation', 'min µs', 'median µs', 'max µs', 'req/CPU-s', '× Express'], rows, 2));
  for (const [name, list] of result.problems) for (const p of list) console.log(`! ${name}: ${p}`);
}
