// ajv 8 leaves a property named `__proto__` out of `properties` when it compiles them, so
// `properties: {__proto__: {type: number}}` let `{"__proto__": "foo"}` through. The same subschema
// under `patternProperties: {"^__proto__$": …}` applies to exactly that key, which ajv checks like
// any other; `additionalProperties` and `unevaluatedProperties` still count the key as known, and
// `required` is read from the data's own keys. Request bodies keep `__proto__` as an own key
// (request/json-text.ts), so validation sees what was sent.
import type { SchemaRule } from './change.js';
import { isObject } from './walk.js';

const NAME = '__proto__';
const ONLY_NAME = '^__proto__$';

export const protoProperty: SchemaRule = (schema, pointer, { record }) => {
  const properties = schema.properties;
  if (!isObject(properties) || !Object.hasOwn(properties, NAME)) return;
  const subschema = Object.getOwnPropertyDescriptor(properties, NAME)!.value as unknown;
  delete properties[NAME];
  const patterns: Record<string, unknown> = isObject(schema.patternProperties) ? { ...schema.patternProperties } : {};
  patterns[ONLY_NAME] = Object.hasOwn(patterns, ONLY_NAME) ? { allOf: [patterns[ONLY_NAME], subschema] } : subschema;
  schema.patternProperties = patterns;
  record(pointer, 'proto-property', 'properties.__proto__ written as patternProperties "^__proto__$": ajv leaves __proto__ out of properties, and would not check it');
};
