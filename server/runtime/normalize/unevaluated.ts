// ajv 8.20 keeps wrong books for `unevaluatedItems`/`unevaluatedProperties` in two shapes users
// write, and gives wrong answers both ways (repro: test/fixtures/ajv-unevaluated-repro.mjs, to be
// filed upstream). Each is rewritten into an equivalent ajv gets right; every other shape is left
// as written (see the README for the ones still wrong):
// - `contains` beside `unevaluatedItems` (or in an `allOf` member): ajv counts every item as
//   evaluated once `contains` passes (and none with `minContains: 0`). JSON Schema says exactly the
//   items `contains` matches are. Written as `allOf: [{not: {not: {contains …}}}]` (the same check, no annotations: `not`
//   never gives any) and `unevaluatedItems: {anyOf: [<contains>, <unevaluatedItems>]}`.
// - `if` beside `unevaluatedProperties`: ajv takes the properties `if` evaluated when `if` fails and
//   drops them when it passes. Written as `anyOf: [{allOf: [if, then]}, {allOf: [{not: if}, else]}]`,
//   a missing branch `true`: exactly one member passes, and it carries exactly the annotations
//   JSON Schema gives (`if`'s and `then`'s, or `else`'s alone).
import type { SchemaRule } from './change.js';
import { isObject, type Json } from './walk.js';

/**
 * Marks the `anyOf` written for an `if`: what it holds is a condition, never a type (object-without-
 * type.ts leaves it as written, as under `if`), also when the copy is normalised again.
 */
export const CONDITION = 'x-specfirst-if';

export const unevaluated: SchemaRule = (schema, pointer, { dialect, record }) => {
  if (dialect !== '3.1') return;
  if ('unevaluatedItems' in schema) {
    const matched = containsWithoutAnnotations(schema, true);
    if (matched.length > 0) {
      schema.unevaluatedItems = { anyOf: [...matched, schema.unevaluatedItems] };
      record(pointer, 'unevaluated', "contains beside unevaluatedItems written as not/not and an anyOf in unevaluatedItems: ajv counts contains' evaluated items wrongly");
    }
  }
  if ('unevaluatedProperties' in schema && !('unevaluatedItems' in schema) && 'if' in schema) {
    const branches = [{ allOf: [schema.if, schema.then ?? true] }, { allOf: [{ not: schema.if }, schema.else ?? true] }];
    schema.allOf = [...((schema.allOf as unknown[] | undefined) ?? []), { anyOf: branches, [CONDITION]: true }];
    delete schema.if;
    delete schema.then;
    delete schema.else;
    record(pointer, 'unevaluated', "if/then/else beside unevaluatedProperties written as anyOf: ajv takes if's evaluated properties when it fails");
  }
};

/**
 * Rewrites each `contains` whose annotations always reach `schema`'s `unevaluatedItems` (its own,
 * and those of `allOf` members, through `allOf`s, that have no `unevaluatedItems` of their own)
 * into the same check without annotations, and returns the `contains` subschemas.
 */
function containsWithoutAnnotations(schema: Json, root: boolean): unknown[] {
  if (!root && 'unevaluatedItems' in schema) return [];
  const found: unknown[] = [];
  if ('contains' in schema) {
    const check: Json = { contains: schema.contains };
    for (const key of ['minContains', 'maxContains']) if (key in schema) check[key] = schema[key];
    found.push(schema.contains);
    schema.allOf = [...((schema.allOf as unknown[] | undefined) ?? []), { not: { not: check } }];
    delete schema.contains;
    delete schema.minContains;
    delete schema.maxContains;
  }
  if (Array.isArray(schema.allOf)) for (const member of schema.allOf) if (isObject(member)) found.push(...containsWithoutAnnotations(member, false));
  return found;
}
