// A schema with `properties` (non-empty), `additionalProperties` (not false) or `patternProperties`
// and no `type` is an object to openapi-typescript (`{a?: string}`), but to JSON Schema it accepts
// every non-object value too: a string body would reach a handler typed as an object. The validator
// gets `type: object` there, so that types and validation mean the same thing. Only where the
// generated type describes the schema, and never where it would change a meaning the type keeps:
// - `required`, `minProperties`… alone: openapi-typescript types them `unknown`; left alone.
// - beside `$ref` (3.0 ignores its siblings) or a `const` (typed as the constant): left alone.
// - 3.0 `nullable: true` beside it stays: object or null, as the type says (`{a?: string} | null`).
// - an `allOf` member where the enclosing schema or another member admits null (3.0 `nullable`,
//   3.1 `type: [object, 'null']`): typing the member would refuse the null the others allow.
// - an allOf member beside a `type: object` member, a composition member inside `type: object`:
//   an object already, nothing to change or report (Box extends 100 schemas this way).
// - anything under `not`, `if`/`then`/`else`, `contains`, `propertyNames`, `dependentSchemas`…
//   (and an `if` that unevaluated.ts rewrote): no type describes those, and there `{required: [a]}`
//   is a condition on any value.
import type { RuleContext, SchemaRule } from './change.js';
import { CONDITION } from './unevaluated.js';
import { isObject, schemaChildren, type Json } from './walk.js';

/** Keywords whose schemas openapi-typescript never types: what they hold keeps its literal meaning. */
const UNTYPED_KEYWORDS = [
  'not', 'if', 'then', 'else', 'contains', 'propertyNames', 'unevaluatedItems', 'unevaluatedProperties', 'contentSchema', 'dependentSchemas', 'dependencies',
];

/** Whether openapi-typescript types this schema as an object although it has no `type`. */
export function typedAsObjectWithoutType(schema: Json): boolean {
  if ('type' in schema || '$ref' in schema || (schema.const !== undefined && schema.const !== null)) return false;
  const properties = isObject(schema.properties) && Object.keys(schema.properties).length > 0;
  return properties || Boolean(schema.additionalProperties) || Boolean(schema.patternProperties);
}

/** A new rule for one document: it remembers which schemas sit where no type describes them. */
export function objectWithoutType(): SchemaRule {
  const literal = new WeakSet<object>();
  const keep = new WeakSet<object>();
  return (schema, pointer, context) => {
    markLiteral(schema, literal);
    markNullableAllOf(schema, keep, context);
    markObjectsAlready(schema, keep, context);
    if (literal.has(schema) || keep.has(schema) || !typedAsObjectWithoutType(schema)) return;
    schema.type = 'object';
    context.record(
      pointer,
      'object-without-type',
      `properties without type: specfirst treats it as type: object${schema.nullable === true ? ' (or null: nullable)' : ''}, as the generated type says; a value of another type is refused`,
    );
  };
}

/** Marks the schemas this one holds under a keyword no type describes (all of them, once inside one). */
function markLiteral(schema: Json, literal: WeakSet<object>): void {
  const inside = literal.has(schema) || schema[CONDITION] === true;
  for (const [child, at] of schemaChildren(schema, '')) {
    const keyword = at.split('/')[1]!;
    if (isObject(child) && (inside || UNTYPED_KEYWORDS.includes(keyword))) literal.add(child);
  }
}

function markNullableAllOf(schema: Json, keep: WeakSet<object>, { resolve }: RuleContext): void {
  if (!Array.isArray(schema.allOf)) return;
  const members = schema.allOf as unknown[];
  if (!admitsNull(schema, resolve, 0) && !members.some((m) => admitsNull(m, resolve, 0))) return;
  for (const member of members) if (isObject(member)) keep.add(member);
}

/**
 * An `allOf` that admits null as written: the enclosing schema or a member says so, and every
 * member admits null too (says so, or is an object without type, which this rule leaves alone
 * there). openapi-typescript intersects the members and loses the null; type-meaning.ts adds it.
 */
export function allOfAdmitsNull(schema: Json, resolve: RuleContext['resolve']): boolean {
  if (!Array.isArray(schema.allOf) || schema.allOf.length === 0) return false;
  const members = schema.allOf as unknown[];
  const own = schema.type;
  if (own !== undefined && !admitsNull({ type: own, nullable: schema.nullable }, resolve, 0)) return false;
  if (!admitsNull(schema, resolve, 0) && !members.some((m) => admitsNull(m, resolve, 0))) return false;
  return members.every((m) => admitsNull(m, resolve, 0) || (isObject(m) && typedAsObjectWithoutType(m) && !COMPOSED.some((k) => k in m)));
}

const COMPOSED = ['allOf', 'anyOf', 'oneOf', 'not', 'enum'];

/**
 * Members that are objects already, whatever they say: of an allOf beside a member of
 * `type: object` (`allOf: [{$ref: Base}, {properties: …}]`, the usual way to extend a schema), or
 * of any composition inside a `type: object`. Nothing changes there, so nothing is reported.
 */
function markObjectsAlready(schema: Json, keep: WeakSet<object>, { resolve }: RuleContext): void {
  const members = (key: string) => (Array.isArray(schema[key]) ? (schema[key] as unknown[]) : []);
  const enclosed = schema.type === 'object' ? ['allOf', 'anyOf', 'oneOf'].flatMap(members) : [];
  const allOf = members('allOf');
  const beside = allOf.some((m) => isObjectType(m, resolve)) ? allOf : [];
  for (const member of [...enclosed, ...beside]) if (isObject(member)) keep.add(member);
}

function isObjectType(node: unknown, resolve: RuleContext['resolve']): boolean {
  let schema = node;
  for (let hops = 0; isObject(schema) && typeof schema.$ref === 'string' && hops < 16; hops++) schema = resolve(schema.$ref);
  return isObject(schema) && schema.type === 'object' && schema.nullable !== true;
}

/** A schema that says null is allowed (not one that merely fails to exclude it). */
function admitsNull(node: unknown, resolve: RuleContext['resolve'], depth: number): boolean {
  let schema = node;
  for (let hops = 0; isObject(schema) && typeof schema.$ref === 'string' && hops < 16; hops++) schema = resolve(schema.$ref);
  if (!isObject(schema) || depth > 8) return false;
  const type = schema.type;
  if (schema.nullable === true || type === 'null' || (Array.isArray(type) && type.includes('null'))) return true;
  if (schema.const === null || (Array.isArray(schema.enum) && schema.enum.includes(null))) return true;
  return ['anyOf', 'oneOf'].some((k) => Array.isArray(schema[k]) && (schema[k] as unknown[]).some((m) => admitsNull(m, resolve, depth + 1)));
}
