// Form and multipart fields arrive as strings; the contract may say integer, number or boolean.
// They are coerced here, by the schema's top-level property types, just before request
// validation. JSON bodies are never coerced: `{"age": "5"}` for an integer is a client error.
// The plan per route is built once at start-up; other requests cost one Map lookup.
import type { Request, RequestHandler } from 'express';
import type { RouteBinding } from './api.js';
import { deref, type Document } from './contract.js';

const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data'];

type Scalar = 'integer' | 'number' | 'boolean';
interface FieldPlan {
  type: Scalar | 'array';
  /** For arrays: how to coerce each item; undefined keeps items as strings. */
  items?: Scalar;
}
type Plan = Map<string, FieldPlan>;

export function formCoercion(doc: Document, routes: readonly RouteBinding[]): RequestHandler {
  const plans = new Map<RouteBinding, Map<string, Plan>>();
  for (const route of routes) {
    const op = deref(doc, deref(doc, doc.paths?.[route.path])?.[route.method]);
    const content = deref<{ content?: Record<string, { schema?: unknown }> }>(doc, op?.requestBody)?.content ?? {};
    const byMediaType = new Map<string, Plan>();
    for (const media of FORM_TYPES) {
      const plan = planFor(doc, content[media]?.schema);
      if (plan.size > 0) byMediaType.set(media, plan);
    }
    if (byMediaType.size > 0) plans.set(route, byMediaType);
  }
  return (req: Request, res, next) => {
    const byMediaType = plans.get(res.locals.route as RouteBinding);
    if (!byMediaType || typeof req.body !== 'object' || req.body === null) return next();
    const media = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    const plan = byMediaType.get(media);
    if (plan) coerceFields(req.body as Record<string, unknown>, plan);
    next();
  };
}

/**
 * The properties a form body may have, gathered through allOf/oneOf/anyOf (a multipart body is
 * often a oneOf of allOfs). Where branches disagree on a property, the first one found is used:
 * coercion only turns strings that read as numbers or booleans into them; validation decides.
 */
function propertiesOf(doc: Document, rawSchema: unknown, into: Map<string, unknown> = new Map(), depth = 0): Map<string, unknown> {
  const schema = deref<{ properties?: Record<string, unknown>; allOf?: unknown[]; oneOf?: unknown[]; anyOf?: unknown[] }>(doc, rawSchema);
  if (!schema || depth > 16) return into;
  for (const [name, prop] of Object.entries(schema.properties ?? {})) if (!into.has(name)) into.set(name, prop);
  for (const branch of [...(schema.allOf ?? []), ...(schema.oneOf ?? []), ...(schema.anyOf ?? [])]) propertiesOf(doc, branch, into, depth + 1);
  return into;
}

function planFor(doc: Document, rawSchema: unknown): Plan {
  const plan: Plan = new Map();
  for (const [name, raw] of propertiesOf(doc, rawSchema)) {
    const prop = deref<{ type?: unknown; items?: unknown }>(doc, raw);
    const type = scalarType(prop?.type);
    if (type) plan.set(name, { type });
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

function coerceFields(body: Record<string, unknown>, plan: Plan): void {
  for (const [name, field] of plan) {
    const value = body[name];
    if (field.type === 'array') {
      const list = Array.isArray(value) ? value : typeof value === 'string' ? [value] : null;
      if (list) body[name] = field.items ? list.map((v) => coerce(v, field.items!)) : list;
    } else if (typeof value === 'string') {
      body[name] = coerce(value, field.type);
    }
  }
}

/** A string that does not read as the type stays a string, so validation reports it. */
function coerce(value: unknown, type: Scalar): unknown {
  if (typeof value !== 'string') return value;
  if (type === 'boolean') return value === 'true' ? true : value === 'false' ? false : value;
  if (value.trim() === '') return value;
  const n = Number(value);
  if (Number.isNaN(n) || (type === 'integer' && !Number.isInteger(n))) return value;
  return n;
}
