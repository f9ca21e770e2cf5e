// Every check of a loaded contract beyond loading it, each at the file:line:col that holds the
// problem: objects against their meta-schema (lint-structure.ts), schema objects (lint-schemas.ts),
// the document (lint-document.ts), and here those that need the operation model: operations
// without operationId, names that had to give way, path templates that do not match their
// parameters, path keys no request can match, identical path keys. Never throws.
import type { Diagnostic, Finding } from '../contract/diagnostics.js';
import { jsonResponsesWithoutSchema, unservableMethods, unusedComponents, type DocumentProblem } from './document.js';
import { identicalPaths } from './identical-paths.js';
import { lintSchema, type SchemaContext } from './schemas.js';
import { lintStructure } from './structure.js';
import { objectsWithoutType } from './validator-meaning.js';
import type { LoadedContract } from '../contract/load.js';
import type { ApiModel, Operation } from '../model/model.js';
import { derivedOperationName, handlerName, operationNameKeys, schemaTypeName, schemaTypeNames } from '../model/names.js';
import { encodePointer } from '../../server/runtime/contract/pointer.js';
import { placeFindings } from '../contract/positions.js';
import { refOf, resolveRef } from '../contract/sources.js';

export function lintContract(contract: LoadedContract, model: ApiModel): Diagnostic[] {
  const at = (problem: DocumentProblem): Finding => {
    const { file, pointer } = contract.locate(problem.pointer);
    return { ...problem, file, pointer };
  };
  const { read, walk } = contract;
  const schemaContext: SchemaContext = {
    version: contract.version,
    resolve: (file, value) => {
      for (let hops = 0; hops < 32; hops++) {
        const ref = refOf(value);
        if (ref === null) break;
        const target = resolveRef(read.sources, read.unreadable, file, ref);
        if (typeof target === 'string') return null;
        ({ file, value } = target);
      }
      return typeof value === 'object' && value !== null && !Array.isArray(value) ? { file, schema: value as Record<string, unknown> } : null;
    },
  };
  const findings: Finding[] = [
    ...lintStructure(walk, contract.version, (contract.document as { jsonSchemaDialect?: unknown }).jsonSchemaDialect),
    ...walk.schemas.flatMap((v) => lintSchema(v, schemaContext)),
    ...unusedComponents(contract),
    ...jsonResponsesWithoutSchema(contract.document).map(at),
    ...unservableMethods(contract.document).map(at),
    ...objectsWithoutType(contract.document).map(at),
    ...operationProblems(model).map(at),
    ...schemaNameCollisions(contract).map(at),
  ];
  return placeFindings(contract.sources, findings);
}

function operationProblems(model: ApiModel): DocumentProblem[] {
  const out: DocumentProblem[] = [];
  const paths = new Set<string>();
  for (const op of model.operations) {
    if (op.operationId === null) {
      out.push({
        pointer: op.pointer,
        severity: 'warning',
        rule: 'missing-operation-id',
        message: `${op.method.toUpperCase()} ${op.path} has no operationId; its handler is named "${op.name}"`,
        hint: `add "operationId: ${op.name}" (or a name of your choice) so the name survives path changes`,
      });
    }
    out.push(...pathTemplateProblems(op).map((p) => ({ ...p, pointer: op.pointer })));
    const mark = /[?#]/.exec(op.path)?.[0];
    if (mark && !paths.has(op.path)) {
      paths.add(op.path);
      out.push({
        pointer: encodePointer(['paths', op.path]),
        severity: 'error',
        rule: 'path-key-query',
        message: `path "${op.path}" contains "${mark}": a request path never does, so no request reaches its operations`,
        hint:
          mark === '?'
            ? 'a query string is not part of a path: declare its values as query parameters of the operation'
            : 'clients never send what follows #: give the operation a path of its own, or merge it with the operation on the path before #',
      });
    }
  }
  return [...out, ...identicalPaths(model), ...nameCollisions(model.operations)];
}

/** Operations whose wanted handler name was taken: they got a numbered one (names.ts). */
function nameCollisions(operations: readonly Operation[]): DocumentProblem[] {
  const wanted = (op: Operation): string => (op.operationId !== null ? handlerName(op.operationId) : derivedOperationName(op.method, op.path));
  const clash = (a: string, b: string): boolean => operationNameKeys(a).some((k) => operationNameKeys(b).includes(k));
  const out: DocumentProblem[] = [];
  for (const op of operations) {
    if (op.name === wanted(op)) continue;
    const holder = operations.find((o) => o !== op && clash(o.name, wanted(op)));
    const same = holder !== undefined && holder.operationId !== null && holder.operationId === op.operationId;
    const what = op.operationId !== null ? `operationId "${op.operationId}"` : 'its derived name';
    const other = holder ? `${holder.method.toUpperCase()} ${holder.path}'s ${holder.name} (handlers/${holder.fileStem}.ts)` : `a name the generated code uses itself`;
    out.push({
      pointer: `${op.pointer}${op.operationId !== null ? '/operationId' : ''}`,
      severity: same ? 'error' : 'warning',
      rule: same ? 'duplicate-operation-id' : 'operation-name-collision',
      message: same
        ? `${op.method.toUpperCase()} ${op.path}: operationId "${op.operationId}" is also ${holder.method.toUpperCase()} ${holder.path}'s (OpenAPI requires them unique); this handler is named ${op.name} (handlers/${op.fileStem}.ts)`
        : `${op.method.toUpperCase()} ${op.path}: ${what} would be named ${wanted(op)}, which clashes with ${other}; this handler is named ${op.name} (handlers/${op.fileStem}.ts)`,
      hint: 'give each operation an operationId of its own, different once made an identifier',
    });
  }
  return out;
}

/** Component schemas whose short type name (types.ts) had to be numbered. */
function schemaNameCollisions(contract: LoadedContract): DocumentProblem[] {
  const names = Object.keys(contract.document.components?.schemas ?? {});
  const given = schemaTypeNames(names);
  const out: DocumentProblem[] = [];
  for (const name of names) {
    const alias = given.get(name)!;
    if (alias === schemaTypeName(name)) continue;
    const other = names.find((n) => n !== name && given.get(n) === schemaTypeName(name));
    out.push({
      pointer: encodePointer(['components', 'schemas', name]),
      severity: 'warning',
      rule: 'schema-name-collision',
      message: `schema "${name}" would be the type ${schemaTypeName(name)}${other ? ` like schema "${other}"` : ''}; in types.ts it is ${alias}`,
      hint: 'rename one of the schemas if the numbered name is not what you want',
    });
  }
  return out;
}

/** Every `{name}` in the path has a path parameter, and every path parameter appears in the path. */
function pathTemplateProblems(op: Operation): Omit<DocumentProblem, 'pointer'>[] {
  const inTemplate = [...op.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
  const declared = op.parameters.filter((p) => p.in === 'path').map((p) => p.name);
  const out: Omit<DocumentProblem, 'pointer'>[] = [];
  for (const name of inTemplate.filter((n) => !declared.includes(n))) {
    out.push({
      severity: 'error',
      rule: 'path-parameter-undeclared',
      message: `${op.method.toUpperCase()} ${op.path}: path parameter "${name}" is in the path but not declared`,
      hint: `add a parameter { name: ${name}, in: path, required: true, schema: … } to the operation or its path`,
    });
  }
  for (const name of declared.filter((n) => !inTemplate.includes(n))) {
    out.push({
      severity: 'error',
      rule: 'path-parameter-unused',
      message: `${op.method.toUpperCase()} ${op.path}: path parameter "${name}" is declared but not in the path`,
      hint: `put {${name}} in the path, or remove the parameter`,
    });
  }
  return out;
}
