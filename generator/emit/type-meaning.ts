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
// - An example or description that holds a `$ref` to a file (left unbundled: data or text, never a
//   schema) is dropped: openapi-typescript would try to read the file and stop the whole
//   conversion. Types never depend on them.
// - An object without `type` is already an object to openapi-typescript, as to the validator
//   (object-without-type.ts), except an `allOf` member beside a member that admits null: there the
//   validator admits null, and an allOf that admits null as a whole is `T | null` here too
//   (openapi-typescript intersects `X | null` with the other members and loses the null).
// - A boolean subschema (3.1) where openapi-typescript expects an object (`allOf: [true]`, a `$defs`
//   entry: it throws "Cannot use 'in' operator … in true") is `{}` for `true` and `{not: {}}` for
//   `false`, typed `unknown`: wider, never narrower. Where it reads booleans itself (`properties`,
//   `items`, `anyOf`, …) they are left as written, typed exactly.
// - A streamed media type (`itemSchema` of SSE, JSON Lines, json-seq: plan/items.ts) is typed as
//   one item, which openapi-typescript knows nothing of: its `schema` becomes the item schema, and
//   an event's JSON `data` the value it carries (event-data.ts). The handler types (operations.ts)
//   make a stream of it.
import { exactBranches } from '../../server/runtime/normalize/discriminator.js';
import { decodedEvent } from '../../server/runtime/normalize/event-data.js';
import { itemShapeOf } from '../../server/runtime/plan/items.js';
import { liftNullMarkers } from '../../server/runtime/normalize/nullable-member.js';
import { allowNull } from '../../server/runtime/normalize/nullable.js';
import { allOfAdmitsNull } from '../../server/runtime/normalize/object-without-type.js';
import { childOf, isInternalRef, refTargetObject, unescapeSegment, valueAt } from '../../server/runtime/contract/pointer.js';
import { isObject, walkDocument, type Json } from '../../server/runtime/normalize/walk.js';

export function applyTypeRules(document: Json): void {
  const original = structuredClone(document);
  const resolve = (ref: string) => refTargetObject(original, ref);
  if (isObject(document.components) && holdsFileRef(document.components.examples)) delete document.components.examples;
  walkDocument(document, {
    parameter: dropFileRefData,
    header: dropFileRefData,
    mediaType(media, pointer) {
      dropFileRefData(media);
      const item = itemShapeOf(unescapeSegment(pointer.slice(pointer.lastIndexOf('/') + 1)), media, pointer);
      if (item) media.schema = structuredClone(item.kind === 'event-stream' ? decodedEvent(item.schema, resolve, new Set()) : item.schema);
    },
    schema(schema) {
      dropFileRefData(schema);
      objectForBooleans(schema);
      if (typeof schema.$ref === 'string' && (!isInternalRef(schema.$ref) || valueAt(original, schema.$ref) === undefined)) delete schema.$ref;
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

/**
 * Each schema at `pointers` (as written) becomes `{}`, typed `unknown`: what is left of a schema
 * that cannot be typed exactly (it stops openapi-typescript, or its type does not compile). Wider
 * than the validator, never narrower: a handler may have to check the value, never cast it.
 */
export function widenSchemas(document: Json, pointers: readonly string[]): void {
  for (const pointer of pointers) {
    // Pointers as the walker writes them: escaped, never percent-encoded.
    const segments = pointer.split('/').slice(1).map(unescapeSegment);
    const parent = segments.slice(0, -1).reduce<unknown>((value, segment) => childOf(value, segment), document);
    if (typeof parent === 'object' && parent !== null) (parent as Record<string, unknown>)[segments[segments.length - 1]!] = {};
  }
}

/** Keywords whose boolean subschemas openapi-typescript cannot read. */
const BOOLEAN_AS_OBJECT = ['allOf', '$defs', 'definitions'];

function objectForBooleans(schema: Json): void {
  for (const key of BOOLEAN_AS_OBJECT) {
    const held = schema[key];
    if (!isObject(held) && !Array.isArray(held)) continue;
    for (const [name, sub] of Object.entries(held)) if (typeof sub === 'boolean') (held as Record<string, unknown>)[name] = sub ? {} : { not: {} };
  }
}

/** Members that hold data or text, never a schema: openapi-typescript types none of them. */
const DATA = ['example', 'examples', 'description'];

function dropFileRefData(node: Json): void {
  for (const key of DATA) if (holdsFileRef(node[key])) delete node[key];
}

/** True when `value` holds a `$ref` that is not a pointer into this document. */
export function holdsFileRef(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(holdsFileRef);
  if (!isObject(value)) return false;
  if (typeof value.$ref === 'string' && !value.$ref.startsWith('#')) return true;
  return Object.values(value).some(holdsFileRef);
}
