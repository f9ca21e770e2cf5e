// bench/scale.ts rows for real large contracts (issue 9 item 7: box.json, discord.json from the
// shared contracts folder): generate, type-check, start to first request, and the server's RSS
// after every operation was served once (one valid request each, built as `specfirst verify`
// builds them, in mock mode). A contract that fails at any step gets a row saying where, never a
// crash of the whole script.
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startChild, type ServerChild } from '../generator/commands/dev/child.js';
import { planContract } from '../generator/generate/plan-contract.js';
import { TypeChecker } from '../generator/typecheck/typecheck.js';
import { requestBuilder, type RequestSpec } from '../generator/verify/requests.js';
import { writePlan } from '../generator/generate/write.js';
import { rssMb } from './server-process.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const REQUEST_TIMEOUT_MS = 30_000;

/**
 * The shared contracts folder: SPECFIRST_SHARED_CONTRACTS, else `shared/contracts` beside the
 * repository or beside the folder that holds it (a worktree); null when there is none.
 */
export function sharedContractsDir(): string | null {
  const candidates = [process.env.SPECFIRST_SHARED_CONTRACTS, join(ROOT, '..', 'shared', 'contracts'), join(ROOT, '..', '..', 'shared', 'contracts')];
  return candidates.find((c): c is string => c !== undefined && existsSync(c)) ?? null;
}

export const LARGE_CONTRACTS = ['box.json', 'discord.json'];

export interface LargeRow {
  contract: string;
  operations: number;
  generateMs?: number;
  typecheckMs?: number;
  typeErrors?: number;
  startMs?: number;
  /** Operations whose valid request got a 2xx or 3xx. */
  served?: number;
  rssMb?: number;
  /** Where it stopped, and why. */
  problem?: string;
}

/** The path of the first `servers` URL, variables at their defaults ('' for none), as the server mounts it. */
function basePath(doc: { servers?: { url: string; variables?: Record<string, { default?: string }> }[] }): string {
  const server = doc.servers?.[0];
  if (!server?.url) return '';
  const url = server.url.replace(/\{([^}]+)\}/g, (_, name: string) => server.variables?.[name]?.default ?? '');
  try {
    return decodeURI(new URL(url, 'http://relative.invalid').pathname).replace(/\/+$/, '');
  } catch {
    return '';
  }
}

async function send(url: string, spec: RequestSpec): Promise<number> {
  const res = await fetch(url + spec.url, { method: spec.method, headers: spec.headers, body: spec.body as RequestInit['body'], redirect: 'manual', signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
  await res.arrayBuffer();
  return res.status;
}

export async function measureLargeContract(file: string): Promise<LargeRow> {
  const row: LargeRow = { contract: basename(file), operations: 0 };
  if (!existsSync(file)) return { ...row, problem: `not found: ${file}` };
  const dir = await mkdtemp(join(tmpdir(), 'specfirst-scale-large-'));
  let child: ServerChild | undefined;
  try {
    await writeFile(join(dir, 'package.json'), '{ "type": "module" }\n');
    let t = performance.now();
    const plan = await planContract(resolve(file));
    const errors = plan.diagnostics.filter((d) => d.severity === 'error');
    if (!plan.model || plan.files.length === 0) {
      return { ...row, problem: `generate: ${errors.length} error(s)${errors[0] ? `, first: ${errors[0].rule} ${errors[0].message.slice(0, 120)}` : ''}` };
    }
    row.operations = plan.model.operations.length;
    await writePlan(join(dir, 'server'), [plan.name], plan.files);
    row.generateMs = performance.now() - t;

    t = performance.now();
    // Type errors are reported, not fatal: tsx runs the code regardless, as `specfirst dev` would not.
    row.typeErrors = new TypeChecker(dir).check([join(dir, 'server', plan.name, 'generated', 'routes.ts')]).length;
    row.typecheckMs = performance.now() - t;

    const bundled = JSON.parse(plan.files.find((f) => f.path.endsWith('openapi.json'))!.content);
    const builder = requestBuilder(bundled);
    const requests = plan.model.operations.map((op) => {
      try {
        return builder.valid(op).spec;
      } catch (error) {
        return error as Error;
      }
    });
    t = performance.now();
    child = await startChild(join(dir, 'server'), { SPECFIRST_MOCK: '1', LOG_LEVEL: 'silent' }).catch((error: Error) => {
      throw new Error(`start: ${error.message.split('\n').slice(0, 3).join(' ')}`);
    });
    const base = child.url + basePath(bundled);
    // The first request is the first operation's, whatever it answers: what a first user waits for.
    const first = requests[0];
    if (first && !(first instanceof Error)) await send(base, first);
    else await send(child.url, { method: 'GET', url: '/healthz', headers: {} });
    row.startMs = performance.now() - t;

    row.served = 0;
    const statuses = new Map<string, number>();
    for (const spec of requests) {
      const status = spec instanceof Error ? 'no request' : await send(base, spec).then(String, (e: Error) => e.name);
      if (/^[23]\d\d$/.test(status)) row.served++;
      else statuses.set(status, (statuses.get(status) ?? 0) + 1);
    }
    row.rssMb = await rssMb(child.pid);
    if (statuses.size > 0) row.problem = `not 2xx/3xx: ${[...statuses].map(([s, n]) => `${n}× ${s}`).join(', ')}`;
    return row;
  } catch (error) {
    return { ...row, problem: (error as Error).message.slice(0, 300) };
  } finally {
    await child?.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

export function printLargeRows(rows: readonly LargeRow[]): void {
  const n = (v: number | undefined): string => (v === undefined ? '—' : String(Math.round(v)));
  console.log('\n| contract | operations | generate ms | type-check ms (errors) | start to first request ms | served 2xx/3xx | server RSS after every operation MB | problems |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---|');
  for (const r of rows) {
    const tc = r.typecheckMs === undefined ? '—' : `${n(r.typecheckMs)} (${r.typeErrors})`;
    const served = r.served === undefined ? '—' : `${r.served}/${r.operations}`;
    console.log(`| ${r.contract} | ${r.operations || '—'} | ${n(r.generateMs)} | ${tc} | ${n(r.startMs)} | ${served} | ${r.rssMb === undefined ? '—' : r.rssMb.toFixed(0)} | ${r.problem ?? ''} |`);
  }
}
