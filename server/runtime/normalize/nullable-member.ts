// `{nullable: true}` written alone as a member of `allOf`, `anyOf` or `oneOf` is how real contracts
// say "or null" for a composed schema (`allOf: [{$ref: Link}, {nullable: true}]`). Read literally it
// is `{}` (3.0.3: nullable without type has no effect): an allOf member that adds nothing, and a
// oneOf member that every value matches, so that a valid non-null value matches two members and
// fails. The author means null, and the generated types say so too: generator/emit/type-meaning.ts applies
// this same rule before openapi-typescript reads the contract.
import type { SchemaRule } from './change.js';
import { isObject, type Json } from './walk.js';

/** Keywords that say something about a schema without constraining its values. */
const ANNOTATIONS = new Set([
  'title', 'description', 'example', 'examples', 'deprecated', 'externalDocs', 'xml', '$comment', 'default', 'readOnly', 'writeOnly',
]);

/** `{nullable: true}`, maybe with annotations: a member that only says "null is allowed". */
export function isNullMarker(member: unknown): boolean {
  if (!isObject(member) || member.nullable !== true) return false;
  return Object.keys(member).every((k) => k === 'nullable' || ANNOTATIONS.has(k) || k.startsWith('x-'));
}

/**
 * An `allOf` null marker is taken out and makes the whole schema `nullable: true`; an `anyOf` or
 * `oneOf` one becomes `{type: 'null'}`. Returns the keywords that held one.
 */
export function liftNullMarkers(schema: Json): string[] {
  const found: string[] = [];
  if (Array.isArray(schema.allOf) && schema.allOf.some(isNullMarker)) {
    schema.allOf = schema.allOf.filter((m) => !isNullMarker(m));
    if ((schema.allOf as unknown[]).length === 0) delete schema.allOf;
    schema.nullable = true;
    found.push('allOf');
  }
  for (const key of ['anyOf', 'oneOf']) {
    const members = schema[key];
    if (!Array.isArray(members) || !members.some(isNullMarker)) continue;
    schema[key] = members.map((m) => (isNullMarker(m) ? { type: 'null' } : m));
    found.push(key);
  }
  return found;
}

export const nullableMember: SchemaRule = (schema, pointer, { record }) => {
  for (const key of liftNullMarkers(schema)) {
    record(
      pointer,
      'nullable-member',
      key === 'allOf'
        ? 'a {nullable: true} member of allOf makes the schema nullable (null, or every other member), as the generated type says'
        : `a {nullable: true} member of ${key} stands for null ({type: 'null'}), as the generated type says; alone it would match every value`,
    );
  }
};
