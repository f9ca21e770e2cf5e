// Every format function the validators check values with, in one object: express-openapi-validator's
// OpenAPI formats (int32, int64, float, double, byte, binary, password), overridden by ajv-formats'
// full set, overridden by ours (date-formats.ts) — the order in which the factory adds them, later
// ones winning. Validators compiled at run time get them added one by one; validators written out
// by `specfirst build` (precompiled.ts) reach them as `formats["name"]`, this very object, so both
// check a format with the same function. Loading it never loads ajv.
import { fullFormats } from 'ajv-formats/dist/formats.js';
import { formats as openApiFormats } from 'express-openapi-validator/dist/framework/ajv/formats.js';
import { dateFormats } from './date-formats.js';

/** A format as ajv takes it: a function, a regular expression, or a definition with `validate`. */
export type FormatDefinition = ((value: never) => boolean) | RegExp | { validate: unknown; type?: string; compare?: unknown; async?: boolean };

/** Format name → its check, as every validator instance has them. */
export const validatorFormats: Readonly<Record<string, FormatDefinition>> = Object.freeze({
  ...(openApiFormats as Record<string, FormatDefinition>),
  ...(fullFormats as Record<string, FormatDefinition>),
  ...dateFormats,
});

/** The name standalone code gives the object above (precompiled.ts passes it under that name). */
export const FORMATS_NAME = 'formats';
