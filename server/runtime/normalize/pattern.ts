// `pattern` (and `patternProperties` keys) are ECMA-262 regular expressions, and contracts write them
// for the web's default, non-Unicode mode: `^[a-z\-\:]+$` escapes characters that need no escape.
// ajv compiles patterns with the `u` flag, where such identity escapes are syntax errors, and the
// operation fails to compile. A pattern that does not compile under `u` is rewritten, piece by
// piece, to what it already meant without the flag (`\:` is `:`, a lone `{` is `\{`, `\07` is
// `\x07`, …); one that compiles is never touched, and one that still fails is left as written (the
// runtime keeps it away from every other operation).
import type { SchemaRule } from './change.js';
import { isObject } from './walk.js';

export const pattern: SchemaRule = (schema, pointer, { record }) => {
  if (typeof schema.pattern === 'string') {
    const rewritten = unicodePattern(schema.pattern);
    if (rewritten !== undefined && rewritten !== schema.pattern) {
      record(pointer, 'pattern', `pattern ${JSON.stringify(schema.pattern)} written as ${JSON.stringify(rewritten)}: the same ECMA-262 meaning, valid with the u flag ajv uses`);
      schema.pattern = rewritten;
    }
  }
  if (isObject(schema.patternProperties)) {
    const entries = Object.entries(schema.patternProperties).map(([key, value]) => {
      const rewritten = unicodePattern(key);
      if (rewritten === undefined || rewritten === key) return [key, value] as const;
      record(pointer, 'pattern', `patternProperties key ${JSON.stringify(key)} written as ${JSON.stringify(rewritten)}: the same ECMA-262 meaning, valid with the u flag ajv uses`);
      return [rewritten, value] as const;
    });
    schema.patternProperties = Object.fromEntries(entries);
  }
};

function compiles(source: string, flags: string): boolean {
  try {
    new RegExp(source, flags);
    return true;
  } catch {
    return false;
  }
}

/**
 * The pattern as it reads with the `u` flag: itself when it compiles so, the rewrite when that
 * compiles, undefined when nothing does.
 */
export function unicodePattern(source: string): string | undefined {
  if (compiles(source, 'u')) return source;
  if (!compiles(source, '')) return undefined;
  const rewritten = rewrite(source);
  return compiles(rewritten, 'u') ? rewritten : undefined;
}

/** Characters that keep their escape under `u` everywhere. */
const SYNTAX = new Set('^$\\.*+?()[]{}|/');
/** Escapes with a meaning of their own in both modes. */
const CHARACTER_ESCAPES = new Set('dDwWsSbBfnrtv');
const CLASS_ESCAPE = /^\\[dDwWsS]/;
const QUANTIFIER = /^\{\d+(,\d*)?\}/;

/** Rewrites the constructs that Annex B (web compatibility) allows only without the `u` flag. */
function rewrite(source: string): string {
  const groups = countGroups(source);
  const named = /\(\?<[^=!]/.test(source);
  let out = '';
  let inClass = false;
  let i = 0;
  while (i < source.length) {
    const ch = source[i]!;
    if (ch === '\\') {
      const [text, length] = escape(source, i, inClass, groups, named);
      out += text;
      i += length;
      continue;
    }
    if (inClass) {
      if (ch === ']') inClass = false;
      // A range with a class escape at one end (`[\w-.]`) is a literal `-` without `u`.
      else if (ch === '-' && (CLASS_ESCAPE.test(source.slice(i + 1)) || /\\[dDwWsS]$/.test(out)) && source[i + 1] !== ']') {
        out += '\\-';
        i += 1;
        continue;
      }
      out += ch;
      i += 1;
      continue;
    }
    if (ch === '[') {
      inClass = true;
      out += ch;
      i += 1;
      if (source[i] === '^') (out += '^'), (i += 1);
      continue;
    }
    if (ch === '{') {
      const quantifier = QUANTIFIER.exec(source.slice(i));
      if (quantifier) {
        out += quantifier[0];
        i += quantifier[0].length;
        continue;
      }
      out += '\\{';
      i += 1;
      continue;
    }
    if (ch === '}' || ch === ']') {
      out += `\\${ch}`;
      i += 1;
      continue;
    }
    out += ch;
    i += 1;
  }
  return out;
}

/** One escape sequence at `source[i]` (a backslash): its `u`-valid spelling and its length. */
function escape(source: string, i: number, inClass: boolean, groups: number, named: boolean): [string, number] {
  const next = source[i + 1];
  if (next === undefined) return ['\\', 1];
  const rest = source.slice(i + 2);
  if (CHARACTER_ESCAPES.has(next) || SYNTAX.has(next)) return [`\\${next}`, 2];
  if (next === '-') return [inClass ? '\\-' : '-', 2];
  if (next === 'c') return /^[a-zA-Z]/.test(rest) ? [`\\c${rest[0]}`, 3] : ['\\\\c', 2];
  if (next === 'x') return /^[0-9a-fA-F]{2}/.test(rest) ? [`\\x${rest.slice(0, 2)}`, 4] : ['x', 2];
  if (next === 'u') return /^[0-9a-fA-F]{4}/.test(rest) ? [`\\u${rest.slice(0, 4)}`, 6] : ['u', 2];
  if (next === 'k') return named ? ['\\k', 2] : ['k', 2];
  // \p{…}: only meaningful with `u`, which is what its author wrote it for.
  if (next === 'p' || next === 'P') {
    const property = /^\{[^}]*\}/.exec(rest)?.[0];
    return property ? [`\\${next}${property}`, 2 + property.length] : [next, 2];
  }
  if (next === '0' && !/^[0-9]/.test(rest)) return ['\\0', 2];
  if (/[0-9]/.test(next)) {
    const decimal = /^[0-9]+/.exec(source.slice(i + 1))![0];
    if (!inClass && next !== '0' && Number(decimal) <= groups) return [`\\${decimal}`, 1 + decimal.length];
    // Without `u`, a number that is no group is an octal escape (up to \377), and 8 or 9 itself.
    const octal = /^[0-3]?[0-7]{1,2}|^[0-7]/.exec(source.slice(i + 1))?.[0];
    if (!octal) return [next, 2];
    return [`\\x${parseInt(octal, 8).toString(16).padStart(2, '0')}`, 1 + octal.length];
  }
  // An identity escape of a character that needs none (`\:`, `\@`, `\_`, `\é`).
  return [next, 2];
}

/** Capturing groups: `(` not followed by `?`, and named groups `(?<name>`. */
function countGroups(source: string): number {
  let count = 0;
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (ch === '\\') i += 1;
    else if (inClass) inClass = ch !== ']';
    else if (ch === '[') inClass = true;
    else if (ch === '(' && (source[i + 1] !== '?' || /^\?<[^=!]/.test(source.slice(i + 1)))) count += 1;
  }
  return count;
}
