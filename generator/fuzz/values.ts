// Values for the fuzzer as fast-check arbitraries. Schema-valid values come from json-schema-faker
// (the JSON-Schema-to-data generator the ecosystem keeps up: every keyword of 2020-12, formats,
// patterns, `$ref`s), driven by what fast-check chooses: the generator's seed, how many array
// items, how long strings may be and whether optional properties appear. Shrinking walks those
// choices down (no optional properties, empty arrays, short strings, seed 0), so a failure ends
// at the smallest request that still fails.
// Invalid values are fast-check's own JSON values and mutations of valid ones, kept only when the
// oracle says they break the schema. Never loops: a value that cannot be found is `UNUSABLE`, and
// the run that drew it is skipped.
import fc from 'fast-check';
import { generateSync } from 'json-schema-faker';
import type { Oracle } from './oracle.js';
import { schemaType } from '../requests/operation-inputs.js';

export const UNUSABLE = Symbol('specfirst.fuzz.unusable');

/** Values the schema at `pointer` accepts (as the oracle judges). */
export function validValue(oracle: Oracle, pointer: string): fc.Arbitrary<unknown> {
  const root = { ...oracle.doc, $ref: `#${pointer}` } as Parameters<typeof generateSync>[0];
  const choices = { seed: fc.nat({ max: 0x7fffffff }), items: fc.nat({ max: 4 }), length: fc.nat({ max: 40 }), optionals: fc.boolean() };
  return fc.record(choices).map(({ seed, items, length, optionals }) => {
    // The generator does not promise validity (`oneOf` branches that overlap, `minProperties`
    // without optional properties, a date cut short): try a few seeds, the later ones freer.
    for (let attempt = 0; attempt < 8; attempt++) {
      const options = {
        seed: seed + attempt,
        maxItems: items,
        maxLength: attempt < 4 ? length : undefined,
        optionalsProbability: optionals || attempt >= 2 ? 0.5 : 0,
        alwaysFakeOptionals: attempt >= 6,
        maxDepth: 4,
        useDefaultValue: false,
        useExamplesValue: false,
      };
      try {
        const value = generateSync(root, options);
        if (oracle.errors(pointer, value).length === 0) return value;
      } catch {
        // e.g. `minProperties` that the optional properties left out cannot meet: try again
      }
    }
    return UNUSABLE;
  });
}

/** Values that break the schema at `pointer`: a valid value with one part changed, or any JSON value. */
export function invalidValue(oracle: Oracle, pointer: string): fc.Arbitrary<unknown> {
  return fc
    .tuple(validValue(oracle, pointer), fc.nat(), fc.jsonValue({ maxDepth: 1 }), fc.constantFrom('set', 'drop', 'add'), fc.jsonValue({ maxDepth: 2 }))
    .map(([valid, which, replacement, how, other]) => {
      const candidates = [...(valid === UNUSABLE ? [] : [mutate(valid, which, replacement, how)]), other, ...FALLBACKS];
      return candidates.find((v) => oracle.errors(pointer, v).length > 0) ?? UNUSABLE;
    });
}

/**
 * Parameter text the schema refuses once read as the schema's type: a valid value's text with a
 * character or two around or inside it (` 2`, `+2`, `0x2`, `2,`), or any short text or number.
 */
export function invalidParameterText(oracle: Oracle, pointer: string, schema: Record<string, unknown> | undefined, usable: (text: string) => boolean): fc.Arbitrary<string | typeof UNUSABLE> {
  const near = fc.tuple(validValue(oracle, pointer), fc.constantFrom(...TWISTS), fc.constantFrom(' ', '\t', '+', '0x', '.', ',', '-', 'e', '%20', '\u0663'));
  return fc.tuple(near, fc.string({ maxLength: 8 }), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true })).map(([[valid, twist, piece], text, int, double]) => {
    const twisted = valid === UNUSABLE ? [] : [twist(asText(valid), piece)];
    const candidates = [...twisted, text, String(int), String(double), ...TEXT_FALLBACKS];
    return candidates.find((t) => usable(t) && oracle.errors(pointer, readAs(schema, t)).length > 0) ?? UNUSABLE;
  });
}

const TWISTS: ((text: string, piece: string) => string)[] = [
  (text, piece) => piece + text,
  (text, piece) => text + piece,
  (text, piece) => `${text.slice(0, 1)}${piece}${text.slice(1)}`,
  (text) => (/^\d+$/.test(text) ? `0x${Number(text).toString(16)}` : text.toUpperCase()),
];

function asText(value: unknown): string {
  return typeof value === 'string' ? value : Array.isArray(value) ? value.map(asText).join(',') : JSON.stringify(value);
}

/** Whether anything at all is refused at `pointer` (a schema of `{}` refuses nothing). */
export function canBreak(oracle: Oracle, pointer: string, asText?: Record<string, unknown> | undefined): boolean {
  return asText !== undefined ? TEXT_FALLBACKS.some((t) => oracle.errors(pointer, readAs(asText, t)).length > 0) : FALLBACKS.some((v) => oracle.errors(pointer, v).length > 0);
}

const FALLBACKS: unknown[] = ['specfirst', -1, 0.5, null, true, {}, [], { specfirst_fuzz: 1 }, 'x'.repeat(300)];
const TEXT_FALLBACKS = ['specfirst', '-1', '0.5', '', 'true', '2024-02-30', 'x'.repeat(300)];

function mutate(value: unknown, which: number, replacement: unknown, how: 'drop' | 'set' | 'add'): unknown {
  if (value === null || typeof value !== 'object') return replacement;
  if (Array.isArray(value)) {
    if (value.length === 0 || how === 'add') return [...value, replacement];
    const copy = [...value];
    if (how === 'drop') copy.splice(which % copy.length, 1);
    else copy[which % copy.length] = replacement;
    return copy;
  }
  const keys = Object.keys(value);
  if (keys.length === 0 || how === 'add') return { ...value, specfirst_fuzz: replacement };
  const key = keys[which % keys.length]!;
  const copy = { ...(value as Record<string, unknown>) };
  if (how === 'drop') delete copy[key];
  else copy[key] = replacement;
  return copy;
}

/** A parameter's text as a typed value, the way OpenAPI servers read it (for the oracle only). */
export function readAs(schema: Record<string, unknown> | undefined, text: string): unknown {
  const type = schemaType(schema);
  if ((type === 'integer' || type === 'number') && /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(text)) return Number(text);
  if (type === 'boolean' && (text === 'true' || text === 'false')) return text === 'true';
  if (type === 'array') return text === '' ? [] : text.split(',').map((t) => readAs(schema?.items as Record<string, unknown> | undefined, t));
  return text;
}
