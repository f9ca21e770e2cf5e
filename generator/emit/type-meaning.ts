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
// - An object without `type` is already an object to openapi-typescript, as to the validator
//   (object-without-type.ts), except an `allOf` member beside a member that admits null: there the
//   validator admits null, and an allOf that admits null as a whole is `T | null` here too
//   (openapi-typescript intersects `X | null` with the other members and loses the null).
import { exactBranches } from '../../server/runtime/normalize/discriminator.js';
import { liftNullMarkers } from '../../server/runtime/normalize/nullable-member.js';
import { allowNull } from '../../server/runtime/normalize/nullable.js';
import { allOfAdmitsNull } from '../../server/runtime/normalize/object-without-type.js';
import { refTargetObject } from '../../server/runtime/contract/pointer.js';
import { walkDocument, type Json } from '../../server/runtime/normalize/walk.js';

export function applyTypeRules(document: Json): void {
  const original = structuredClone(document);
  const resolve = (ref: string) => refTargetObject(original, ref);
  walkDocument(document, {
    schema(schema) {
      liftNullMarkers(schema);
      if (typeof schema.$ref === 'string' && schema.nullable === true) {
        allowNull(schema);
        delete schema.nullable;
      }
      // openapi-typescript reads `nullable` in either version, after intersecting the members.
      if (allOfAdmitsNull(schema, resolve)) schema.nullable = true;
      if ('discriminator' in schema && (Array.isArray(schema.oneOf) || Array.isArray(schema.anyOf)) && !exactBranches(schema, resolve)) {
        delete schema.discriminator;
      }
    },
  });
}
