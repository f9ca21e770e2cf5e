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
  return { contract, model, diagnostics: unique(diagnostics) };
}

/** One line per problem, even when two checks (or two units) find the same one. */
function unique(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = `${d.file}:${d.line}:${d.column} ${d.rule} ${d.message}`;
    return !seen.has(key) && Boolean(seen.add(key));
  });
}
