// Checks that need the whole contract and the operation model, beyond what the OpenAPI schema
// says: names that would collide in generated code, operations without operationId, path
// templates that do not match their parameters, and the document rules of lint-document.ts.
// Returns located diagnostics; never throws.
import type { Diagnostic } from './diagnostics.js';
import { displayPath, type LoadedContract } from './load.js';
import type { ApiModel, Operation } from './model.js';
import { locate } from './positions.js';
import { lintDocument } from './lint-document.js';

export function lintModel(contract: LoadedContract, model: ApiModel): Diagnostic[] {
  const at = (pointer: string, d: Omit<Diagnostic, 'file' | 'line' | 'column' | 'pointer'>): Diagnostic => {
    const place = locate(contract.sources, contract.root, pointer);
    return { ...d, file: displayPath(place.path), line: place.line, column: place.column, pointer };
  };
  const out: Diagnostic[] = [];
  for (const op of model.operations) {
    if (op.operationId === null) {
      out.push(
        at(op.pointer, {
          severity: 'warning',
          rule: 'missing-operation-id',
          message: `${op.method.toUpperCase()} ${op.path} has no operationId; its handler is named "${op.name}"`,
          hint: `add "operationId: ${op.name}" (or a name of your choice) so the name survives path changes`,
        }),
      );
    }
    out.push(...pathTemplateProblems(op).map((p) => at(op.pointer, p)));
  }
  out.push(...duplicateNames(model.operations, at));
  for (const { pointer, ...problem } of lintDocument(contract.document)) out.push(at(pointer, problem));
  return out;
}

/** Two operations whose handlers, types or stub files would share a name cannot both be generated. */
function duplicateNames(
  operations: readonly Operation[],
  at: (pointer: string, d: Omit<Diagnostic, 'file' | 'line' | 'column' | 'pointer'>) => Diagnostic,
): Diagnostic[] {
  const byKey = new Map<string, Operation[]>();
  for (const op of operations) {
    const key = op.fileStem.toLowerCase();
    byKey.set(key, [...(byKey.get(key) ?? []), op]);
  }
  const out: Diagnostic[] = [];
  for (const group of byKey.values()) {
    if (group.length < 2) continue;
    const places = group.map((op) => {
      const d = at(`${op.pointer}${op.operationId ? '/operationId' : ''}`, { severity: 'error', rule: '', message: '' });
      return { op, d };
    });
    for (const { op, d } of places) {
      const others = places
        .filter((p) => p.op !== op)
        .map((p) => `${p.op.method.toUpperCase()} ${p.op.path} (${p.d.file}:${p.d.line}:${p.d.column})`)
        .join(', ');
      const what = op.operationId ? `operationId "${op.operationId}"` : `derived name "${op.name}"`;
      out.push({
        ...d,
        rule: 'duplicate-operation-name',
        message: `${op.method.toUpperCase()} ${op.path}: ${what} collides with ${others}: both would be named ${op.typeStem} (types, handler, handlers/${op.fileStem}.ts)`,
        hint: 'give each operation a unique operationId',
      });
    }
  }
  return out;
}

/** Every `{name}` in the path has a path parameter, and every path parameter appears in the path. */
function pathTemplateProblems(op: Operation): Omit<Diagnostic, 'file' | 'line' | 'column' | 'pointer'>[] {
  const inTemplate = [...op.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
  const declared = op.parameters.filter((p) => p.in === 'path').map((p) => p.name);
  const out: Omit<Diagnostic, 'file' | 'line' | 'column' | 'pointer'>[] = [];
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
