// The validator's copy of the contract, normalised around known express-openapi-validator bugs.
// The served /openapi.json is never normalised.
import type { Document } from './contract.js';

/** The normalised copy, and one line per change for the start-up log. */
export interface Normalized {
  document: Document;
  changes: string[];
}

/**
 * Rules:
 * - A `oneOf`/`anyOf` of `$ref`s with a `discriminator` becomes one `if/then` per discriminator
 *   value: the value picks the branch, as the discriminator declares, so a bad `dog` is reported
 *   with the Dog schema's errors only, not every branch's. express-openapi-validator's own
 *   discriminator support compiles the wrong branch for every mapping entry after the first
 *   (its pre-processor leaks the previous branch's properties), rejecting valid bodies.
 * - Any other `discriminator` is removed: OpenAPI says it never changes whether a value is valid.
 * - `example` and `examples` are removed: they never change whether a value is valid, and
 *   ajv reads an `id` inside an example as a schema id, so two examples with `"id": "v2.0"`
 *   made every request fail with "resolves to more than one schema".
 * - A media type without `schema` gets `{}`: no schema means any value, but the validator
 *   answers a declared status whose media type has no schema with "no schema defined".
 * - OpenAPI 3.0 `nullable: true` without `type` (common in real contracts) makes the validator
 *   fail every request of the operation ("nullable" cannot be used without "type"). Alone, it
 *   adds nothing to a schema that already allows any value, and is dropped; beside `$ref`,
 *   `allOf`, `oneOf` or `anyOf` it becomes `anyOf: [<the schema>, {enum: [null]}]`, which is what
 *   the author meant.
 */
export function normalizeForValidator(doc: Document): Normalized {
  const document = structuredClone(doc);
  const changes: string[] = [];
  walk(document, '', '', changes, doc.openapi.startsWith('3.0'));
  return { document, changes };
}

/** Objects whose keys are names (a property called `example`), not keywords. */
const NAMED_MAPS = new Set([
  'properties', 'patternProperties', '$defs', 'definitions', 'schemas', 'responses', 'parameters', 'headers',
  'requestBodies', 'securitySchemes', 'links', 'callbacks', 'content', 'paths', 'encoding', 'mapping',
  'variables', 'pathItems', 'webhooks', 'examples',
]);

function walk(node: unknown, pointer: string, parentKey: string, changes: string[], openapi30: boolean): void {
  if (Array.isArray(node)) {
    node.forEach((item, i) => walk(item, `${pointer}/${i}`, '', changes, openapi30));
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  const obj = node as Record<string, unknown>;
  if (!NAMED_MAPS.has(parentKey)) {
    delete obj.example;
    delete obj.examples;
  }
  if (parentKey === 'content') {
    for (const [mediaType, media] of Object.entries(obj)) {
      if (typeof media === 'object' && media !== null && !('schema' in media)) {
        (media as Record<string, unknown>).schema = {};
        changes.push(`${pointer}/${mediaType.replace(/~/g, '~0').replace(/\//g, '~1')}: no schema, validated as any value`);
      }
    }
  }
  if (isDiscriminator(obj.discriminator)) {
    rewriteDiscriminated(obj);
    changes.push(`${pointer}: discriminator checked as if/then per value`);
  }
  if (openapi30 && obj.nullable === true && obj.type === undefined) {
    rewriteUntypedNullable(obj);
    changes.push(`${pointer}: nullable without type made explicit`);
  }
  for (const [key, value] of Object.entries(obj)) walk(value, `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`, key, changes, openapi30);
}

function rewriteUntypedNullable(schema: Record<string, unknown>): void {
  delete schema.nullable;
  const composed = ['$ref', 'allOf', 'oneOf', 'anyOf'].filter((k) => k in schema);
  if (composed.length === 0) return;
  const inner: Record<string, unknown> = {};
  for (const key of composed) {
    inner[key] = schema[key];
    delete schema[key];
  }
  schema.anyOf = [inner, { enum: [null] }];
}

interface Discriminator {
  propertyName: string;
  mapping?: Record<string, string>;
}

function isDiscriminator(value: unknown): value is Discriminator {
  return typeof value === 'object' && value !== null && typeof (value as Discriminator).propertyName === 'string';
}

function rewriteDiscriminated(schema: Record<string, unknown>): void {
  const { propertyName, mapping = {} } = schema.discriminator as Discriminator;
  delete schema.discriminator;
  const key = Array.isArray(schema.oneOf) ? 'oneOf' : Array.isArray(schema.anyOf) ? 'anyOf' : null;
  if (!key) return;
  const branches = schema[key] as { $ref?: unknown }[];
  if (!branches.every((b) => typeof b.$ref === 'string')) return;
  // Discriminator values per branch: from the mapping (a $ref or a bare schema name), else the
  // branch's schema name (the implicit mapping).
  const valuesOf = (ref: string): string[] => {
    const name = ref.split('/').pop() ?? ref;
    const mapped = Object.entries(mapping)
      .filter(([, target]) => target === ref || target === name)
      .map(([value]) => value);
    return mapped.length > 0 ? mapped : [name];
  };
  const cases = branches.map((branch) => ({ values: valuesOf(branch.$ref as string), branch }));
  delete schema[key];
  const allValues = cases.flatMap((c) => c.values);
  const selector = (values: string[]) => ({ required: [propertyName], properties: { [propertyName]: { enum: values } } });
  schema.allOf = [
    ...((schema.allOf as unknown[] | undefined) ?? []),
    { type: 'object', ...selector(allValues) },
    ...cases.map(({ values, branch }) => ({ if: selector(values), then: branch })),
  ];
}
