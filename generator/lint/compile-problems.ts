// Parts of the contract the validator cannot compile, found with the runtime's own compiler (so
// lint, generate and the server agree), located at their `file:line:col`. They are errors of the
// contract but they do not stop generation: the server isolates them, and every operation that
// does not reach them is served. generate writes them beside the bundled contract so the server
// need not compile everything at start-up to find them again.
import { PROBLEMS_FILE, type ContractProblem, type ContractProblemsFile } from '../../server/runtime/plan/contract-problems.js';
import { documentHash } from '../../server/runtime/plan/document-hash.js';
import { findContractProblems, type PreparedValidation } from '../../server/runtime/plan/validator-context.js';
import type { Document } from '../../server/runtime/contract/document.js';
import type { Diagnostic, Finding } from '../contract/diagnostics.js';
import type { LoadedContract } from '../contract/load.js';
import type { ApiModel } from '../model/model.js';
import { placeFindings } from '../contract/positions.js';

export interface LocatedProblems {
  problems: ContractProblem[];
  diagnostics: Diagnostic[];
}

export function contractProblems(contract: LoadedContract, model: ApiModel, validation?: PreparedValidation): LocatedProblems {
  const operations = model.operations.map((op) => ({ name: op.name, path: op.path, method: op.method }));
  const found = findContractProblems(contract.document as unknown as Document, operations, validation);
  const findings: Finding[] = found.map((p) => {
    // The path from the operation with $refs followed leads to the file that holds the schema.
    const place = contract.locate(p.at || p.pointer);
    const affected = p.operations.length === 0 ? 'no operation can use it' : `${p.operations.length} operation(s) answer 500 until it is fixed: ${p.operations.slice(0, 5).join(', ')}${p.operations.length > 5 ? ', …' : ''}`;
    return {
      severity: 'error',
      file: place.file,
      pointer: place.pointer,
      rule: 'schema-compile',
      message: `the validator cannot compile this schema: ${p.message}`,
      hint: `${affected}; every other operation is served`,
    };
  });
  const diagnostics = placeFindings(contract.sources, findings);
  const problems = found.map((p, i) => ({ ...p, where: `${diagnostics[i]!.file}:${diagnostics[i]!.line}:${diagnostics[i]!.column}` }));
  return { problems, diagnostics };
}

/** `generated/contract-problems.json` for the given openapi.json text. */
export function problemsFile(openapiJson: string, problems: ContractProblem[]): string {
  const file: ContractProblemsFile = { specfirst: 1, document: documentHash(openapiJson), problems };
  return JSON.stringify(file, null, 2) + '\n';
}

export { PROBLEMS_FILE };
