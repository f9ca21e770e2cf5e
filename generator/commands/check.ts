// `specfirst check`: what CI runs. Lint, generated code up to date, handlers compile against the
// generated types. Prints every problem, then one line per step, and exits 1 if any step failed.
import { resolve } from 'node:path';
import { hasErrors } from '../contract/diagnostics.js';
import { generateProject } from '../generate/generate-project.js';
import { displayPath } from '../contract/load.js';
import { contractsFrom, SERVER_DIR, typeCheckRoots } from '../paths/project.js';
import { countLine, paint, printDiagnostics } from './terminal.js';
import { TypeChecker } from '../typecheck/typecheck.js';
import { fails } from '../diff/report.js';
import { formatDiffText } from '../diff/report-text.js';

export const CHECK_HELP = `Usage: specfirst check [CONTRACT...] [--out DIR] [--base GIT-REF]

What CI should run. Three steps, each reported (four with --base):
  lint       every contract checked (see specfirst lint --help)
  generated  generated code and stubs are up to date (generate --check; writes nothing)
  handlers   the handlers compile against the generated types (tsc, strict)
  diff       with --base: no breaking change since that commit that is not accepted
             (see specfirst diff --help; contracts/.specfirst-accepted.yaml)

Examples:
  specfirst check
  specfirst check --base origin/main     (in a pull request)
  npm run check    (in package.json: "check": "specfirst check")

Exit status: 0 all steps pass, 1 any step fails, 2 bad usage.`;

export async function runCheck(values: { out?: string; base?: string }, positionals: string[]): Promise<number> {
  const c = paint(process.stderr);
  const contracts = await contractsFrom(positionals);
  if (contracts.length === 0) {
    console.error('specfirst check: no contract found in contracts/');
    return 1;
  }
  const outDir = resolve(values.out ?? SERVER_DIR);
  const { plans, diagnostics, report } = await generateProject(contracts, outDir, { check: true });
  const steps: [string, boolean, string][] = [];
  steps.push(['lint', !hasErrors(diagnostics), `${contracts.length} contract(s), ${countLine(diagnostics)}`]);
  printDiagnostics(diagnostics);
  if (!report) {
    steps.push(['generated', false, 'not checked: fix the contract errors first']);
    steps.push(['handlers', false, 'not checked: fix the contract errors first']);
  } else {
    for (const stale of report.stale) console.error(`${displayPath(stale)}: stale or missing`);
    const fresh = report.stale.length === 0;
    steps.push(['generated', fresh, fresh ? 'up to date' : `${report.stale.length} file(s) stale or missing: run \`specfirst generate\``]);
    const roots = typeCheckRoots(outDir, plans.map((p) => p.name));
    const typeErrors = new TypeChecker(process.cwd()).check(roots);
    printDiagnostics(typeErrors);
    steps.push(['handlers', typeErrors.length === 0, typeErrors.length === 0 ? 'compile' : `${typeErrors.length} type error(s)`]);
  }
  if (values.base !== undefined) steps.push(await diffStep(values.base, positionals));
  console.error('');
  for (const [name, ok, detail] of steps) {
    console.error(`  ${ok ? c('green', '✓') : c('red', '✗')} ${name.padEnd(10)} ${detail}`);
  }
  const failed = steps.filter(([, ok]) => !ok).length;
  console.error(failed === 0 ? '\nspecfirst check: all good' : `\nspecfirst check: ${failed} step(s) failed`);
  return failed === 0 ? 0 : 1;
}

/** The diff step: contracts at `base` against the working tree, its report printed when it has something to say. */
async function diffStep(base: string, positionals: string[]): Promise<[string, boolean, string]> {
  const { diffReport } = await import('./diff.js');
  try {
    const report = await diffReport({ base }, positionals);
    const changes = report.contracts.flatMap((d) => d.changes).filter((c) => c.level !== 'info');
    if (changes.length + report.stale.length + report.expired.length > 0) console.error(formatDiffText(report, paint(process.stderr)));
    const breaking = changes.filter((c) => c.level === 'breaking' && c.accepted === undefined).length;
    return ['diff', !fails(report, 'breaking'), breaking === 0 ? `no breaking change since ${base}` : `${breaking} breaking change(s) since ${base}: accept them in contracts/.specfirst-accepted.yaml or undo them`];
  } catch (error) {
    return ['diff', false, `not checked: ${(error as Error).message}`];
  }
}
