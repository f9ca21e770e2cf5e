// A form or multipart body's string fields coerced as the operation's form plan says
// (plan/form-plan.ts), just before request validation. A string that does not read as its type
// stays a string, so validation reports it. JSON bodies are never coerced: `{"age": "5"}` for an
// integer is a client error.
import { BodyError } from '../errors.js';
import type { FormPlan, Scalar } from '../plan/form-plan.js';
import { parseJson } from './json-text.js';

export function coerceFormFields(body: Record<string, unknown>, plan: FormPlan): void {
  for (const [name, field] of plan) {
    const value = body[name];
    if (field.type === 'array') {
      const list = Array.isArray(value) ? value : typeof value === 'string' ? [value] : null;
      if (list) body[name] = field.items ? list.map((v) => coerce(v, field.items!)) : list;
    } else if (field.type === 'json') {
      if (typeof value === 'string') body[name] = parsedOr(value);
    } else if (typeof value === 'string') {
      body[name] = coerce(value, field.type);
    }
  }
}

/**
 * JSON text as its value; text that is not JSON stays text, so validation reports it. JSON too
 * deep or with integers beyond 2^53 is refused as it is in a JSON body (json-text.ts).
 */
function parsedOr(value: string): unknown {
  try {
    return parseJson(value);
  } catch (error) {
    if (error instanceof BodyError && error.code === 'parse') return value;
    throw error;
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
