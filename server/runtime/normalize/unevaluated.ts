// ajv 8.20 keeps wrong books for `unevaluatedItems`/`unevaluatedProperties` in shapes users write,
// and gives wrong answers both ways (repro and upstream report: test/fixtures/ajv-unevaluated-*).
// Each is rewritten into an equivalent ajv gets right, the same answer for every instance:
// - `if` beside `unevaluatedProperties`: ajv takes the properties `if` evaluated when `if` fails and
//   drops them when it passes. Written as `anyOf: [{allOf: [if, then]}, {allOf: [{not: if}, else]}]`,
//   a missing branch `true`: exactly one member passes, and it carries exactly the annotations
//   JSON Schema gives (`if`'s and `then`'s, or `else`'s alone).
// - a choice (`anyOf`, `oneOf`, `if`) whose members evaluate items, beside `unevaluatedItems`: ajv
//   keeps the items a choice evaluated in a variable it declares only when a member passes and
//   then reads as a count (`true`, "all of them", counts as 1; unset counts as "none unevaluated"),
//   and ignores an `if` without `then`/`else`. The choice is made outside instead: the schema
//   becomes an `anyOf` of alternatives, one per way the choices can go (which members pass), each
//   with its own `unevaluatedItems` and only `allOf`/`not` inside, which ajv books right. Exactly
//   one alternative passes when the schema does, none when it does not, and it evaluates what
//   the schema evaluated. Left as written (and logged) past 64 alternatives, or where a copy
//   would repeat an `$id`/anchor or a `$ref` points inside what moves.
// - `contains` beside `unevaluatedItems` (or in an `allOf` member): ajv counts every item as
//   evaluated once `contains` passes (and none with `minContains: 0`). JSON Schema says exactly the
//   items `contains` matches are. Written as `allOf: [{not: {not: {contains …}}}]` (the same check,
//   no annotations: `not` never gives any) and `unevaluatedItems: {anyOf: [<contains>, <unevaluatedItems>]}`.
import type { RuleContext, SchemaRule } from './change.js';
import { forEachObject } from '../contract/each-object.js';
import { refTargetObject } from '../contract/pointer.js';
import { isObject, type Json } from './walk.js';

/**
 * Marks an `anyOf` this rule wrote: what it holds is a condition or a copy of what was already
 * normalised, never a type (object-without-type.ts leaves it as written, as under `if`), also when
 * the copy is normalised again.
 */
export const CONDITION = 'x-specfirst-if';

/** The most alternatives one schema's `unevaluatedItems` is written into. */
const MOST = 64;

const ITEM_ANNOTATIONS = ['prefixItems', 'items', 'contains', 'unevaluatedItems'];
const PROPERTY_ANNOTATIONS = ['properties', 'patternProperties', 'additionalProperties', 'unevaluatedProperties', 'dependentSchemas'];
/** What moves into each alternative besides the choices: every keyword whose items `unevaluatedItems` sees. */
const ITEM_KEYWORDS = ['prefixItems', 'items', 'contains', 'minContains', 'maxContains', '$ref', '$dynamicRef', 'allOf', 'unevaluatedItems'];

type Resolve = RuleContext['resolve'];

/** Beside the other rules, before the walker looks inside: `if` beside `unevaluatedProperties`. */
export const unevaluatedProperties: SchemaRule = (schema, pointer, { dialect, record }) => {
  if (dialect !== '3.1' || !('unevaluatedProperties' in schema) || !('if' in schema)) return;
  const branches = [{ allOf: [schema.if, schema.then ?? true] }, { allOf: [{ not: schema.if }, schema.else ?? true] }];
  schema.allOf = [...((schema.allOf as unknown[] | undefined) ?? []), { anyOf: branches, [CONDITION]: true }];
  delete schema.if;
  delete schema.then;
  delete schema.else;
  record(pointer, 'unevaluated', "if/then/else beside unevaluatedProperties written as anyOf: ajv takes if's evaluated properties when it fails");
};

/**
 * `unevaluatedItems` beside choices and `contains`. Runs over the finished copy, after every other
 * rule: the alternatives copy and negate subschemas, and each copy must mean what its original came
 * to mean (object-without-type gives an `anyOf` member `type: object`, but would leave the same
 * schema under `not` as written).
 */
export function unevaluatedItems(document: Json): SchemaRule {
  let referenced: WeakSet<object> | undefined;
  return (schema, pointer, { dialect, resolve, record }) => {
    if (dialect !== '3.1' || !('unevaluatedItems' in schema)) return;
    if (hasChoice(schema, resolve)) {
      referenced ??= refTargets(document);
      const lifted = liftChoices(schema, resolve, referenced);
      if (typeof lifted === 'string') record(pointer, 'unevaluated', `unevaluatedItems beside anyOf/oneOf/if left as written (${lifted}): ajv 8.20 may count the items a choice evaluated wrongly`);
      else record(pointer, 'unevaluated', `anyOf/oneOf/if beside unevaluatedItems written as an anyOf of ${lifted} alternatives, each with its own unevaluatedItems: ajv counts the items a choice evaluated wrongly`);
      return;
    }
    if (containsIntoUnevaluated(schema)) {
      record(pointer, 'unevaluated', "contains beside unevaluatedItems written as not/not and an anyOf in unevaluatedItems: ajv counts contains' evaluated items wrongly");
    }
  };
}

/**
 * Moves what `schema`'s `unevaluatedItems` depends on into an `anyOf` of alternatives; `schema`
 * keeps the rest, and `items: true`: it evaluates every item when it passes, as before, and a
 * schema around it must see that without a choice in between. Returns how many alternatives, or
 * why it left `schema` as written.
 */
function liftChoices(schema: Json, resolve: Resolve, referenced: WeakSet<object>): number | string {
  const moved: Json = {};
  for (const key of [...ITEM_KEYWORDS, ...choiceKeys(schema, resolve)]) if (key in schema) moved[key] = schema[key];
  let blocker: string | undefined;
  forEachObject(Object.values(moved), (node) => {
    if (referenced.has(node)) blocker = 'a $ref points inside it';
    else if (['$id', '$anchor', '$dynamicAnchor'].some((k) => k in node)) blocker ??= 'it holds an $id or anchor, which a copy would repeat';
  });
  if (blocker) return blocker;
  const variants = alternatives(moved, resolve, false);
  if (!variants) return `more than ${MOST} alternatives`;
  // Copies apart: the contains rewrite changes each in place, and a subschema may sit in several.
  const copies = variants.map((v) => JSON.parse(JSON.stringify(v)) as Json);
  for (const copy of copies) containsIntoUnevaluated(copy);
  for (const key of Object.keys(moved)) delete schema[key];
  schema.allOf = [{ anyOf: copies, [CONDITION]: true }];
  schema.items = true;
  return copies.length;
}

/**
 * The alternatives `node` is, as far as the items it evaluates go: for every instance exactly one
 * is valid when `node` is (none when it is not), it evaluates the same items and properties, and
 * it makes no choice that decides which items (its `anyOf`/`oneOf`/`if` are written as `allOf`s
 * of members that pass and `not`s of members that fail). A member with its own `unevaluatedItems`
 * evaluates every item when it passes: it stays whole. Undefined past MOST.
 */
function alternatives(node: unknown, resolve: Resolve, nested: boolean): unknown[] | undefined {
  if (!isObject(node) || (nested && 'unevaluatedItems' in node) || !hasChoice(node, resolve)) return [node];
  const rest: Json = { ...node };
  const parts: (unknown[] | undefined)[] = [];
  if (Array.isArray(node.allOf)) for (const member of node.allOf) parts.push(alternatives(member, resolve, true));
  delete rest.allOf;
  const choices = choiceKeys(node, resolve);
  for (const key of choices) delete rest[key];
  if (choices.includes('anyOf')) parts.push(anyOfChoices(node.anyOf as unknown[], resolve));
  if (choices.includes('oneOf')) parts.push(oneOfChoices(node.oneOf as unknown[], resolve));
  if (choices.includes('if')) parts.push(ifChoices(node, resolve));
  return product(parts)?.map((combination) => ({ ...rest, ...allOf(combination) }));
}

/** For each set of members that can pass together: those members' alternatives, `not` the others. */
function anyOfChoices(members: unknown[], resolve: Resolve): unknown[] | undefined {
  const deciding = members.filter((m) => annotates(m, ITEM_ANNOTATIONS, resolve));
  const others = members.filter((m) => !deciding.includes(m));
  if (deciding.length > Math.log2(MOST)) return undefined;
  // The members that evaluate no items only matter together: one must pass when none of the
  // others does, and they still give the properties they evaluate when they pass.
  const giving = others.some((m) => annotates(m, PROPERTY_ANNOTATIONS, resolve));
  const passingOthers = giving ? [{ anyOf: [...others, true] }] : [];
  const othersPass = !giving && others.some((m) => m === true || (isObject(m) && Object.keys(m).length === 0)) ? true : { anyOf: others };
  const choices: unknown[] = [];
  for (let set = 1; set < 2 ** deciding.length; set++) {
    const pass = deciding.filter((_, i) => set & (2 ** i));
    const fail = deciding.filter((_, i) => !(set & (2 ** i))).map((m) => ({ not: m }));
    const each = product(pass.map((m) => alternatives(m, resolve, true)));
    if (!each) return undefined;
    for (const combination of each) choices.push(allOf([...combination, ...fail, ...passingOthers]));
  }
  if (others.length > 0) choices.push(allOf([...deciding.map((m) => ({ not: m })), othersPass]));
  return choices;
}

/** For each member: its alternatives, `not` every other member. */
function oneOfChoices(members: unknown[], resolve: Resolve): unknown[] | undefined {
  const deciding = members.filter((m) => annotates(m, ITEM_ANNOTATIONS, resolve));
  const others = members.filter((m) => !deciding.includes(m));
  const choices: unknown[] = [];
  for (const member of deciding) {
    const fail = members.filter((m) => m !== member).map((m) => ({ not: m }));
    const each = alternatives(member, resolve, true);
    if (!each) return undefined;
    for (const alternative of each) choices.push(allOf([alternative, ...fail]));
  }
  if (others.length > 0) choices.push(allOf([...deciding.map((m) => ({ not: m })), { oneOf: others }]));
  return choices;
}

/** `if` and `then` (both evaluate), or `not: if` and `else`; a missing branch is `true`. */
function ifChoices(node: Json, resolve: Resolve): unknown[] | undefined {
  const passes = product([alternatives(node.if, resolve, true), alternatives(node.then ?? true, resolve, true)]);
  const fails = alternatives(node.else ?? true, resolve, true);
  if (!passes || !fails) return undefined;
  return [...passes.map(allOf), ...fails.map((alternative) => allOf([{ not: node.if }, alternative]))];
}

/** `allOf: members`, with members that are an `allOf` alone spliced in and `true`s left out: the same check and annotations, read more easily. */
function allOf(members: unknown[]): Json {
  const flat = members.flatMap((m) => (isObject(m) && Object.keys(m).length === 1 && Array.isArray(m.allOf) ? (m.allOf as unknown[]) : [m])).filter((m) => m !== true);
  return flat.length === 0 ? {} : { allOf: flat };
}

/** One of each part, every way; undefined past MOST (or when a part is). */
function product(parts: (unknown[] | undefined)[]): unknown[][] | undefined {
  let combinations: unknown[][] = [[]];
  for (const part of parts) {
    if (!part) return undefined;
    combinations = combinations.flatMap((c) => part.map((p) => [...c, p]));
    if (combinations.length > MOST) return undefined;
  }
  return combinations;
}

/** The choices of `node` whose members evaluate items (`if` stands for if/then/else). */
function choiceKeys(node: Json, resolve: Resolve): string[] {
  const keys = ['anyOf', 'oneOf'].filter((k) => Array.isArray(node[k]) && (node[k] as unknown[]).some((m) => annotates(m, ITEM_ANNOTATIONS, resolve)));
  if ('if' in node && ['if', 'then', 'else'].some((k) => annotates(node[k], ITEM_ANNOTATIONS, resolve))) keys.push('if', 'then', 'else');
  return keys;
}

/** Whether `node` or an `allOf` member without its own `unevaluatedItems` has such a choice. */
function hasChoice(node: Json, resolve: Resolve): boolean {
  if (choiceKeys(node, resolve).length > 0) return true;
  return Array.isArray(node.allOf) && node.allOf.some((m) => isObject(m) && !('unevaluatedItems' in m) && hasChoice(m, resolve));
}

/** Whether `node` may evaluate items (or properties) in place: itself, through `$ref` or an applicator. */
function annotates(node: unknown, keywords: string[], resolve: Resolve, depth = 0): boolean {
  if (!isObject(node) || depth > 16) return false;
  if (keywords.some((k) => k in node) || typeof node.$dynamicRef === 'string') return true;
  if (typeof node.$ref === 'string' && annotates(resolve(node.$ref), keywords, resolve, depth + 1)) return true;
  const inPlace = [...['allOf', 'anyOf', 'oneOf'].flatMap((k) => (Array.isArray(node[k]) ? (node[k] as unknown[]) : [])), node.if, node.then, node.else];
  return inPlace.some((m) => annotates(m, keywords, resolve, depth + 1));
}

/** The objects a `$ref` of the copy points at: what moves must hold none of them. */
function refTargets(document: Json): WeakSet<object> {
  const targets = new WeakSet<object>();
  forEachObject([document], (node) => {
    const target = typeof node.$ref === 'string' ? refTargetObject(document, node.$ref) : undefined;
    if (target) targets.add(target);
  });
  return targets;
}

/** The contains rewrite above; whether there was one. */
function containsIntoUnevaluated(schema: Json): boolean {
  const matched = containsWithoutAnnotations(schema, true);
  if (matched.length === 0) return false;
  schema.unevaluatedItems = { anyOf: [...matched, schema.unevaluatedItems] };
  return true;
}

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
