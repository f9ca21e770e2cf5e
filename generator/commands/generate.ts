// `specfirst generate`: check every contract, then write generated code and missing stubs.
import { join, resolve } from 'node:path';
import { hasErrors } from '../contract/diagnostics.js';
import { displayPath } from '../contract/load.js';
import { generateProject } from '../generate/generate-project.js';
import { contractsFrom, SERVER_DIR } from '../paths/project.js';
import { countLine, paint, printDiagnostics } from './terminal.js';
import { progress } from './progress.js';

export const GENERATE_HELP = `Usage: specfirst generate [CONTRACT...] [--out DIR] [--check]

Check each contract, then write its types, route bindings and handler stubs:
  DIR/<api>/generated/   rewritten on every run (never edit)
  DIR/<api>/handlers/    one stub per operation, written once and then yours

CONTRACT defaults to every *.yaml, *.yml and *.json directly in contracts/ (files in
sub-folders are pieces reached by $ref). DIR defaults to server/.

Options:
  --out DIR   write under DIR instead of server/
  --check     write nothing; exit 1 if a generated file or stub is stale or missing

Examples:
  specfirst generate
  specfirst generate --check
  specfirst generate ../api/openapi.yaml --out /tmp/try

A contract problem that leaves nothing to compile (see specfirst lint --help) stops generation;
any other one is printed and the code is still written, so every operation it does not concern
can be served.

Exit status: 0 written (or up to date with --check), 1 a problem that stops generation (nothing
written) or stale files, 2 bad usage.`;

export async function runGenerate(values: { out?: string; check?: boolean }, positionals: string[]): Promise<number> {
  const c = paint(process.stdout);
  const started = performance.now();
  const contracts = await contractsFrom(positionals);
  if (contracts.length === 0) {
    console.error('specfirst generate: no contract found in contracts/ (looked for *.yaml, *.yml, *.json)');
    return 1;
  }
  const outDir = resolve(values.out ?? SERVER_DIR);
  const check = values.check === true;
  const shown = progress(check ? 'generate --check' : 'generate', contracts.length === 1 ? displayPath(contracts[0]!) : `${contracts.length} contracts`);
  shown.stage('load, lint, emit', contracts.length, contracts.length === 1 ? 'contract' : 'contracts');
  const { plans, diagnostics, report } = await generateProject(contracts, outDir, {
    check,
    onPlanned: () => shown.tick(),
    onWrite: () => shown.stage(check ? 'compare' : 'write'),
  });
  shown.done();
  printDiagnostics(diagnostics);
  if (!report) {
    console.error(`\n${countLine(diagnostics)}: nothing was written.`);
    return 1;
  }
  for (const orphan of report.orphans) {
    console.error(`${displayPath(orphan)} warning orphan-handler no operation in the contract uses this handler any more; delete it when you no longer need it`);
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
    `specfirst: ${c('green', `${report.written.length} written`)}, ${report.unchanged.length} unchanged, ${report.kept.length} handler(s) kept, ${report.removed.length} removed in ${ms} ms`,
  );
  if (hasErrors(diagnostics)) console.error(`\n${countLine(diagnostics)} in the contract: generated anyway; \`specfirst lint\` and \`check\` fail until they are fixed.`);
  return 0;
}
