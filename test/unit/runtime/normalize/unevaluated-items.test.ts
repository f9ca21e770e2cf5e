// The validator's copy answers what JSON Schema 2020-12 answers for `unevaluatedItems` beside
// choices (`anyOf`, `oneOf`, `if`) and `contains`, where ajv 8.20 alone does not
// (server/runtime/normalize/unevaluated.ts, prefix-items.ts): random schemas of those constructs
// and random arrays, the copy through the validator's ajv against a reference that follows the
// 2020-12 text for these keywords on the schema as written. The reference is checked first against
// every case of the suite's unevaluatedItems file it can read (ajv alone gets 7 of them wrong; the
// one other implementation in node_modules, @exodus/schemasafe, keeps the items an `if`'s
// `contains` matched when the `if` fails in its `anyOf`).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { normalizeForValidator } from '../../../../server/runtime/normalize/index.js';
import type { Document } from '../../../../server/runtime/contract/document.js';
import { fixture } from '../../../helpers.js';
import { validatorAt } from '../ajv-compile.js';

type Schema = boolean | Record<string, unknown>;

const RUNS = 400;
const VALUES = ['a', 'b', 1, 2, 3, true, null];

/** What an item is checked against. */
const item: fc.Arbitrary<Schema> = fc.oneof(
  fc.constantFrom<Schema>(true, false, { type: 'string' }, { type: 'number' }, { multipleOf: 2 }),
  fc.constantFrom(...VALUES).map((v) => ({ const: v })),
);

/** Keywords that evaluate items by themselves, a few at a time. */
const evaluating = fc
  .record(
    {
      prefixItems: fc.array(item, { minLength: 1, maxLength: 2 }),
      items: item,
      contains: item,
      minContains: fc.integer({ min: 0, max: 2 }),
      maxContains: fc.integer({ min: 1, max: 3 }),
      unevaluatedItems: item,
    },
    { requiredKeys: [] },
  )
  .map((s): Schema => s);

/** An array schema made of the constructs whose evaluated items ajv books wrongly, `depth` deep. */
const arraySchema: (depth: number) => fc.Arbitrary<Schema> = fc.memo((depth) => {
  if (depth <= 1) return fc.oneof(fc.constantFrom<Schema>(true, {}), evaluating);
  const inner = arraySchema(depth - 1);
  const members = fc.array(inner, { minLength: 1, maxLength: 3 });
  return fc.oneof(
    evaluating,
    fc.tuple(evaluating, fc.constantFrom('anyOf', 'oneOf', 'allOf'), members).map(([own, key, list]) => ({ ...(own as object), [key]: list })),
    fc.record({ if: inner, then: inner, else: inner }, { requiredKeys: ['if'] }).map((s): Schema => s),
    fc.tuple(evaluating, inner).map(([own, not]) => ({ ...(own as object), not })),
  );
});

/** A schema with `unevaluatedItems` at its root, beside what `arraySchema` gives. */
const rooted = fc
  .tuple(arraySchema(3), item)
  // As a contract gives it: plain objects (fast-check's records have no prototype).
  .map(([s, u]) => JSON.parse(JSON.stringify({ ...(typeof s === 'boolean' ? { allOf: [s] } : s), unevaluatedItems: u })) as Schema);
const instances = fc.array(fc.array(fc.constantFrom(...VALUES), { maxLength: 5 }), { minLength: 1, maxLength: 8 });

const document = (schema: Schema) => ({ openapi: '3.1.0', info: { title: 'unevaluatedItems', version: '1' }, paths: {}, components: { schemas: { S: schema } } }) as unknown as Document;

/** The keywords the reference reads. */
const KNOWN = ['$schema', 'type', 'const', 'multipleOf', 'prefixItems', 'items', 'contains', 'minContains', 'maxContains', 'allOf', 'anyOf', 'oneOf', 'not', 'if', 'then', 'else', 'unevaluatedItems'];

/**
 * JSON Schema 2020-12 for KNOWN: undefined when `value` is invalid, else the indexes of the items
 * `schema` evaluated (§11.2: those of prefixItems, items and contains, of the in-place subschemas
 * that passed, and all of them once unevaluatedItems applied).
 */
function evaluated(schema: Schema, value: unknown): Set<number> | undefined {
  if (typeof schema === 'boolean') return schema ? new Set() : undefined;
  const seen = new Set<number>();
  const take = (from: Set<number> | undefined) => from?.forEach((i) => seen.add(i));
  const types: Record<string, (v: unknown) => boolean> = { string: (v) => typeof v === 'string', number: (v) => typeof v === 'number', integer: Number.isInteger, boolean: (v) => typeof v === 'boolean', null: (v) => v === null, array: Array.isArray, object: (v) => typeof v === 'object' && v !== null && !Array.isArray(v) };
  if (typeof schema.type === 'string' && !types[schema.type]!(value)) return undefined;
  if ('const' in schema && JSON.stringify(schema.const) !== JSON.stringify(value)) return undefined;
  if (typeof schema.multipleOf === 'number' && typeof value === 'number' && value % schema.multipleOf !== 0) return undefined;
  if (Array.isArray(value)) {
    const prefix = (schema.prefixItems as Schema[] | undefined) ?? [];
    for (const [i, item] of value.entries()) {
      const applies = i < prefix.length ? prefix[i] : schema.items;
      if (applies === undefined) continue;
      if (!evaluated(applies as Schema, item)) return undefined;
      seen.add(i);
    }
    if ('contains' in schema) {
      const matched = [...value.keys()].filter((i) => evaluated(schema.contains as Schema, value[i]));
      if (matched.length < ((schema.minContains as number | undefined) ?? 1) || matched.length > ((schema.maxContains as number | undefined) ?? Infinity)) return undefined;
      matched.forEach((i) => seen.add(i));
    }
  }
  const members = (key: string) => ((schema[key] as Schema[] | undefined) ?? []).map((m) => evaluated(m, value));
  const all = members('allOf');
  if (all.some((r) => !r)) return undefined;
  all.forEach(take);
  const any = members('anyOf');
  if ('anyOf' in schema && !any.some(Boolean)) return undefined;
  any.forEach(take);
  const one = members('oneOf');
  if ('oneOf' in schema && one.filter(Boolean).length !== 1) return undefined;
  one.forEach(take);
  if ('not' in schema && evaluated(schema.not as Schema, value)) return undefined;
  if ('if' in schema) {
    const condition = evaluated(schema.if as Schema, value);
    take(condition);
    const branch = condition ? schema.then : schema.else;
    if (branch !== undefined) {
      const result = evaluated(branch as Schema, value);
      if (!result) return undefined;
      take(result);
    }
  }
  if ('unevaluatedItems' in schema && Array.isArray(value)) {
    for (const [i, item] of value.entries()) if (!seen.has(i) && !evaluated(schema.unevaluatedItems as Schema, item)) return undefined;
    value.forEach((_, i) => seen.add(i));
  }
  return seen;
}

const reference = (schema: Schema) => (value: unknown) => evaluated(schema, value) !== undefined;

/** Every object of a schema, for the check that the reference reads each keyword in it. */
const keywordsOf = (schema: unknown): string[] => (typeof schema !== 'object' || schema === null ? [] : Array.isArray(schema) ? schema.flatMap(keywordsOf) : Object.entries(schema).flatMap(([k, v]) => [k, ...(k === 'const' ? [] : keywordsOf(v))]));

describe('unevaluatedItems beside choices and contains: the validator\'s copy answers as JSON Schema does', () => {
  it('has a reference that answers every case of the suite\'s unevaluatedItems file it can read', () => {
    const cases = JSON.parse(readFileSync(fixture('json-schema-test-suite', 'draft2020-12', 'unevaluatedItems.json'), 'utf8')) as { description: string; schema: Schema; tests: { description: string; data: unknown; valid: boolean }[] }[];
    const readable = cases.filter((c) => keywordsOf(c.schema).every((k) => KNOWN.includes(k)));
    assert.ok(readable.length >= 25, `only ${readable.length} cases`);
    for (const c of readable) for (const t of c.tests) assert.equal(reference(c.schema)(t.data), t.valid, `${c.description} / ${t.description}`);
  });

  it('answers as the reference on random schemas and arrays', () => {
    let rewritten = 0;
    let ajvWrong = 0;
    fc.assert(
      fc.property(rooted, instances, (schema, arrays) => {
        const { document: copy, changes } = normalizeForValidator(document(schema));
        fc.pre(!changes.some((c) => c.message.includes('left as written')));
        if (changes.length > 0) rewritten++;
        const ours = validatorAt(copy as never, '#/components/schemas/S');
        const answer = reference(schema);
        for (const array of arrays) assert.equal(ours(array), answer(array), `${JSON.stringify(schema)} on ${JSON.stringify(array)}`);
        const asWritten = validatorAt(document(schema) as never, '#/components/schemas/S');
        if (arrays.some((array) => asWritten(array) !== answer(array))) ajvWrong++;
      }),
      { numRuns: RUNS },
    );
    assert.ok(rewritten > RUNS / 4, `only ${rewritten} of the random schemas were rewritten`);
    // The schemas reach what ajv gets wrong: without the rewrite, this test would fail.
    assert.ok(ajvWrong > 0, 'ajv alone answered every random schema right');
    console.log(`${rewritten} rewritten, ${ajvWrong} answered wrongly by ajv alone`);
  });
});
