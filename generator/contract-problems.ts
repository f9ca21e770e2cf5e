// Parts of the contract the validator cannot compile, found with the runtime's own compiler (so
// lint, generate and the server agree), located at their `file:line:col`. They are errors of the
// contract but they do not stop generation: the server isolates them, and every operation that
// does not reach them is served. generate writes them beside the bundled contract so the server
// need not compile everything at start-up to find them again.
import { documentHash, PROBLEMS_FILE, type ContractProblem, type ContractProblemsFile } from '../server/runtime/plan/contract-problems.js';
import { findContractProblems } from '../server/runtime/plan/validator-context.js';
import type { Document } from '../server/runtime/contract.js';
import type { Diagnostic } from './diagnostics.js';
import { displayPath, type LoadedContract } from './load.js';
import type { ApiModel } from './model.js';
import { locate } from './positions.js';

export interface LocatedProblems {
  problems: ContractProblem[];
  diagnostics: Diagnostic[];
}

export function contractProblems(contract: LoadedContract, model: ApiModel): LocatedProblems {
  const operations = model.operations.map((op) => ({ name: op.name, path: op.path, method: op.method }));
  const found = findContractProblems(contract.document as unknown as Document, operations);
  const diagnostics: Diagnostic[] = [];
  const problems = found.map((p) => {
    const place = locate(contract.sources, contract.root, p.at || p.pointer);
    const file = displayPath(place.path);
    const affected = p.operations.length === 0 ? 'no operation can use it' : `${p.operations.length} operation(s) answer 500 until it is fixed: ${p.operations.slice(0, 5).join(', ')}${p.operations.length > 5 ? ', …' : ''}`;
    diagnostics.push({
      severity: 'error',
      file,
      line: place.line,
      column: place.column,
      pointer: p.at || p.pointer,
      rule: 'schema-compile',
      message: `the validator cannot compile this schema: ${p.message}`,
      hint: `${affected}; every other operation is served`,
    });
    return { ...p, where: `${file}:${place.line}:${place.column}` };
  });
  return { problems, diagnostics };
}

/** `generated/contract-problems.json` for the given openapi.json text. */
export function problemsFile(openapiJson: string, problems: ContractProblem[]): string {
  const file: ContractProblemsFile = { specfirst: 1, document: documentHash(openapiJson), problems };
  return JSON.stringify(file, null, 2) + '\n';
}

export { PROBLEMS_FILE };
