// Load, model and lint one contract: everything but emitting (what `specfirst lint` runs). Apart
// from generate.ts so that linting never loads the emitters' heavy dependencies (TypeScript,
// prettier, openapi-typescript).
import type { ContractProblem } from '../../server/runtime/plan/contract-problems.js';
import { contractProblems } from './compile-problems.js';
import type { Diagnostic } from '../contract/diagnostics.js';
import { exampleDiagnostics } from './examples.js';
import { lintContract } from './lint.js';
import { blocksGeneration } from './catalogue.js';
import { loadContract, type LoadedContract } from '../contract/load.js';
import type { Document } from '../../server/runtime/contract/document.js';
import { prepareValidation } from '../../server/runtime/plan/validator-context.js';
import { buildModel, type ApiModel } from '../model/model.js';

export interface CheckedContract {
  contract: LoadedContract | null;
  model: ApiModel | null;
  diagnostics: Diagnostic[];
  /** Schemas the validator cannot compile: errors that do not stop generation (the server isolates them). */
  problems: ContractProblem[];
}

export async function lintContractFile(contractPath: string): Promise<CheckedContract> {
  const { contract, diagnostics } = await loadContract(contractPath);
  if (!contract) return { contract, model: null, diagnostics, problems: [] };
  const model = buildModel(contract.document);
  diagnostics.push(...lintContract(contract, model));
  if (blocksGeneration(diagnostics)) return { contract, model, diagnostics: unique(diagnostics), problems: [] };
  // What the validator cannot compile, found by the runtime's own compiler; reported here unless
  // another error already points inside the same schema (a `type: strnig` is one problem, not two).
  // One set of validators for both checks below: preparing them is most of lint's time on a large contract.
  const validation = prepareValidation(contract.document as unknown as Document);
  const located = contractProblems(contract, model, validation);
  const errors = diagnostics.filter((d) => d.severity === 'error');
  diagnostics.push(...located.diagnostics.filter((p) => !errors.some((d) => d.file === p.file && (d.pointer + '/').startsWith(p.pointer + '/'))));
  diagnostics.push(...exampleDiagnostics(contract, validation));
  return { contract, model, diagnostics: unique(diagnostics), problems: located.problems };
}

/** One line per problem, even when two checks (or two units) find the same one. */
function unique(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = `${d.file}:${d.line}:${d.column} ${d.rule} ${d.message}`;
    return !seen.has(key) && Boolean(seen.add(key));
  });
}
