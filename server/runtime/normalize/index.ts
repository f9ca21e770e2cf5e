// The validator's copy of the contract: every schema rewritten into what ajv (as
// express-openapi-validator configures it: draft-04 for 3.0, 2020-12 for 3.1, unicode patterns)
// compiles, with the meaning the generated TypeScript types already give it. One file per rule;
// each changes only what ajv (or express-openapi-validator around it) cannot take as written, or
// where it would disagree with the types (generator/emit/type-meaning.ts applies the same rules there).
// The served /openapi.json is never normalised, and the input document is never modified.
import type { Document } from '../contract/document.js';
import { acceptReserved } from './allow-reserved.js';
import type { Change, Dialect, RuleContext, SchemaRule } from './change.js';
import { discriminator } from './discriminator.js';
import { dynamicRefPointer } from './dynamic-ref.js';
import { emptyEnum } from './empty-enum.js';
import { decodeEventData } from './event-data.js';
import { removeExamples } from './examples.js';
import { exclusiveBounds } from './exclusive-bounds.js';
import { dropIgnoredHeaders } from './ignored-headers.js';
import { addMissingSchema } from './media-type-schema.js';
import { nullInEnum } from './null-in-enum.js';
import { nullable } from './nullable.js';
import { nullableMember } from './nullable-member.js';
import { objectWithoutType } from './object-without-type.js';
import { dropReadWriteMarkers } from './parameter-read-write.js';
import { pattern } from './pattern.js';
import { prefixItemsApart } from './prefix-items.js';
import { protoProperty } from './proto-property.js';
import { unevaluatedItems, unevaluatedProperties } from './unevaluated.js';
import { refTargetObject } from '../contract/pointer.js';
import { indexPointers, walkDocument, type Json } from './walk.js';

export type { Change } from './change.js';

/** The normalised copy, and one entry per change for the start-up log. */
export interface Normalized {
  document: Document;
  changes: Change[];
}

/**
 * In this order on every schema, before the walker looks inside it: a `{nullable: true}` member
 * makes its parent nullable before `nullable` is read; an object without type gets its type
 * before `nullable` would remove a `nullable: true` it keeps; null joins an enum before `nullable`
 * is removed from beside it; `nullable` moves a discriminated oneOf into an anyOf before the
 * discriminator is read (whose if/then selectors no type describes). One set per document: the
 * object rule remembers where it is.
 */
const schemaRules = (): SchemaRule[] => [nullableMember, objectWithoutType(), nullInEnum, nullable, emptyEnum, exclusiveBounds, pattern, discriminator, protoProperty, prefixItemsApart, unevaluatedProperties, dynamicRefPointer];

export function normalizeForValidator(doc: Document): Normalized {
  const document = structuredClone(doc) as Json;
  const changes: Change[] = [];
  const context: RuleContext = {
    dialect: dialectOf(doc.openapi),
    // Rules read definitions as the contract wrote them, whatever was already rewritten.
    resolve: (ref) => refTargetObject(doc, ref),
    record: (pointer, rule, message) => void changes.push({ pointer, rule, message }),
  };
  const examples = { count: 0 };
  const reserved = { count: 0 };
  const rules = schemaRules();
  const origins = indexPointers(document);
  walkDocument(
    document,
    {
      pathItem: (item, pointer) => dropIgnoredHeaders(item, pointer, context),
      operation: (operation, pointer) => dropIgnoredHeaders(operation, pointer, context),
      parameter: (parameter, pointer) => {
        removeExamples(parameter, examples);
        acceptReserved(parameter, reserved);
        dropReadWriteMarkers(parameter, pointer, context);
      },
      header: (header, pointer) => {
        removeExamples(header, examples);
        dropReadWriteMarkers(header, pointer, context);
      },
      mediaType: (media, pointer) => {
        removeExamples(media, examples);
        addMissingSchema(media, pointer, context);
        decodeEventData(media, pointer, context);
      },
      schema: (schema, pointer) => {
        removeExamples(schema, examples);
        for (const rule of rules) rule(schema, pointer, context);
      },
    },
    origins,
  );
  // After every other rule: it copies and negates subschemas, which must mean what they came to mean.
  const items = unevaluatedItems(document);
  walkDocument(document, { schema: (schema, pointer) => items(schema, pointer, context) }, origins);
  if (examples.count > 0) {
    changes.push({ pointer: '', rule: 'examples', message: `${examples.count} example/examples removed: they never change validity, and ajv reads ids inside them as schema ids` });
  }
  if (reserved.count > 0) {
    changes.push({ pointer: '', rule: 'allow-reserved', message: `${reserved.count} query parameter(s) accept reserved characters unencoded (allowReserved), as curl and browsers send them` });
  }
  return { document: document as Document, changes };
}

function dialectOf(version: string): Dialect {
  return version.startsWith('3.0') ? '3.0' : '3.1';
}
