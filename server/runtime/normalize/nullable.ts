// OpenAPI 3.0's `nullable` in every position, and in 3.1 documents too (where it is not a keyword,
// but both openapi-typescript and ajv read it, and the author meant it). ajv understands `nullable`
// only beside `type`, and fails to compile the whole operation otherwise ("nullable" cannot be used
// without "type"). The rewrite follows what the generated type says (see null-in-enum.ts for enums):
// - `nullable: false` changes nothing: removed where there is no `type`.
// - `nullable: true` beside `$ref`, `allOf`, `oneOf` or `anyOf`: the type is `T | null`, so the
//   composed keywords move into `anyOf: [{…they…}, {type: 'null'}]`. Beside `$ref`, openapi-typescript
//   alone would ignore it (3.0 ignores $ref siblings): generator/emit/type-meaning.ts makes the type
//   `T | null` too, as the author meant.
// - `nullable: true` without `type`, beside nothing that rejects null (alone, `properties`, `not`,
//   a `const`, an enum that now lists null): removed, the rest already means what the type says.
import type { SchemaRule } from './change.js';
import type { Json } from './walk.js';

const COMPOSED = ['$ref', 'allOf', 'anyOf', 'oneOf'];

/** Moves `$ref`/`allOf`/`anyOf`/`oneOf` (and the discriminator of a oneOf) into `anyOf: [them, null]`. */
export function allowNull(schema: Json): void {
  const inner: Json = {};
  for (const key of [...COMPOSED, 'discriminator']) {
    if (!(key in schema)) continue;
    inner[key] = schema[key];
    delete schema[key];
  }
  schema.anyOf = [inner, { type: 'null' }];
}

/** An anyOf with a `{type: 'null'}` member: what allowNull makes, so a second pass leaves it. */
function allowsNullAlready(anyOf: unknown): boolean {
  return Array.isArray(anyOf) && anyOf.some((m) => typeof m === 'object' && m !== null && (m as Json).type === 'null' && Object.keys(m).length === 1);
}

export const nullable: SchemaRule = (schema, pointer, { record }) => {
  if (!('nullable' in schema)) return;
  const typed = schema.type !== undefined;
  if (schema.nullable !== true) {
    if (typed) return;
    delete schema.nullable;
    record(pointer, 'nullable', 'nullable: false without type removed: it changes nothing, and ajv cannot compile nullable without type');
    return;
  }
  const composed = COMPOSED.filter((k) => k in schema);
  if (composed.length === 1 && composed[0] === 'anyOf' && allowsNullAlready(schema.anyOf)) {
    if (typed) return;
    delete schema.nullable;
    record(pointer, 'nullable', 'nullable: true without type removed: its anyOf already allows null, and ajv cannot compile nullable without type');
    return;
  }
  const constant = schema.const !== undefined && schema.const !== null && !('$ref' in schema);
  if (composed.length > 0 && !constant) {
    allowNull(schema);
    if (!typed) delete schema.nullable;
    record(pointer, 'nullable', `nullable: true beside ${composed.join(', ')}: null or the composed schema (anyOf with {type: 'null'}), as the generated type says`);
    return;
  }
  if (typed) return;
  delete schema.nullable;
  record(
    pointer,
    'nullable',
    constant
      ? 'nullable: true beside const removed: the generated type is the constant alone, and ajv cannot compile nullable without type'
      : 'nullable: true without type removed: nothing else here rejects null, and ajv cannot compile nullable without type',
  );
};
