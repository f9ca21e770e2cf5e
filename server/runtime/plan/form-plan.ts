// Form and multipart fields arrive as strings; the contract may say integer, number or boolean.
// Which fields to coerce, and to what, is worked out here once per operation at start-up, from
// the schema's property types; request/form-coercion.ts applies it per request.
import type { Document } from '../contract/document.js';
import { deref } from '../contract/pointer.js';

export type Scalar = 'integer' | 'number' | 'boolean';
interface FieldPlan {
  /** `json`: a multipart part holding an object (OpenAPI's default for it is application/json). */
  type: Scalar | 'array' | 'json';
  /** For arrays: how to coerce each item; undefined keeps items as strings. */
  items?: Scalar;
}
/** Field name → how to coerce it; null when no field needs it. */
export type FormPlan = Map<string, FieldPlan>;

/** The coercions a form or multipart body schema needs, worked out once per operation. */
export function formPlanFor(doc: Document, schema: unknown, multipart: boolean): FormPlan | null {
  const plan = planFor(doc, schema, multipart);
  return plan.size > 0 ? plan : null;
}

/**
 * The properties a form body may have, gathered through allOf/oneOf/anyOf/then/else (a multipart body is
 * often a oneOf of allOfs). Where branches disagree on a property, the first one found is used:
 * coercion only turns strings that read as numbers or booleans into them; validation decides.
 */
function propertiesOf(doc: Document, rawSchema: unknown, into: Map<string, unknown> = new Map(), depth = 0): Map<string, unknown> {
  const schema = deref<{ properties?: Record<string, unknown>; allOf?: unknown[]; oneOf?: unknown[]; anyOf?: unknown[]; then?: unknown; else?: unknown }>(doc, rawSchema);
  if (!schema || depth > 16) return into;
  for (const [name, prop] of Object.entries(schema.properties ?? {})) if (!into.has(name)) into.set(name, prop);
  // then/else: the validator's copy checks a discriminated oneOf as if/then per value.
  const branches = [...(schema.allOf ?? []), ...(schema.oneOf ?? []), ...(schema.anyOf ?? []), schema.then, schema.else].filter((b) => b !== undefined);
  for (const branch of branches) propertiesOf(doc, branch, into, depth + 1);
  return into;
}

function planFor(doc: Document, rawSchema: unknown, multipart: boolean): FormPlan {
  const plan: FormPlan = new Map();
  for (const [name, raw] of propertiesOf(doc, rawSchema)) {
    const prop = deref<{ type?: unknown; items?: unknown; properties?: unknown }>(doc, raw);
    const type = scalarType(prop?.type);
    if (type) plan.set(name, { type });
    else if (multipart && (typeOf(prop?.type) === 'object' || (prop?.type === undefined && prop?.properties !== undefined))) plan.set(name, { type: 'json' });
    else if (typeOf(prop?.type) === 'array') {
      // A field sent once is a string; an array field must still reach validation as an array.
      const items = scalarType(deref<{ type?: unknown }>(doc, prop?.items)?.type);
      plan.set(name, items ? { type: 'array', items } : { type: 'array' });
    }
  }
  return plan;
}

function typeOf(type: unknown): string | undefined {
  return Array.isArray(type) ? (type.find((t) => t !== 'null') as string | undefined) : (type as string | undefined);
}

function scalarType(type: unknown): Scalar | undefined {
  const t = typeOf(type);
  return t === 'integer' || t === 'number' || t === 'boolean' ? t : undefined;
}
