// A `discriminator` is a hint: OpenAPI says it never changes whether a value is valid, `oneOf`
// (or `anyOf`) alone decides. It may still choose *which* branch reports the errors, but only where
// that gives exactly the oneOf's answer for every value:
// - exact: each branch is an object that requires the property and allows exactly the values the
//   mapping (or the implicit mapping, the schema's name) gives it. Then `oneOf`/`anyOf` becomes one
//   `if/then` per value, so a bad `dog` is reported with the Dog schema's errors only, not every
//   branch's. (express-openapi-validator's own discriminator support is not used: it compiles the
//   wrong branch for every mapping entry after the first, rejecting valid bodies.)
// - otherwise (no mapping and values that are not schema names, branches that do not pin the
//   property, a discriminator without oneOf): the discriminator is removed and oneOf decides.
// generator/emit/type-meaning.ts removes the same inexact discriminators before openapi-typescript reads
// the contract, which would otherwise type the property as the mapping value.
import type { SchemaRule } from './change.js';
import { isObject, type Json } from './walk.js';

interface Discriminator {
  propertyName: string;
  mapping?: Record<string, string>;
}

interface Branch {
  ref: string;
  /** The discriminator values that select this branch. */
  values: string[];
}

export const discriminator: SchemaRule = (schema, pointer, { resolve, record }) => {
  if (!('discriminator' in schema)) return;
  const branches = exactBranches(schema, resolve);
  const { propertyName } = schema.discriminator as Discriminator;
  delete schema.discriminator;
  if (!branches) {
    record(pointer, 'discriminator', 'discriminator removed: it is a hint that never changes validity, and here it does not match what the branches accept; oneOf/anyOf decides');
    return;
  }
  const key = Array.isArray(schema.oneOf) ? 'oneOf' : 'anyOf';
  delete schema[key];
  const selector = (values: string[]) => ({ required: [propertyName], properties: { [propertyName]: { enum: values } } });
  schema.allOf = [
    ...((schema.allOf as unknown[] | undefined) ?? []),
    { type: 'object', ...selector(branches.flatMap((b) => b.values)) },
    ...branches.map(({ values, ref }) => ({ if: selector(values), then: { $ref: ref } })),
  ];
  record(pointer, 'discriminator', `${key} with discriminator ${JSON.stringify(propertyName)} checked as if/then per value: every branch accepts exactly its own values, so only the chosen branch's errors are reported`);
};

/**
 * The branches of a discriminated `oneOf`/`anyOf` with their values, when the discriminator agrees
 * exactly with what the branches accept; undefined otherwise. `resolve` follows a `$ref`.
 */
export function exactBranches(schema: Json, resolve: (ref: string) => Json | undefined): Branch[] | undefined {
  const d = schema.discriminator as Discriminator | undefined;
  if (!isObject(d) || typeof d.propertyName !== 'string') return undefined;
  const members = Array.isArray(schema.oneOf) ? schema.oneOf : Array.isArray(schema.anyOf) ? schema.anyOf : undefined;
  if (!members || members.length === 0) return undefined;
  const mapping = isObject(d.mapping) ? (d.mapping as Record<string, string>) : {};
  const branches: Branch[] = [];
  for (const member of members) {
    if (!isObject(member) || typeof member.$ref !== 'string') return undefined;
    const ref = member.$ref;
    const name = ref.split('/').pop() ?? ref;
    const mapped = Object.entries(mapping).filter(([, target]) => target === ref || target === name).map(([value]) => value);
    const values = mapped.length > 0 ? mapped : [name];
    const accepted = acceptedValues(ref, d.propertyName, resolve);
    if (!accepted || !sameSet(accepted, values)) return undefined;
    branches.push({ ref, values });
  }
  const all = branches.flatMap((b) => b.values);
  return new Set(all).size === all.length ? branches : undefined;
}

/**
 * The values of `property` that the schema at `ref` accepts, when it is sure to be an object that
 * requires the property and pins it with `enum` or `const` (directly or through `allOf`).
 */
function acceptedValues(ref: string, property: string, resolve: (ref: string) => Json | undefined): string[] | undefined {
  let isObjectType = false;
  let required = false;
  let values: string[] | undefined;
  const visit = (node: unknown, depth: number): void => {
    let schema = node;
    for (let hops = 0; isObject(schema) && typeof schema.$ref === 'string' && hops < 16; hops++) schema = resolve(schema.$ref);
    if (!isObject(schema) || depth > 8) return;
    if (schema.type === 'object') isObjectType = true;
    if (Array.isArray(schema.required) && schema.required.includes(property)) required = true;
    const own = isObject(schema.properties) ? pinned(schema.properties[property], resolve) : undefined;
    if (own) values = values ? values.filter((v) => own.includes(v)) : own;
    if (Array.isArray(schema.allOf)) schema.allOf.forEach((m) => visit(m, depth + 1));
  };
  visit({ $ref: ref }, 0);
  return isObjectType && required ? values : undefined;
}

function pinned(node: unknown, resolve: (ref: string) => Json | undefined): string[] | undefined {
  let schema = node;
  for (let hops = 0; isObject(schema) && typeof schema.$ref === 'string' && hops < 16; hops++) schema = resolve(schema.$ref);
  if (!isObject(schema)) return undefined;
  if (typeof schema.const === 'string') return [schema.const];
  if (Array.isArray(schema.enum) && schema.enum.every((v) => typeof v === 'string')) return schema.enum as string[];
  return undefined;
}

function sameSet(a: string[], b: string[]): boolean {
  const sa = new Set(a);
  const sb = new Set(b);
  return sa.size === sb.size && [...sa].every((v) => sb.has(v));
}
