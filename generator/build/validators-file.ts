// validators.cjs for one built API: every validator the server would compile for its operations
// (parameters, request bodies and their defaults fillers, streamed items, responses, response
// headers), compiled as the server compiles them (the same validator set, the same normalised
// copies it reads from normalized.json) and written out as ajv's standalone code, under the keys
// precompiled.ts looks them up by. A part that does not compile is left out: the server compiles it
// itself and reports the same contract problem as without the file. Same input, same bytes.
import type { ValidateFunction } from 'ajv';
import standalone from 'ajv/dist/standalone/index.js';
import type { Document } from '../../server/runtime/contract/document.js';
import { operationsOf } from '../../server/runtime/contract/methods.js';
import { deref } from '../../server/runtime/contract/pointer.js';
import { compileOperation, OperationCompileError } from '../../server/runtime/plan/compile-operation.js';
import type { NormalizedCopies } from '../../server/runtime/plan/normalized-file.js';
import { instanceMark, validatorsFileHeader, type InstanceKind } from '../../server/runtime/plan/precompiled.js';
import { shapeOf } from '../../server/runtime/plan/shape.js';
import { prepareValidation } from '../../server/runtime/plan/validator-context.js';
import type { Ajv } from '../../server/runtime/plan/validators.js';

/** The instances in the order their code is written. */
const KINDS: readonly InstanceKind[] = ['parameters', 'body', 'bodyDefaults', 'response'];

export interface ValidatorsFile {
  text: string;
  /** How many validators it holds. */
  count: number;
}

/** validators.cjs for openapi.json's text and the normalised copies the server reads beside it. */
export function validatorsFileText(openapiJson: string, copies: NormalizedCopies): ValidatorsFile {
  const compiled = new Map<InstanceKind, { ajv: Ajv; byKey: Map<string, ValidateFunction> }>();
  const ctx = prepareValidation(JSON.parse(openapiJson) as Document, copies, {
    source: true,
    onCompiled(kind, key, validate, ajv) {
      const instance = compiled.get(kind) ?? compiled.set(kind, { ajv, byKey: new Map() }).get(kind)!;
      if (!instance.byKey.has(key)) instance.byKey.set(key, validate);
    },
  });
  const doc = ctx.requestDoc;
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const { method } of operationsOf(deref<Record<string, unknown>>(doc, item) ?? {})) {
      try {
        compileOperation(ctx.validators, doc, shapeOf(ctx, path, method));
      } catch (error) {
        // The parts that compiled are kept; the others are the server's to compile and report.
        if (!(error instanceof OperationCompileError)) throw error;
      }
    }
  }
  let count = 0;
  const chunks: string[] = [];
  for (const kind of KINDS) {
    const instance = compiled.get(kind);
    if (!instance) continue;
    const keys = [...instance.byKey.keys()].sort();
    count += keys.length;
    // Standalone code finds each export by `getSchema(id)`: here by key, so no schema needs an
    // `$id` (which would change how its `$ref`s resolve). One call per instance: a component
    // schema reached by many operations is written once.
    const byKey = Object.create(instance.ajv, { getSchema: { value: (key: string) => instance.byKey.get(key) } }) as Parameters<typeof standalone.default>[0];
    const code = standalone.default(byKey, Object.fromEntries(keys.map((k) => [k, k])));
    // Each instance's code is run on its own (ajv names functions validate10, schema31, … per instance).
    chunks.push(`${instanceMark(kind)}${code}\n`);
  }
  return { text: validatorsFileHeader(openapiJson) + chunks.join(''), count };
}
