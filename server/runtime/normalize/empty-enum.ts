// `enum: []` is valid JSON Schema and matches nothing (openapi-typescript types it `never`), but
// ajv refuses to compile it ("enum must have non-empty array"), taking the operation down with it.
// `not: {}` is ajv's way to say the same: no value is valid. An optional parameter with such a
// schema can still be left out, as the contract allows.
import type { SchemaRule } from './change.js';

export const emptyEnum: SchemaRule = (schema, pointer, { record }) => {
  if (!Array.isArray(schema.enum) || schema.enum.length > 0) return;
  delete schema.enum;
  if ('not' in schema) schema.allOf = [...((schema.allOf as unknown[] | undefined) ?? []), { not: {} }];
  else schema.not = {};
  record(pointer, 'empty-enum', 'enum: [] matches nothing: written as not: {}, which ajv compiles');
};
