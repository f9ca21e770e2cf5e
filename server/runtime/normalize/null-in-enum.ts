// A nullable schema with an `enum` that does not list null: openapi-typescript types it as
// `"a" | "b" | null`, but ajv's `nullable` (and a `type` array with "null") only widen `type`, so
// the enum still rejects null. The generated type wins: null joins the enum, so a handler that
// returns the null its type allows is not answered with a 500, and a null a client sends reaches a
// handler whose type expects it.
import type { SchemaRule } from './change.js';

export const nullInEnum: SchemaRule = (schema, pointer, { record }) => {
  if (!Array.isArray(schema.enum) || schema.enum.includes(null) || '$ref' in schema) return;
  const typeAllowsNull = schema.type === 'null' || (Array.isArray(schema.type) && schema.type.includes('null'));
  if (schema.nullable !== true && !typeAllowsNull) return;
  schema.enum = [...schema.enum, null];
  record(pointer, 'null-in-enum', `null added to the enum of a nullable schema: the generated type allows null, and ${schema.nullable === true ? 'nullable' : 'a type array with "null"'} does not widen an enum`);
};
