// `exclusiveMinimum`/`exclusiveMaximum` changed shape between the dialects: a boolean modifying
// `minimum` in 3.0 (JSON Schema draft 4), a number of its own in 3.1 (2020-12). Contracts mix them,
// and ajv refuses the other dialect's form. Each is rewritten to its own dialect's form with the
// same bounds; the types (plain `number`) never depended on them.
import type { Dialect, SchemaRule } from './change.js';
import type { Json } from './walk.js';

const BOUNDS = [
  { bound: 'minimum', exclusive: 'exclusiveMinimum', stricter: (a: number, b: number) => a >= b },
  { bound: 'maximum', exclusive: 'exclusiveMaximum', stricter: (a: number, b: number) => a <= b },
] as const;

export const exclusiveBounds: SchemaRule = (schema, pointer, { dialect, record }) => {
  for (const { bound, exclusive, stricter } of BOUNDS) {
    const message = rewrite(schema, dialect, bound, exclusive, stricter);
    if (message) record(pointer, 'exclusive-bounds', message);
  }
};

function rewrite(schema: Json, dialect: Dialect, bound: string, exclusive: string, stricter: (a: number, b: number) => boolean): string | null {
  const value = schema[exclusive];
  const limit = schema[bound];
  if (typeof value === 'boolean') {
    if (value && typeof limit === 'number') {
      if (dialect === '3.0') return null;
      schema[exclusive] = limit;
      delete schema[bound];
      return `${bound}: ${limit} with ${exclusive}: true (3.0 form) written as ${exclusive}: ${limit}, the 3.1 form`;
    }
    if (dialect === '3.0' && !value) return null;
    delete schema[exclusive];
    return value
      ? `${exclusive}: true without ${bound} removed: it bounds nothing, and ajv cannot compile it`
      : `${exclusive}: false (3.0 form) removed: it is the default`;
  }
  if (typeof value === 'number' && dialect === '3.0') {
    delete schema[exclusive];
    if (typeof limit === 'number' && !stricter(value, limit)) {
      return `${exclusive}: ${value} (3.1 form) removed: ${bound}: ${limit} is stricter`;
    }
    schema[bound] = value;
    schema[exclusive] = true;
    return `${exclusive}: ${value} (3.1 form) written as ${bound}: ${value} with ${exclusive}: true, the 3.0 form`;
  }
  return null;
}
