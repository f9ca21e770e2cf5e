// Response headers checked against the contract: express-openapi-validator validates response
// bodies only. Each declared header of each declared response gets a validator compiled once, at
// start-up; sending a response runs only the few validators of its status.
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { RouteBinding } from './api.js';
import { deref, type Document } from './contract.js';

interface HeaderRule {
  name: string;
  required: boolean;
  validate: ValidateFunction | null;
}

/** Status key (`200`, `2XX`, `default`) → the declared headers' rules. */
export type HeaderRules = Map<string, HeaderRule[]>;

export function createHeaderCompiler(): (doc: Document, route: RouteBinding) => HeaderRules {
  const ajv = new Ajv({ strict: false, allErrors: true, coerceTypes: false });
  addFormats.default(ajv);
  return (doc, route) => {
    const op = deref(doc, deref(doc, doc.paths?.[route.path])?.[route.method]);
    const responses = (op?.responses ?? {}) as Record<string, unknown>;
    const rules: HeaderRules = new Map();
    for (const [status, raw] of Object.entries(responses)) {
      const headers = deref<{ headers?: Record<string, unknown> }>(doc, raw)?.headers ?? {};
      const list: HeaderRule[] = [];
      for (const [name, rawHeader] of Object.entries(headers)) {
        if (name.toLowerCase() === 'content-type') continue;
        const header = deref<{ required?: boolean; schema?: unknown }>(doc, rawHeader);
        const schema = inline(doc, header?.schema);
        list.push({ name, required: header?.required === true, validate: schema ? ajv.compile(schema) : null });
      }
      if (list.length > 0) rules.set(status, list);
    }
    return rules;
  };
}

/** What is wrong with the headers a handler returned, one sentence each (empty when fine). */
export function headerViolations(rules: readonly HeaderRule[] | undefined, headers: Record<string, unknown> | undefined): string[] {
  if (!rules) return [];
  const given = new Map(Object.entries(headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
  const out: string[] = [];
  for (const rule of rules) {
    const value = given.get(rule.name.toLowerCase());
    if (value === undefined) {
      if (rule.required) out.push(`required header ${rule.name} is missing`);
    } else if (rule.validate && !rule.validate(value)) {
      out.push(`header ${rule.name} ${rule.validate.errors?.map((e) => e.message).join(', ') ?? 'is invalid'}`);
    }
  }
  return out;
}

/** A header schema with its internal `$ref`s replaced by what they point at (headers are small). */
function inline(doc: Document, schema: unknown, depth = 0): object | null {
  const resolved = deref<Record<string, unknown>>(doc, schema);
  if (!resolved || typeof resolved !== 'object' || depth > 16) return null;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(resolved)) {
    out[k] = v && typeof v === 'object' && !Array.isArray(v) ? inline(doc, v, depth + 1) ?? v : v;
  }
  return out;
}
