// `specfirst lint`: every problem of every contract at once, compiler style; writes nothing.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { checkContract } from './generate.js';
import { hasErrors } from './diagnostics.js';
import { errorFormatterDiagnostics } from './error-formatter-lint.js';
import { displayPath } from './load.js';
import { apiName } from './names.js';
import { contractsFrom, SERVER_DIR } from './project.js';
import { countLine, printDiagnostics } from './terminal.js';

export const LINT_HELP = `Usage: specfirst lint [CONTRACT...]

Report every problem of each contract at once, one per line:
  FILE:LINE:COL SEVERITY RULE MESSAGE
followed by an indented hint. Rules, beyond the OpenAPI schema itself (rule "schema"):
  yaml                          YAML syntax
  ref                           a $ref that does not resolve (located at the $ref)
  missing-operation-id          warning: the handler gets a name derived from method + path
  duplicate-operation-name      two operations would share a handler name
  path-parameter-undeclared     {name} in the path without a path parameter
  path-parameter-unused         a path parameter that is not in the path
  json-response-without-schema  warning: nothing to type or validate
  required-not-in-properties    warning; an error when additionalProperties is false
  unused-component              warning: a component nothing refers to
  error-formatter-missing       warning: the contract declares its own error bodies and
                                server/<api>/errors.ts, which makes them, is not written

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
  const checked = await Promise.all(contracts.map((c) => checkContract(c)));
  const diagnostics = checked.flatMap((r) => {
    if (!r.contract || !r.model) return r.diagnostics;
    const formatter = join(process.cwd(), SERVER_DIR, apiName(r.contract.root), 'errors.ts');
    return [...r.diagnostics, ...errorFormatterDiagnostics(r.contract, r.model, displayPath(formatter), existsSync(formatter))];
  });
  printDiagnostics(diagnostics);
  console.error(`${diagnostics.length > 0 ? '\n' : ''}specfirst lint: ${contracts.length} contract(s), ${countLine(diagnostics)}`);
  return hasErrors(diagnostics) ? 1 : 0;
}
