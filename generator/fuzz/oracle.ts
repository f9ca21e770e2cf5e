// The fuzzer's judge of values and its source of them. Judging is the server's own validators
// (the one schema checker, server/runtime/plan/schema-checker.ts): a value the fuzzer calls valid
// is one the server must accept, and a response it calls wrong is one the server's response
// validator refuses too. Generating needs a plain JSON Schema copy of the contract as one
// direction sees it (json-schema-faker reads `oneOf` better than the validator's `if`/`then`
// form): OpenAPI 3.0's `nullable` and boolean `exclusiveMinimum` in 2020-12 terms, and the
// properties a direction never carries (readOnly in requests, writeOnly in responses) removed.
// That copy is for generating only, never for judging.
import type { Document } from '../../server/runtime/contract/document.js';
import type { Direction, SchemaChecker } from '../../server/runtime/plan/schema-checker.js';

export interface Oracle {
  /**
   * The contract as this direction sees it, in plain JSON Schema terms, to generate values from
   * (not normalised for the validator: generators read `oneOf` better than its `if`/`then` form).
   */
  doc: Document;
  /** Errors of `value` against the schema at `pointer` (empty when valid). */
  errors: (pointer: string, value: unknown) => string[];
}

export function createOracle(document: Document, direction: Direction, checker: SchemaChecker): Oracle {
  return {
    doc: generationDocument(document, direction),
    errors: (pointer, value) => checker.errors(direction, pointer, value).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`),
  };
}

/** Keywords whose value maps names to schemas: a property may be called `nullable`. */
const NAMED = new Set(['properties', 'patternProperties', '$defs', 'definitions', 'schemas', 'dependentSchemas']);

/** The contract in plain JSON Schema terms as `direction` sees it, to generate values from. */
function generationDocument(document: Document, direction: Direction): Document {
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
