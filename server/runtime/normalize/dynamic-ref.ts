// `$dynamicRef` to a JSON Pointer (`#/$defs/item`) is a plain `$ref` (JSON Schema 2020-12 §8.2.3.2:
// only a plain-name fragment can name a `$dynamicAnchor`), but ajv 8 resolves such a fragment to
// the root of the schema it is in. Written as `$ref`, which ajv follows; `$dynamicRef` to an anchor
// (`#items`) is left to ajv.
import type { SchemaRule } from './change.js';

export const dynamicRefPointer: SchemaRule = (schema, pointer, { dialect, record }) => {
  if (dialect !== '3.1' || typeof schema.$dynamicRef !== 'string' || !schema.$dynamicRef.startsWith('#/')) return;
  const ref = schema.$dynamicRef;
  delete schema.$dynamicRef;
  if ('$ref' in schema) schema.allOf = [...((schema.allOf as unknown[] | undefined) ?? []), { $ref: ref }];
  else schema.$ref = ref;
  record(pointer, 'dynamic-ref', `$dynamicRef "${ref}" written as $ref: a pointer names no dynamic anchor, and ajv would resolve it to the root`);
};
