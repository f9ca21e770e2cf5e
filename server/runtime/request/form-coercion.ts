// A form or multipart body's text fields coerced as the operation's form plan says
// (plan/form-plan.ts), just before request validation. A text becomes the first member type of
// its schema that it reads as exactly: `true`/`false` a boolean, a number an integer or number;
// a string member keeps the text (if it lists values, only those). Forms cannot say null: an empty
// text or the text `null` is null where the schema allows null and has no string member (where it
// has one, the text is a valid string as sent). Text that reads as no member stays text, so
// validation reports it. JSON bodies are never coerced: `{"age": "5"}` for an integer is a client error.
import { BodyError } from '../errors.js';
import type { FormPlan, Member, Scalar } from '../plan/form-plan.js';
import { parseJson } from './json-text.js';

export function coerceFormFields(body: Record<string, unknown>, plan: FormPlan): void {
  for (const [name, field] of plan) {
    const value = body[name];
    if (field.type === 'array') {
      const list = Array.isArray(value) ? value : typeof value === 'string' ? [value] : null;
      if (list) body[name] = field.members ? list.map((v) => coerceText(v, field.members!)) : list;
    } else if (field.type === 'json') {
      if (typeof value === 'string') body[name] = parsedOr(value);
    } else if (field.members) {
      body[name] = coerceText(value, field.members);
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

/** The value of the first member the text reads as; the text itself when it reads as none. */
function coerceText(value: unknown, members: readonly Member[]): unknown {
  if (typeof value !== 'string') return value;
  const hasString = members.some((m) => m.type === 'string');
  for (const member of members) {
    if (member.type === 'string') {
      if (!('values' in member) || member.values === undefined || member.values.includes(value)) return value;
    } else if (member.type === 'null') {
      if (!hasString && (value === '' || value === 'null')) return null;
    } else {
      const read = readScalar(value, member.type);
      if (read !== undefined) return read;
    }
  }
  return value;
}

/** What the text says as the type, undefined when it does not read as one. */
function readScalar(value: string, type: Scalar): boolean | number | undefined {
  if (type === 'boolean') return value === 'true' ? true : value === 'false' ? false : undefined;
  if (value.trim() === '') return undefined;
  const n = Number(value);
  if (Number.isNaN(n) || (type === 'integer' && !Number.isInteger(n))) return undefined;
  return n;
}
