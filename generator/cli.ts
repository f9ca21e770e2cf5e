// Argument parsing and printing only: each command is a function of its arguments that returns an
// exit code. The work is done by generate.ts (plan) and write.ts (files).
import { readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { formatDiagnostic, hasErrors, sortDiagnostics } from './diagnostics.js';
import { planContract, type ContractPlan } from './generate.js';
import { writePlan } from './write.js';
import { displayPath } from './load.js';

const HELP = `specfirst: the OpenAPI contract is the single source of truth.

Usage:
  specfirst generate [CONTRACT...] [--out DIR] [--check]
  specfirst --help | --version

Commands:
  generate   Check each contract, then write types, route bindings and handler stubs.
             CONTRACT defaults to every *.yaml, *.yml and *.json directly in contracts/;
             files in sub-folders are pieces reached by $ref.
             Writes DIR/<api>/generated/ (rewritten every run) and DIR/<api>/handlers/
             (stubs, written once and then yours). DIR defaults to server/.
             --check  write nothing; exit 1 if a generated file or stub is stale or missing.

Examples:
  specfirst generate
  specfirst generate --check
  specfirst generate ../shared/contracts/oai-v3.0-petstore.yaml --out /tmp/try

Exit status: 0 done, 1 contract errors or stale files (--check), 2 bad usage.`;

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    console.log(HELP);
    return command === undefined ? 2 : 0;
  }
  if (command === '--version' || command === '-v') {
    console.log('specfirst 0.1.0');
    return 0;
  }
  if (command === 'generate') return generate(rest);
  console.error(`specfirst: unknown command "${command}"\n\n${HELP}`);
  return 2;
}

async function generate(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { out: { type: 'string' }, check: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (error) {
    console.error(`specfirst generate: ${(error as Error).message}`);
    return 2;
  }
  if (parsed.values.help) {
    console.log(HELP);
    return 0;
  }
  const started = performance.now();
  const contracts = parsed.positionals.length > 0 ? parsed.positionals.map((p) => resolve(p)) : await findContracts('contracts');
  if (contracts.length === 0) {
    console.error('specfirst generate: no contract found in contracts/ (looked for *.yaml, *.yml, *.json)');
    return 1;
  }
  const outDir = resolve(parsed.values.out ?? 'server');
  const plans: ContractPlan[] = await Promise.all(contracts.map((c) => planContract(c)));
  const diagnostics = sortDiagnostics(plans.flatMap((p) => p.diagnostics));
  for (const d of diagnostics) console.error(formatDiagnostic(d));
  if (hasErrors(diagnostics)) {
    const count = diagnostics.filter((d) => d.severity === 'error').length;
    console.error(`\n${count} error${count === 1 ? '' : 's'}: nothing was written.`);
    return 1;
  }
  const duplicate = firstDuplicate(plans.map((p) => p.name));
  if (duplicate) {
    console.error(`specfirst generate: two contracts are both named "${duplicate}"; rename one of them.`);
    return 1;
  }
  const check = parsed.values.check === true;
  const report = await writePlan(outDir, plans.map((p) => p.name), plans.flatMap((p) => p.files), { check });
  for (const orphan of report.orphans) {
    console.error(`${displayPath(orphan)} warning [orphan-handler] no operation in the contract uses this handler any more; delete it when you no longer need it`);
  }
  const ms = Math.round(performance.now() - started);
  if (check) {
    for (const stale of report.stale) console.error(`${displayPath(stale)}: stale or missing`);
    if (report.stale.length > 0) {
      console.error(`\n${report.stale.length} file(s) out of date: run \`specfirst generate\`.`);
      return 1;
    }
    console.log(`specfirst: generated code is up to date (${plans.length} contract(s), ${ms} ms)`);
    return 0;
  }
  for (const plan of plans) {
    const ops = plan.model?.operations.length ?? 0;
    console.log(`specfirst: ${displayPath(plan.contractPath)} → ${displayPath(join(outDir, plan.name))} (${ops} operation${ops === 1 ? '' : 's'})`);
  }
  console.log(
    `specfirst: ${report.written.length} written, ${report.unchanged.length} unchanged, ${report.kept.length} handler(s) kept, ${report.removed.length} removed in ${ms} ms`,
  );
  return 0;
}

/** Top-level contract files only: sub-folders hold pieces that contracts reach by $ref. */
async function findContracts(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile() && /\.(ya?ml|json)$/i.test(e.name))
    .map((e) => resolve(join(dir, e.name)))
    .sort();
}

function firstDuplicate(names: string[]): string | undefined {
  return names.find((n, i) => names.indexOf(n) !== i);
}
