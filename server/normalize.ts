// The validator's copy of the contract, normalised around known express-openapi-validator bugs.
// The served /openapi.json is never normalised.
import type { Document } from './contract.js';

/**
 * Rules:
 * - A `oneOf`/`anyOf` of `$ref`s with a `discriminator` becomes one `if/then` per discriminator
 *   value: the value picks the branch, as the discriminator declares, so a bad `dog` is reported
 *   with the Dog schema's errors only, not every branch's. express-openapi-validator's own
 *   discriminator support compiles the wrong branch for every mapping entry after the first
 *   (its pre-processor leaks the previous branch's properties), rejecting valid bodies.
 * - Any other `discriminator` is removed: OpenAPI says it never changes whether a value is valid.
 */
export function normalizeForValidator(doc: Document): Document {
  const copy = structuredClone(doc);
  walk(copy);
  return copy;
}

function walk(node: unknown): void {
  if (Array.isArray(node)) {
    for (const item of node) walk(item);
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  const obj = node as Record<string, unknown>;
  if (isDiscriminator(obj.discriminator)) rewriteDiscriminated(obj);
  for (const value of Object.values(obj)) walk(value);
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
