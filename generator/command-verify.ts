// `specfirst verify CONTRACT...`: tries contracts the way a new user would, end to end: load and
// lint, generate into a temporary folder, type-check, start the server in mock mode, and for every
// operation send one valid request (expecting a validated 2xx) and one invalid request (expecting
// a 400 problem+json, or the 400 body the contract declares). One row per contract, details for
// each failure.
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { blocksGeneration } from './diagnostics.js';
import { startChild } from './dev-child.js';
import { planContract } from './generate.js';
import { displayPath } from './load.js';
import type { Operation } from './model.js';
import { paint, printDiagnostics } from './terminal.js';
import { TypeChecker } from './typecheck.js';
import { invalidRequest, validRequest, type RequestSpec } from './verify-requests.js';
import { writePlan } from './write.js';
import { coveringKey } from '../server/runtime/error-format/declarations.js';

export const VERIFY_HELP = `Usage: specfirst verify CONTRACT... [--json]

Try each contract end to end, as a new user would:
  load + lint → generate (temporary folder) → type-check → start the server in mock mode →
  for every operation: one valid request (expects a validated 2xx) and one invalid request
  (expects a 400 application/problem+json, or the 400 body the contract declares).
CONTRACT may be a file anywhere, or a folder holding openapi.yaml (or .yml/.json).

Options:
  --json   print the results as JSON instead of a table

Examples:
  specfirst verify contracts/petstore.yaml
  specfirst verify ../shared/contracts/*.yaml ../shared/contracts/redocly-starter

Exit status: 0 every check passed, 1 any failure, 2 bad usage.`;

export interface VerifyRow {
  contract: string;
  load: 'ok' | 'failed';
  generateMs: number;
  tscMs: number;
  startMs: number;
  operations: number;
  validOk: number;
  invalidRejected: number;
  failures: string[];
}

export async function runVerify(values: { json?: boolean }, positionals: string[]): Promise<number> {
  if (positionals.length === 0) {
    console.error(`specfirst verify: name at least one contract\n\n${VERIFY_HELP}`);
    return 2;
  }
  const rows: VerifyRow[] = [];
  for (const input of positionals) rows.push(await verifyContract(await contractFile(resolve(input)), values.json === true));
  if (values.json) console.log(JSON.stringify(rows, null, 2));
  else printTable(rows);
  return rows.every((r) => r.failures.length === 0) ? 0 : 1;
}

async function contractFile(path: string): Promise<string> {
  if (!(await stat(path).then((s) => s.isDirectory(), () => false))) return path;
  for (const name of ['openapi.yaml', 'openapi.yml', 'openapi.json']) {
    if (await stat(join(path, name)).then(() => true, () => false)) return join(path, name);
  }
  return join(path, 'openapi.yaml');
}

async function verifyContract(contract: string, quiet: boolean): Promise<VerifyRow> {
  const row: VerifyRow = { contract: displayPath(contract), load: 'failed', generateMs: 0, tscMs: 0, startMs: 0, operations: 0, validOk: 0, invalidRejected: 0, failures: [] };
  const dir = await mkdtemp(join(tmpdir(), 'specfirst-verify-'));
  try {
    let t = performance.now();
    const plan = await planContract(contract);
    if (!quiet) printDiagnostics(plan.diagnostics.filter((d) => d.severity === 'error'));
    if (!plan.model || blocksGeneration(plan.diagnostics)) {
      row.failures.push(`load: ${plan.diagnostics.filter((d) => d.severity === 'error').length} error(s)`);
      return row;
    }
    row.load = 'ok';
    await writeFile(join(dir, 'package.json'), '{ "type": "module" }\n');
    await writePlan(dir, [plan.name], plan.files);
    row.generateMs = Math.round(performance.now() - t);
    row.operations = plan.model.operations.length;

    t = performance.now();
    const typeErrors = new TypeChecker(dir).check([join(dir, plan.name, 'generated', 'routes.ts')]);
    row.tscMs = Math.round(performance.now() - t);
    for (const e of typeErrors.slice(0, 5)) row.failures.push(`tsc: ${e.file}:${e.line}:${e.column} ${e.rule} ${e.message}`);

    t = performance.now();
    const child = await startChild(dir, { SPECFIRST_MOCK: '1', SPECFIRST_LOG: 'dev', LOG_LEVEL: 'silent', NODE_ENV: 'development' }).catch((error: Error) => error);
    if (child instanceof Error) {
      row.failures.push(`start: ${child.message.split('\n').slice(0, 3).join(' ')}`);
      return row;
    }
    try {
      await fetch(`${child.url}/healthz`);
      row.startMs = Math.round(performance.now() - t);
      const document = (await (await fetch(`${child.url}/openapi/${plan.name}.json`)).json()) as { servers?: { url: string }[] };
      const base = child.url + (document.servers?.[0]?.url ?? '/').replace(/\/$/, '');
      const bundled = JSON.parse(plan.files.find((f) => f.path.endsWith('openapi.json'))!.content);
      for (const op of plan.model.operations) {
        await check(row, op, base, validRequest(bundled, op), 'valid');
        await check(row, op, base, invalidRequest(bundled, op), 'invalid');
      }
    } finally {
      await child.stop();
    }
    return row;
  } catch (error) {
    row.failures.push(`verify: ${(error as Error).message}`);
    return row;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function check(row: VerifyRow, op: Operation, base: string, spec: RequestSpec, kind: 'valid' | 'invalid'): Promise<void> {
  const label = `${op.method.toUpperCase()} ${op.path}`;
  try {
    const res = await fetch(base + spec.url, { method: spec.method, headers: spec.headers, body: spec.body as RequestInit['body'], redirect: 'manual' });
    const text = await res.text();
    const type = res.headers.get('content-type') ?? '';
    if (kind === 'valid') {
      // 2xx, or the 3xx an operation declares as its only success (a redirect).
      if (res.status >= 200 && res.status < 400) row.validOk++;
      else row.failures.push(`${label}: valid request got ${res.status}: ${text.slice(0, 1500)}`);
    } else if (res.status === 400 && (type.startsWith('application/problem+json') || declaresErrorAs(op, type))) {
      row.invalidRejected++;
    } else {
      row.failures.push(`${label}: invalid request (${spec.breaks}) got ${res.status} ${type}: ${text.slice(0, 200)}`);
    }
  } catch (error) {
    row.failures.push(`${label}: ${kind} request failed: ${(error as Error).message}`);
  }
}

/**
 * The contract declares its own 400 body in this media type: the server sent it only after checking
 * it against the declared schema (it falls back to problem+json otherwise).
 */
function declaresErrorAs(op: Operation, contentType: string): boolean {
  const key = coveringKey(op.responses.map((r) => r.status), 400);
  const base = contentType.split(';')[0]!.trim().toLowerCase();
  return key !== null && op.responses.find((r) => r.status === key)!.mediaTypes.some((m) => m.split(';')[0]!.trim().toLowerCase() === base);
}

function printTable(rows: VerifyRow[]): void {
  const c = paint(process.stdout);
  const header = ['contract', 'load', 'generate ms', 'tsc ms', 'start ms', 'ops', 'valid ok', 'invalid rejected', 'failures'];
  const cells = rows.map((r) => [r.contract, r.load, r.generateMs, r.tscMs, r.startMs, r.operations, `${r.validOk}/${r.operations}`, `${r.invalidRejected}/${r.operations}`, r.failures.length].map(String));
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((row) => row[i]!.length)));
  const line = (values: string[]) => values.map((v, i) => (i === 0 ? v.padEnd(widths[i]!) : v.padStart(widths[i]!))).join('  ');
  console.log(line(header));
  for (const [i, row] of cells.entries()) console.log(rows[i]!.failures.length === 0 ? line(row) : c('red', line(row)));
  for (const r of rows.filter((x) => x.failures.length > 0)) {
    console.log(`\n${r.contract}:`);
    for (const f of r.failures) console.log(`  - ${f}`);
  }
  const failed = rows.filter((r) => r.failures.length > 0).length;
  console.log(`\nspecfirst verify: ${rows.length - failed}/${rows.length} contract(s) passed`);
}
