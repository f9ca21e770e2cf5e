// JSON text a client sent, parsed as sent but only once it is safe to: nesting deeper than
// MAX_JSON_DEPTH is refused before parsing, and an integer a JavaScript number cannot hold exactly
// is refused after, never rounded. Used for JSON bodies and for multipart parts holding JSON.
import { BodyError } from '../errors.js';

/** Integer literals of 16 or more digits: only these can be beyond 2^53. */
const LONG_DIGITS = /\d{16,}/;

/**
 * Arrays and objects nested deeper than this are refused before parsing: no contract needs
 * them, JSON.parse takes seconds over a megabyte of `[[[[…`, and validators and serialisers
 * recurse (a stack overflow would be a 500).
 */
export const MAX_JSON_DEPTH = 256;

/** The value of JSON text; a BodyError (400: `depth`, `parse`, `integer-precision`) when it cannot be taken. */
export function parseJson(source: string): unknown {
  if (nestsDeeperThan(source, MAX_JSON_DEPTH)) {
    throw new BodyError(400, `The body nests arrays and objects more than ${MAX_JSON_DEPTH} levels deep`, 'depth');
  }
  let value: unknown;
  try {
    value = JSON.parse(source);
  } catch (error) {
    throw new BodyError(400, `The body is not valid JSON: ${(error as Error).message}`, 'parse');
  }
  if (LONG_DIGITS.test(source)) {
    const inexact = inexactInteger(source);
    if (inexact) {
      throw new BodyError(400, `The number ${inexact} is an integer beyond ±(2^53 − 1), which JSON numbers here cannot carry exactly: send it as a string`, 'integer-precision');
    }
  }
  return value;
}

/** Whether JSON text opens more than `max` arrays or objects inside each other (strings skipped). */
function nestsDeeperThan(source: string, max: number): boolean {
  if (source.length <= max) return false;
  let depth = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c === 0x22) {
      // a string: skip to its closing quote, stepping over escapes
      for (i++; i < source.length; i++) {
        const d = source.charCodeAt(i);
        if (d === 0x5c) i++;
        else if (d === 0x22) break;
      }
    } else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}

/** The first integer literal outside strings that a JavaScript number cannot hold exactly. */
function inexactInteger(source: string): string | null {
  const token = /"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g;
  for (let m = token.exec(source); m; m = token.exec(source)) {
    const t = m[0];
    if (t.startsWith('"') || /[.eE]/.test(t) || t.replace('-', '').length < 16) continue;
    if (!Number.isSafeInteger(Number(t))) return t;
  }
  return null;
}
