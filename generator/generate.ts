// contract file → the files to write for it: load + validate, build the model, lint, run every
// emitter, format. Reads the contract but writes nothing (write.ts does), so a contract with
// errors produces diagnostics and no files at all.
import { basename } from 'node:path';
import prettier from 'prettier';
import { blocksGeneration, type Diagnostic } from './diagnostics.js';
import { displayPath, loadContract, type LoadedContract } from './load.js';
import { buildModel, type ApiModel } from './model.js';
import { lintModel } from './lint.js';
import { contractProblems, problemsFile, PROBLEMS_FILE } from './contract-problems.js';
import type { ContractProblem } from '../server/runtime/plan/contract-problems.js';
import { apiName } from './names.js';
import { emitSchema, emitTypeAliases } from './emit-types.js';
import { emitOperations } from './emit-operations.js';
import { emitRoutes } from './emit-routes.js';
import { emitStub } from './emit-stubs.js';
import { emitSecurity, emitVerifierStub } from './emit-security.js';
import { emitClient } from './emit-client.js';
import { basePath, type Document } from '../server/runtime/contract.js';
import { emitErrorFormatterStub, emitErrorTypes } from './emit-errors.js';
import { apiErrorsOf } from './error-declarations.js';

/** A file to write, relative to the output root (`server/` by default). */
export interface OutputFile {
  path: string;
  content: string;
  /** `generated` files are rewritten on every run; `stub` files only when missing. */
  kind: 'generated' | 'stub';
}

export interface ContractPlan {
  contractPath: string;
  name: string;
  model: ApiModel | null;
  diagnostics: Diagnostic[];
  files: OutputFile[];
}

const PRETTIER: prettier.Options = { parser: 'typescript', printWidth: 100, singleQuote: false, trailingComma: 'all' };

export interface CheckedContract {
  contract: LoadedContract | null;
  model: ApiModel | null;
  diagnostics: Diagnostic[];
  /** Schemas the validator cannot compile: errors that do not stop generation (the server isolates them). */
  problems: ContractProblem[];
}

/** Load, validate, model and lint: everything but emitting (what `specfirst lint` runs). */
export async function checkContract(contractPath: string): Promise<CheckedContract> {
  const { contract, diagnostics } = await loadContract(contractPath);
  if (!contract) return { contract, model: null, diagnostics, problems: [] };
  const model = buildModel(contract.document);
  diagnostics.push(...lintModel(contract, model));
  if (blocksGeneration(diagnostics)) return { contract, model, diagnostics, problems: [] };
  const located = contractProblems(contract, model);
  diagnostics.push(...located.diagnostics);
  return { contract, model, diagnostics, problems: located.problems };
}

export async function planContract(contractPath: string): Promise<ContractPlan> {
  const name = apiName(contractPath);
  const { contract, model, diagnostics, problems } = await checkContract(contractPath);
  if (!contract || !model || blocksGeneration(diagnostics)) return { contractPath, name, model, diagnostics, files: [] };

  const source = basename(contractPath);
  let schema: string;
  try {
    schema = await emitSchema(contract.root, source);
  } catch (error) {
    // A contract swagger-parser accepts but openapi-typescript cannot convert: report, never crash.
    diagnostics.push({
      severity: 'error',
      file: displayPath(contractPath),
      line: 1,
      column: 1,
      pointer: '',
      rule: 'schema-types',
      message: `openapi-typescript could not convert the schemas: ${String((error as Error).message ?? error).split('\n')[0]}`,
      hint: 'this is a specfirst limitation, not your mistake: please report it with the contract',
    });
    return { contractPath, name, model, diagnostics, files: [] };
  }
  const errors = apiErrorsOf(contract.document, model);
  const generated: [string, string][] = [
    ['schema.ts', schema],
    ['types.ts', emitTypeAliases(contract.document, source)],
    ['operations.ts', emitOperations(model, source)],
    ['routes.ts', emitRoutes({ name, model, source, errorFormatter: errors !== null })],
    ['security.ts', emitSecurity(model, source)],
    ['client.ts', emitClient({ model, source, basePath: basePath(contract.document as unknown as Document) })],
    ...(errors ? [['errors.ts', emitErrorTypes(errors.declarations, source)] as [string, string]] : []),
  ];
  const files: OutputFile[] = [];
  for (const [file, code] of generated) {
    files.push({ path: `${name}/generated/${file}`, content: await format(code), kind: 'generated' });
  }
  const openapiJson = JSON.stringify(contract.document, null, 2) + '\n';
  files.push({ path: `${name}/generated/openapi.json`, content: openapiJson, kind: 'generated' });
  files.push({ path: `${name}/generated/${PROBLEMS_FILE}`, content: problemsFile(openapiJson, problems), kind: 'generated' });
  for (const op of model.operations) {
    files.push({ path: `${name}/handlers/${op.fileStem}.ts`, content: await format(emitStub(op, source)), kind: 'stub' });
  }
  for (const scheme of model.securitySchemes) {
    files.push({ path: `${name}/security/${scheme.fileStem}.ts`, content: await format(emitVerifierStub(scheme, source)), kind: 'stub' });
  }
  if (errors) files.push({ path: `${name}/errors.ts`, content: await format(emitErrorFormatterStub(errors.document, errors.declarations, source)), kind: 'stub' });
  return { contractPath, name, model, diagnostics, files };
}

function format(code: string): Promise<string> {
  return prettier.format(code, PRETTIER);
}
