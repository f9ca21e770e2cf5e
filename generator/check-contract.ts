// Load, model and lint one contract: everything but emitting (what `specfirst lint` runs). Apart
// from generate.ts so that linting never loads the emitters' heavy dependencies (TypeScript,
// prettier, openapi-typescript).
import type { Diagnostic } from './diagnostics.js';
import { lintContract } from './lint.js';
import { loadContract, type LoadedContract } from './load.js';
import { buildModel, type ApiModel } from './model.js';

export interface CheckedContract {
  contract: LoadedContract | null;
  model: ApiModel | null;
  diagnostics: Diagnostic[];
}

export async function checkContract(contractPath: string): Promise<CheckedContract> {
  const { contract, diagnostics } = await loadContract(contractPath);
  if (!contract) return { contract, model: null, diagnostics };
  const model = buildModel(contract.document);
  diagnostics.push(...lintContract(contract, model));
  return { contract, model, diagnostics };
}
