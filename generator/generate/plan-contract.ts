// contract file → the files to write for it: load, build the model, lint, run every emitter,
// format. Reads the contract but writes nothing (write.ts does). A problem that makes generated
// code impossible (lint-rules.ts) leaves no files at all; any other is reported and the contract
// still generates.
import { basename } from 'node:path';
import prettier from 'prettier';
import type { Diagnostic } from '../contract/diagnostics.js';
import { lintContractFile } from '../lint/lint-contract.js';
import { displayPath, type LoadedContract, type OpenAPIDocument } from '../contract/load.js';
import type { ApiModel } from '../model/model.js';
import { blocksGeneration } from '../lint/catalogue.js';
import { problemsFile, PROBLEMS_FILE } from '../lint/compile-problems.js';
import { emitClient } from '../emit/client.js';
import { operationIn } from '../../server/runtime/contract/methods.js';
import { basePath, type Document } from '../../server/runtime/contract/document.js';
import { emitErrorFormatterStub, emitErrorTypes } from '../emit/errors.js';
import { apiErrorsOf } from '../model/error-declarations.js';
import { apiName } from '../model/names.js';
import { emitTypeAliases } from '../emit/types.js';
import { placeFindings } from '../contract/positions.js';
import { schemaTypes } from './schema-types.js';
import { emitOperations } from '../emit/operations.js';
import { emitRoutes } from '../emit/routes.js';
import { emitStub } from '../emit/stubs.js';
import { emitSecurity, emitVerifierStub } from '../emit/security.js';
import { emitPrincipals } from '../emit/principals.js';

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
  /** The loaded contract (null when it could not be loaded): where its pieces are written. */
  contract: LoadedContract | null;
  model: ApiModel | null;
  diagnostics: Diagnostic[];
  files: OutputFile[];
}

const PRETTIER: prettier.Options = { parser: 'typescript', printWidth: 100, singleQuote: false, trailingComma: 'all' };

export async function planContract(contractPath: string): Promise<ContractPlan> {
  const name = apiName(contractPath);
  const { contract, model, diagnostics, problems } = await lintContractFile(contractPath);
  if (!contract || !model || blocksGeneration(diagnostics)) return { contractPath, name, contract, model, diagnostics, files: [] };

  const source = basename(contractPath);
  let schema: string;
  try {
    const types = await schemaTypes(withUniqueOperationIds(contract.document, model), source);
    schema = types.code;
    // A schema that cannot be typed exactly is typed `unknown`, said at its place; the others keep their types.
    const findings = types.widened.map((w) => {
      const place = contract.locate(w.pointer);
      return {
        severity: 'warning' as const,
        file: place.file,
        pointer: place.pointer,
        rule: 'type-fallback',
        message: `this schema cannot be typed exactly, so schema.ts types it as unknown: ${w.reason}`,
        hint: 'validation is unchanged; a handler must check such a value before it uses it. Please report the schema: it is a specfirst limitation',
      };
    });
    diagnostics.push(...placeFindings(contract.sources, findings));
  } catch (error) {
    // Not a schema that fails but the contract as a whole (no schema widened helps): report, never crash.
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
    return { contractPath, name, contract, model, diagnostics, files: [] };
  }
  const errors = apiErrorsOf(contract.document, model);
  const generated: [string, string][] = [
    ['schema.ts', schema],
    ['types.ts', emitTypeAliases(contract.document, source)],
    ['operations.ts', emitOperations(model, source)],
    ['routes.ts', emitRoutes({ name, model, source, errorFormatter: errors !== null })],
    ['security.ts', emitSecurity(model, source)],
    ...(model.securitySchemes.length > 0 ? [['principals.ts', emitPrincipals(model, source)] as [string, string]] : []),
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
  return { contractPath, name, contract, model, diagnostics, files };
}

/**
 * schema.ts lists operations by operationId: one that two operations share (a contract error that
 * does not stop generation) would be a duplicate member there, so the copy given to
 * openapi-typescript calls the second one by its handler name, which no other operation has.
 */
function withUniqueOperationIds(document: OpenAPIDocument, model: ApiModel): OpenAPIDocument {
  const seen = new Set<string>();
  const renamed = model.operations.filter((op) => op.operationId !== null && (seen.has(op.operationId) || !seen.add(op.operationId)));
  if (renamed.length === 0) return document;
  const copy = structuredClone(document) as { paths: Record<string, Record<string, { operationId?: string }>> };
  for (const op of renamed) {
    const item = copy.paths[op.path]!;
    const target = typeof (item as { $ref?: unknown }).$ref === 'string' ? undefined : (operationIn(item, op.method) as { operationId?: string } | undefined);
    if (target) target.operationId = op.name;
  }
  return copy as unknown as OpenAPIDocument;
}

function format(code: string): Promise<string> {
  return prettier.format(code, PRETTIER);
}
