// `specfirst check`: what CI runs. Lint, generated code up to date, handlers compile against the
// generated types. Prints every problem, then one line per step, and exits 1 if any step failed.
import { resolve } from 'node:path';
import { hasErrors } from '../contract/diagnostics.js';
import { generateProject } from '../generate/generate-project.js';
import { displayPath } from '../contract/load.js';
import { contractsFrom, SERVER_DIR, typeCheckRoots } from '../paths/project.js';
import { countLine, paint, printDiagnostics } from './terminal.js';
import { TypeChecker } from '../typecheck/typecheck.js';

export const CHECK_HELP = `Usage: specfirst check [CONTRACT...] [--out DIR]

What CI should run. Three steps, each reported:
  lint       every contract checked (see specfirst lint --help)
  generated  generated code and stubs are up to date (generate --check; writes nothing)
  handlers   the handlers compile against the generated types (tsc, strict)

Examples:
  specfirst check
  npm run check    (in package.json: "check": "specfirst check")

Exit status: 0 all steps pass, 1 any step fails, 2 bad usage.`;

export async function runCheck(values: { out?: string }, positionals: string[]): Promise<number> {
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
  console.error('');
  for (const [name, ok, detail] of steps) {
    console.error(`  ${ok ? c('green', '✓') : c('red', '✗')} ${name.padEnd(10)} ${detail}`);
  }
  const failed = steps.filter(([, ok]) => !ok).length;
  console.error(failed === 0 ? '\nspecfirst check: all good' : `\nspecfirst check: ${failed} step(s) failed`);
  return failed === 0 ? 0 : 1;
}
