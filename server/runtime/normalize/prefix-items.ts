// ajv 8.20 checks `prefixItems` one position at a time and, where it stops at the first error
// (under `not` and `if`), skips every keyword after it once the array is shorter than the tuple:
// `{not: {prefixItems: [{type: number}], contains: {const: a}}}` refuses `[]`, whose `contains`
// fails. Of the array keywords, `contains` is the one that comes after and can fail there (items
// past the tuple do not exist, so `items` and `unevaluatedItems` have nothing to check). Written
// as an `allOf` member holding `prefixItems` (and the `items` that follows it): ajv checks `allOf`
// before the array keywords, and a member's items are its parent's, so every `unevaluatedItems`
// sees the same. Repro and upstream report: test/fixtures/ajv-unevaluated-*.
import type { SchemaRule } from './change.js';

export const prefixItemsApart: SchemaRule = (schema, pointer, { dialect, record }) => {
  if (dialect !== '3.1' || !('prefixItems' in schema) || !('contains' in schema)) return;
  const tuple: Record<string, unknown> = { prefixItems: schema.prefixItems };
  if ('items' in schema) tuple.items = schema.items;
  delete schema.prefixItems;
  delete schema.items;
  schema.allOf = [...((schema.allOf as unknown[] | undefined) ?? []), tuple];
  record(pointer, 'prefix-items', 'prefixItems beside contains written as an allOf member: ajv skips contains where an array is shorter than the tuple');
};
