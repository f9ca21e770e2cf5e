// `specfirst lint`: every problem of every contract at once, compiler style; writes nothing.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { lintContractFile } from '../lint/lint-contract.js';
import { displayPath, hasErrors } from '../contract/diagnostics.js';
import { errorFormatterDiagnostics } from '../lint/error-formatter.js';
import { rulesHelp } from '../lint/catalogue.js';
import { apiName } from '../model/names.js';
import { contractsFrom, SERVER_DIR } from '../paths/project.js';
import { countLine, printDiagnostics } from './terminal.js';

export const LINT_HELP = `Usage: specfirst lint [CONTRACT...]

Report every problem of each contract at once, one per line:
  FILE:LINE:COL SEVERITY RULE MESSAGE
followed by an indented hint. Each problem is reported in the file that holds it, also when
that file is reached by $ref. Rules:

${rulesHelp()}

A problem that stops generation leaves nothing that could be compiled. Any other one is
reported and \`specfirst generate\` still writes the code: the operations it concerns are left
to the server to isolate, and every other operation is served.

CONTRACT defaults to every *.yaml, *.yml and *.json directly in contracts/.

Examples:
  specfirst lint
  specfirst lint contracts/petstore.yaml ../other/openapi.yaml

Exit status: 0 no errors (warnings allowed), 1 errors, 2 bad usage.`;

export async function runLint(positionals: string[]): Promise<number> {
  const contracts = await contractsFrom(positionals);
  if (contracts.length === 0) {
    console.error('specfirst lint: no contract found in contracts/');
    return 1;
  }
  const checked = await Promise.all(contracts.map((c) => lintContractFile(c)));
  const diagnostics = checked.flatMap((r) => {
    if (!r.contract || !r.model) return r.diagnostics;
    const formatter = join(process.cwd(), SERVER_DIR, apiName(r.contract.root), 'errors.ts');
    return [...r.diagnostics, ...errorFormatterDiagnostics(r.contract, r.model, displayPath(formatter), existsSync(formatter))];
  });
  printDiagnostics(diagnostics);
  console.error(`${diagnostics.length > 0 ? '\n' : ''}specfirst lint: ${contracts.length} contract(s), ${countLine(diagnostics)}`);
  return hasErrors(diagnostics) ? 1 : 0;
}
