// `specfirst verify CONTRACT...`: tries contracts the way a new user would, end to end: load and
// lint, generate into a temporary folder, type-check, start the server in mock mode, and for every
// operation send one valid request (expecting a validated 2xx) and one invalid request (expecting
// a 400 problem+json, or the 400 body the contract declares). It tells the contract's problems
// (lint, examples its schemas reject) from the server's failures, and only the latter fail it
// unless --strict.
import { readAnswer } from '../requests/read-answer.js';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { formatDiagnostic, sortDiagnostics, type Diagnostic } from '../contract/diagnostics.js';
import { startChild } from './dev/child.js';
import { planContract } from '../generate/plan-contract.js';
import { blocksGeneration } from '../lint/catalogue.js';
import { displayPath } from '../contract/load.js';
import type { Operation } from '../model/model.js';
import { paint } from './terminal.js';
import { progress } from './progress.js';
import { formatMarkdownReport } from '../verify/report-markdown.js';
import { formatTextReport } from '../verify/report-text.js';
import { passed, type VerifyRow } from '../verify/row.js';
import { TypeChecker } from '../typecheck/typecheck.js';
import { requestBuilder, type RequestSpec } from '../verify/requests.js';
import { writePlan } from '../generate/write.js';
import { coveringKey } from '../../server/runtime/error-format/declarations.js';
import { mediaTypeBase } from '../../server/runtime/contract/media-types.js';
import { declaredFirst, fileRoutes } from '../../server/runtime/plan/route-table.js';

export const VERIFY_HELP = `Usage: specfirst verify CONTRACT... [--format text|markdown|json] [--strict]

Try each contract end to end, as a new user would:
  load + lint → generate (temporary folder) → type-check → start the server in mock mode →
  for every operation: one valid request (expects a validated 2xx) and one invalid request
  (expects a 400 application/problem+json, or the 400 body the contract declares).
  An invalid request breaks one value that the server's validator refuses; an operation where
  no value can be broken (schemas that accept anything, unknown query parameters taken) is
  counted under "no invalid", neither rejected nor failed.
CONTRACT may be a file anywhere, or a folder holding openapi.yaml (or .yml/.json).

The valid request is built from the contract's examples when its schemas accept them, else
from generated values. Each row counts two kinds of problem:
  contract problems  what specfirst lint reports, and examples their own schema rejects
                     (warning rule "example", at the example's file:line:col), and
                     operations no request reaches (an identical path declared first
                     serves them: rule identical-paths); those are not sent
  server failures    a contract that does not load or generate, a 5xx, a valid request
                     rejected, an invalid one accepted, generated code that does not
                     compile, a server that does not start

Options:
  --format F  how to print the results (default text):
                text      a table, then each contract's problems under it
                markdown  a CI job summary: a table with a ✅/❌ per contract, then each
                          contract's problems grouped (server failures, contract problems
                          by lint rule, not verified, no invalid request) in <details>;
                          e.g. >> "$GITHUB_STEP_SUMMARY"
                json      an array, one object per contract, in the order given:
                          { contract, load: "ok"|"failed", generateMs, tscMs, startMs,
                            operations, validOk, invalidRejected,
                            noInvalidRequest: string[], contractProblems: string[],
                            failures: string[], unverified: string[] }
  --json      the same as --format json
  --strict    contract problems fail too

Examples:
  specfirst verify contracts/petstore.yaml
  specfirst verify ../shared/contracts/*.yaml ../shared/contracts/redocly-starter
  specfirst verify contracts/*.yaml --format markdown >> "$GITHUB_STEP_SUMMARY"

Exit status: 0 no server failure (with --strict: and no contract problem), 1 otherwise,
2 bad usage.`;

export type { VerifyRow } from '../verify/row.js';

const FORMATS = ['text', 'markdown', 'json'] as const;
type Format = (typeof FORMATS)[number];

export async function runVerify(values: { json?: boolean; format?: string; strict?: boolean }, positionals: string[]): Promise<number> {
  const format = reportFormat(values);
  if (typeof format !== 'string' || !FORMATS.includes(format as Format)) {
    console.error(`specfirst verify: ${typeof format === 'string' ? `unknown --format "${format}": use text, markdown or json` : format.error}\n\n${VERIFY_HELP}`);
    return 2;
  }
  if (positionals.length === 0) {
    console.error(`specfirst verify: name at least one contract\n\n${VERIFY_HELP}`);
    return 2;
  }
  const rows: VerifyRow[] = [];
  for (const input of positionals) rows.push(await verifyContract(await contractFile(resolve(input))));
  const strict = values.strict === true;
  if (format === 'json') process.stdout.write(JSON.stringify(rows, null, 2) + '\n');
  else if (format === 'markdown') process.stdout.write(formatMarkdownReport(rows, strict));
  else process.stdout.write(formatTextReport(rows, strict, paint(process.stdout)));
  return rows.every((r) => passed(r, strict)) ? 0 : 1;
}

/** --format, with --json as its older spelling; the two must not disagree. */
function reportFormat(values: { json?: boolean; format?: string }): string | { error: string } {
  if (values.json && values.format !== undefined && values.format !== 'json') return { error: `--json and --format ${values.format} disagree: give one` };
  return values.json ? 'json' : (values.format ?? 'text');
}

async function contractFile(path: string): Promise<string> {
  if (!(await stat(path).then((s) => s.isDirectory(), () => false))) return path;
  for (const name of ['openapi.yaml', 'openapi.yml', 'openapi.json']) {
    if (await stat(join(path, name)).then(() => true, () => false)) return join(path, name);
  }
  return join(path, 'openapi.yaml');
}

async function verifyContract(contract: string): Promise<VerifyRow> {
  const row: VerifyRow = { contract: displayPath(contract), load: 'failed', generateMs: 0, tscMs: 0, startMs: 0, operations: 0, validOk: 0, invalidRejected: 0, noInvalidRequest: [], contractProblems: [], failures: [], unverified: [] };
  const dir = await mkdtemp(join(tmpdir(), 'specfirst-verify-'));
  const problems: Diagnostic[] = [];
  const shown = progress('verify', row.contract);
  try {
    shown.stage('load, lint, generate');
    let t = performance.now();
    const plan = await planContract(contract);
    problems.push(...plan.diagnostics);
    // A contract that does not load or generate fails verify, --strict or not: nothing of it can be served.
    if (!plan.model || !plan.contract || blocksGeneration(plan.diagnostics)) {
      const first = sortDiagnostics(plan.diagnostics).find((d) => d.severity === 'error');
      row.failures.push(`load: the contract does not ${plan.model ? 'generate' : 'load'}${first ? `: ${formatDiagnostic(first).split('\n')[0]}` : ''}`);
      return row;
    }
    row.load = 'ok';
    shown.stage('write');
    await writeFile(join(dir, 'package.json'), '{ "type": "module" }\n');
    await writePlan(dir, [plan.name], plan.files);
    row.generateMs = Math.round(performance.now() - t);
    row.operations = plan.model.operations.length;

    shown.stage('type-check');
    t = performance.now();
    const typeErrors = new TypeChecker(dir).check([join(dir, plan.name, 'generated', 'routes.ts')]);
    row.tscMs = Math.round(performance.now() - t);
    for (const e of typeErrors.slice(0, 5)) row.failures.push(`tsc: ${e.file}:${e.line}:${e.column} ${e.rule} ${e.message}`);

    shown.stage('start');
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
      // The examples their schemas reject are lint's rule `example`, already in plan.diagnostics.
      const builder = requestBuilder(plan.contract.document);
      const shadowed = unreachable(plan.model.operations);
      shown.stage('requests', plan.model.operations.length);
      for (const op of plan.model.operations) {
        // Counted when done, whichever way it ends (sent, or not sent and said why).
        try {
          // A request path cannot hold ? or # (rule path-key-query): there is nothing to send.
          if (/[?#]/.test(op.path)) {
            row.unverified.push(`${op.method.toUpperCase()} ${op.path}: not sent, no request path can reach it (path-key-query)`);
            continue;
          }
          // An identical path declared first takes its requests (rule identical-paths): the contract's problem.
          const by = shadowed.get(op);
          if (by) {
            row.contractProblems.push(`${op.method.toUpperCase()} ${op.path} (${op.name}): not sent, unreachable: ${declaredFirst(by.path)} (identical-paths)`);
            continue;
          }
          const valid = builder.valid(op);
          await check(row, op, base, valid.spec, 'valid', valid.doubtful);
          const invalid = builder.invalid(op, valid);
          if (invalid) await check(row, op, base, invalid, 'invalid', []);
          else row.noInvalidRequest.push(`${op.method.toUpperCase()} ${op.path}: no invalid request possible (its schemas accept any value and it takes unknown query parameters)`);
        } finally {
          shown.tick();
        }
      }
    } finally {
      await child.stop();
    }
    return row;
  } catch (error) {
    row.failures.push(`verify: ${(error as Error).message}`);
    return row;
  } finally {
    shown.done();
    // Lint's and the examples' problems, then the operations the server isolated (pushed while checking).
    row.contractProblems = [...sortDiagnostics(problems).map((d) => formatDiagnostic(d).split('\n')[0]!), ...row.contractProblems];
    await rm(dir, { recursive: true, force: true });
  }
}

/** The operations the server never reaches, as its route table files them, with the one it serves instead. */
function unreachable(operations: readonly Operation[]): Map<Operation, Operation> {
  const { shadowed } = fileRoutes(operations.filter((op) => !/[?#]/.test(op.path)), (op) => op.path, (op) => op.method);
  return new Map(shadowed.map((s) => [s.route, s.by]));
}

/** A 5xx problem the server sends for an operation it isolated because of a contract problem. */
const isolated = (type: string, text: string): boolean => type.includes('problem+json') && /"type"\s*:\s*"[^"]*contract/.test(text);

async function check(row: VerifyRow, op: Operation, base: string, spec: RequestSpec, kind: 'valid' | 'invalid', doubtful: string[]): Promise<void> {
  const label = `${op.method.toUpperCase()} ${op.path}`;
  try {
    const res = await fetch(base + spec.url, { method: spec.method, headers: spec.headers, body: spec.body as RequestInit['body'], redirect: 'manual' });
    const text = await readAnswer(res);
    const type = res.headers.get('content-type') ?? '';
    if (res.status >= 500 && isolated(type, text)) {
      row.contractProblems.push(`${label}: served as a contract problem (${res.status}): ${text.slice(0, 300)}`);
    } else if (kind === 'valid') {
      // 2xx, or the 3xx an operation declares as its only success (a redirect).
      if (res.status >= 200 && res.status < 400) row.validOk++;
      else if (res.status < 500 && doubtful.length > 0) row.unverified.push(`${label}: no valid value could be made for ${doubtful.join(', ')}; the server answered ${res.status}`);
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
  const base = mediaTypeBase(contentType);
  return key !== null && op.responses.find((r) => r.status === key)!.mediaTypes.some((m) => mediaTypeBase(m) === base);
}
