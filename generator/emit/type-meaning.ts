// The contract as openapi-typescript reads it: where openapi-typescript alone would type a
// construct differently from what the runtime's validator accepts, the schema is rewritten first,
// with the same rules server/runtime/normalize/ applies to the validator's copy, so that types and
// validation never disagree. Pure: the bundled document in, rewritten in place.
// - `{nullable: true}` as a member of allOf/anyOf/oneOf means "or null" (nullable-member.ts); alone,
//   openapi-typescript reads it as `unknown` and drops the null.
// - `$ref` beside `nullable: true` is `T | null`, as the author meant; openapi-typescript ignores
//   every sibling of a 3.0 `$ref`.
// - A discriminator that does not agree exactly with its branches is removed (discriminator.ts):
//   openapi-typescript would type the property as the mapping value (`role: "UserMessage"`) when
//   the branch accepts `"user"`, the value oneOf decides on.
// - A `$ref` that leads nowhere (the loader reports it, rule `ref`) is `unknown`: the validator
//   cannot compile it, so the operations that reach it answer 500 naming it (contract-problems.ts)
//   and no value of it ever reaches a handler.
import { exactBranches } from '../../server/runtime/normalize/discriminator.js';
import { liftNullMarkers } from '../../server/runtime/normalize/nullable-member.js';
import { allowNull } from '../../server/runtime/normalize/nullable.js';
import { isInternalRef, refTargetObject, valueAt } from '../../server/runtime/contract/pointer.js';
import { walkDocument, type Json } from '../../server/runtime/normalize/walk.js';

export function applyTypeRules(document: Json): void {
  const original = structuredClone(document);
  const resolve = (ref: string) => refTargetObject(original, ref);
  walkDocument(document, {
    schema(schema) {
      if (typeof schema.$ref === 'string' && (!isInternalRef(schema.$ref) || valueAt(original, schema.$ref) === undefined)) delete schema.$ref;
      liftNullMarkers(schema);
      if (typeof schema.$ref === 'string' && schema.nullable === true) {
        allowNull(schema);
        delete schema.nullable;
      }
      if ('discriminator' in schema && (Array.isArray(schema.oneOf) || Array.isArray(schema.anyOf)) && !exactBranches(schema, resolve)) {
        delete schema.discriminator;
      }
    },
  });
}
