// Size sweep: does a request cost more when the contract is larger? Synthetic contracts of N
// paths (`/resources0/{id}` … `/resources{N-1}/{id}`, one GET each, same response schema) are
// generated with `specfirst generate` into test/artifacts/, served by specfirst full with a stub
// handler answering 200, and the in-process CPU per request to the first and to the last path is
// measured in interleaved rounds. A per-request cost independent of size gives last/first ≈ 1.
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ApiDefinition } from '../server/runtime/api.js';
import type { InjectRequest } from './request-cost.js';
import { startMeasuring } from './measuring-process.js';
import { fixed, median, summarize, table } from './stats.js';
import { specfirstTarget } from './targets/specfirst-app.js';

/** First and last path alternate this many times within one measurement. */
const SLICES = 4;
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const API = 'sweep';

export function sweepContract(paths: number): object {
  const item = { $ref: '#/components/schemas/Item' };
  const entries: Record<string, unknown> = {};
  for (let i = 0; i < paths; i++) {
    entries[`/resources${i}/{id}`] = {
      get: {
        operationId: `getResource${i}`,
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer', minimum: 1 } }],
        responses: { '200': { description: 'The resource.', content: { 'application/json': { schema: item } } } },
      },
    };
  }
  const schemas = { Item: { type: 'object', additionalProperties: false, required: ['id', 'name'], properties: { id: { type: 'integer', minimum: 1 }, name: { type: 'string', maxLength: 64 } } } };
  return { openapi: '3.1.0', info: { title: `Sweep ${paths}`, version: '1.0.0' }, paths: entries, components: { schemas } };
}

/** Writes the contract and runs `specfirst generate CONTRACT --out DIR`; the folder holds `sweep/`. */
export async function generateSweep(paths: number): Promise<{ dir: string; remove: () => Promise<void> }> {
  const base = join(ROOT, 'test', 'artifacts');
  await mkdir(base, { recursive: true });
  const dir = await mkdtemp(join(base, `bench-sweep-${paths}-`));
  const remove = (): Promise<void> => rm(dir, { recursive: true, force: true });
  await writeFile(join(dir, 'package.json'), '{ "type": "module" }\n');
  const contract = join(dir, `${API}.json`);
  await writeFile(contract, JSON.stringify(sweepContract(paths)));
  const output = await new Promise<{ code: number | null; text: string }>((resolve) => {
    const child = spawn(process.execPath, [join(ROOT, 'generator', 'bin.js'), 'generate', contract, '--out', dir], { env: { ...process.env, NO_COLOR: '1' } });
    let text = '';
    child.stdout.on('data', (d: Buffer) => (text += d.toString()));
    child.stderr.on('data', (d: Buffer) => (text += d.toString()));
    child.on('close', (code) => resolve({ code, text }));
  });
  if (output.code !== 0) {
    await remove();
    throw new Error(`specfirst generate failed for ${paths} paths (exit ${output.code}): ${output.text.slice(-500)}`);
  }
  return { dir, remove };
}

export interface SweepTarget {
  listener: ReturnType<typeof specfirstTarget>['listener'];
  /** GET to the first path, then to the last. */
  requests: InjectRequest[];
  check: (body: unknown) => boolean;
}

/** The generated API served by specfirst full, every handler replaced by a stub answering 200. */
export async function loadSweepTarget(dir: string, name: string, paths: number): Promise<SweepTarget> {
  const { api } = (await import(pathToFileURL(join(dir, name, 'generated', 'routes.ts')).href)) as { api: ApiDefinition };
  const answer = ({ params }: { params: { id: number } }) => ({ status: 200, body: { id: params.id, name: 'stub' } });
  const stubbed: ApiDefinition = { ...api, routes: api.routes.map((route) => ({ ...route, handler: answer })) };
  const target = specfirstTarget({ level: 'info', validateResponses: true, apis: [stubbed], destination: '/dev/null' });
  const request = (i: number): InjectRequest => ({ method: 'GET', url: `/resources${i}/7`, headers: {}, status: 200 });
  return {
    listener: target.listener,
    requests: [request(0), request(paths - 1)],
    check: (body) => (body as { id?: unknown }).id === 7,
  };
}

export interface SweepOptions {
  sizes: readonly number[];
  rounds: number;
  /** Most requests per measurement. */
  batch: number;
  /** Fewer when a request costs more than cpuMsPerMeasurement / batch. */
  cpuMsPerMeasurement: number;
  warmup: number;
}

const MIN_BATCH = 12;

export interface SweepRow {
  paths: number;
  generateMs: number;
  /** Net CPU µs per request, one per round. */
  first: number[];
  last: number[];
  /** Requests per measurement to the first and the last path. */
  batch?: number[];
  problem?: string;
}

export async function measureSizeSweep(options: SweepOptions): Promise<SweepRow[]> {
  const rows: SweepRow[] = [];
  for (const paths of options.sizes) {
    const row: SweepRow = { paths, generateMs: 0, first: [], last: [] };
    rows.push(row);
    let generated: Awaited<ReturnType<typeof generateSweep>> | undefined;
    try {
      const t = performance.now();
      generated = await generateSweep(paths);
      row.generateMs = performance.now() - t;
      const child = await startMeasuring(['sweep', generated.dir, API, String(paths)]);
      try {
        // A path that costs a lot gets fewer requests per measurement (at least MIN_BATCH), so
        // that the largest contracts fit the time budget; the estimate comes after the warm-up.
        const n: number[] = [];
        for (const i of [0, 1]) {
          await child.batch('target', i, options.warmup);
          const estimate = (await child.batch('target', i, MIN_BATCH)).cpuUs;
          n.push(Math.max(MIN_BATCH, Math.min(options.batch, Math.round(options.cpuMsPerMeasurement * 1000 / estimate))));
        }
        const wrong = await child.check();
        if (wrong.length > 0) throw new Error(`wrong answer: ${wrong.join('; ')}`);
        row.batch = n;
        for (let round = 0; round < options.rounds; round++) {
          // Alternate which path goes first, so neither always follows the other.
          for (const i of round % 2 === 0 ? [0, 1] : [1, 0]) {
            const { target, harnessUs } = await child.paired(i, n[i]!, SLICES);
            if (target.wrong > 0) throw new Error(`${target.wrong} wrong statuses in round ${round + 1}`);
            (i === 0 ? row.first : row.last).push(target.cpuUs - harnessUs);
          }
        }
      } finally {
        await child.stop();
      }
    } catch (error) {
      row.problem = (error as Error).message.split('\n').slice(0, 3).join(' ');
    } finally {
      await generated?.remove();
    }
    process.stderr.write(`size sweep: ${paths} paths done\n`);
  }
  return rows;
}

/** Median over rounds of last/first, each round's pair measured back to back. */
function lastOverFirst(row: SweepRow): number {
  return median(row.last.map((l, i) => l / row.first[i]!).filter((r) => Number.isFinite(r) && r > 0));
}

export function printSizeSweep(rows: readonly SweepRow[], options: SweepOptions): void {
  console.log(`\n## Size sweep: specfirst full, CPU µs per request to the first and the last path\n`);
  console.log(`In process, net of the harness (as above), ${options.rounds} rounds; per measurement up to ${options.batch} requests, fewer when they would take over ${options.cpuMsPerMeasurement} ms of CPU; last/first is the median of per-round ratios.\n`);
  const cells = rows.map((r) => {
    if (r.problem) return [String(r.paths), fixed(r.generateMs / 1000, 1), '—', '—', '—', `failed: ${r.problem}`];
    const f = summarize(r.first);
    const l = summarize(r.last);
    const spread = (s: typeof f): string => `${fixed(s.median, 0)} (${fixed(s.min, 0)}–${fixed(s.max, 0)})`;
    return [String(r.paths), fixed(r.generateMs / 1000, 1), r.batch?.join(' / ') ?? '—', spread(f), spread(l), fixed(lastOverFirst(r), 2)];
  });
  console.log(table(['paths', 'generate s', 'requests first / last', 'first µs median (min–max)', 'last µs median (min–max)', 'last/first'], cells));
}
