// The fuzzer's judge of values: the contract's schemas compiled by a fresh ajv, apart from the
// server's validators (so a fault in how the server wires its validators cannot hide itself),
// with formats checked exactly. The contract is first put in plain JSON Schema terms, as one
// direction sees it: OpenAPI 3.0's `nullable` and boolean `exclusiveMinimum`, and the
// properties a direction never carries (readOnly in requests, writeOnly in responses), removed.
import { Ajv, type ValidateFunction } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { Document } from '../../server/runtime/contract/document.js';
import { normalizeForValidator } from '../../server/runtime/normalize/index.js';

export interface Oracle {
  /**
   * The contract as this direction sees it, in plain JSON Schema terms, to generate values from
   * (not normalised for the validator: generators read `oneOf` better than its `if`/`then` form).
   */
  doc: Document;
  /** Errors of `value` against the schema at `pointer` (empty when valid). */
  errors: (pointer: string, value: unknown) => string[];
}

export function createOracle(document: Document, direction: 'request' | 'response'): Oracle {
  const doc = plainSchemas(document, direction);
  const checked = plainSchemas(normalizeForValidator(document).document, direction);
  const options = { strict: false, allErrors: true, logger: false, validateSchema: false } as const;
  const ajv = checked.openapi.startsWith('3.1') ? new Ajv2020(options) : new Ajv(options);
  addFormats.default(ajv, { mode: 'full' });
  ajv.addFormat('int32', { type: 'number', validate: (n: number) => Number.isInteger(n) && n >= -(2 ** 31) && n < 2 ** 31 });
  ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isInteger(n) });
  ajv.addFormat('byte', /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/);
  for (const format of ['float', 'double', 'binary', 'password']) ajv.addFormat(format, true);
  ajv.addSchema({ ...checked, $id: 'specfirst:contract' } as object);
  const compiled = new Map<string, ValidateFunction | null>();
  return {
    doc,
    errors(pointer, value) {
      if (!compiled.has(pointer)) {
        try {
          compiled.set(pointer, ajv.compile({ $ref: `specfirst:contract#${pointer}` }));
        } catch {
          compiled.set(pointer, null);
        }
      }
      const validate = compiled.get(pointer);
      if (!validate || validate(value)) return [];
      return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`);
    },
  };
}

/** Keywords whose value maps names to schemas: a property may be called `nullable`. */
const NAMED = new Set(['properties', 'patternProperties', '$defs', 'definitions', 'schemas', 'dependentSchemas']);

function plainSchemas(document: Document, direction: 'request' | 'response'): Document {
  const doc = structuredClone(document);
  const hidden = direction === 'request' ? 'readOnly' : 'writeOnly';
  const openapi30 = doc.openapi.startsWith('3.0');
  const visit = (node: unknown, names: boolean): void => {
    if (typeof node !== 'object' || node === null) return;
    if (Array.isArray(node)) return node.forEach((n) => visit(n, false));
    const schema = node as Record<string, unknown>;
    if (!names) {
      if (openapi30 && schema.nullable === true && typeof schema.type === 'string') {
        schema.type = [schema.type, 'null'];
        if (Array.isArray(schema.enum) && !schema.enum.includes(null)) schema.enum = [...schema.enum, null];
      }
      for (const [bound, limit] of [['exclusiveMinimum', 'minimum'], ['exclusiveMaximum', 'maximum']] as const) {
        if (schema[bound] === true) {
          schema[bound] = schema[limit];
          delete schema[limit];
        } else if (schema[bound] === false) delete schema[bound];
      }
      const props = schema.properties as Record<string, Record<string, unknown>> | undefined;
      if (props && typeof props === 'object') {
        for (const [name, prop] of Object.entries(props)) {
          if (prop?.[hidden] === true) {
            delete props[name];
            if (Array.isArray(schema.required)) schema.required = schema.required.filter((r) => r !== name);
          }
        }
      }
    }
    for (const [key, value] of Object.entries(schema)) if (key !== 'example' && key !== 'examples' && key !== 'enum' && key !== 'const' && key !== 'default') visit(value, !names && NAMED.has(key));
  };
  visit(doc.paths, true);
  for (const group of Object.values(doc.components ?? {})) visit(group, true);
  return doc;
}
