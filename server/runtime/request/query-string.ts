// Query strings and form-urlencoded bodies, read the way browsers, curl and URLSearchParams write
// them: `&`-separated `name=value` pairs, `+` for a space, reserved characters (`: / @ ? ,`) as
// they are (RFC 3986 allows them in a query). Every name maps to the list of its values, in
// order, however many times it repeats; the result has no prototype, so `__proto__` or
// `constructor` are names like any other.

export type Pairs = Record<string, string[]>;

export class BadPercentEncoding extends Error {
  constructor(readonly field: string) {
    super(`${field} is not valid percent-encoding`);
  }
}

/**
 * Throws BadPercentEncoding at the first pair that cannot be decoded; given `bad`, collects the
 * names of such pairs there instead and leaves them out, so every other pair is still read.
 */
export function parsePairs(source: string, what: 'query' | 'body', bad?: string[]): Pairs {
  const out = Object.create(null) as Pairs;
  if (source.length === 0) return out;
  let from = 0;
  while (from <= source.length) {
    let amp = source.indexOf('&', from);
    if (amp < 0) amp = source.length;
    if (amp > from) {
      const eq = source.indexOf('=', from);
      const split = eq >= 0 && eq < amp;
      const rawName = source.slice(from, split ? eq : amp);
      const rawValue = split ? source.slice(eq + 1, amp) : '';
      try {
        const name = decode(rawName, rawName, what);
        const value = decode(rawValue, name, what);
        const list = out[name];
        if (list) list.push(value);
        else out[name] = [value];
      } catch (error) {
        if (!bad || !(error instanceof BadPercentEncoding)) throw error;
        bad.push(error.field);
      }
    }
    from = amp + 1;
  }
  return out;
}

function decode(raw: string, name: string, what: 'query' | 'body'): string {
  const plus = raw.includes('+') ? raw.replaceAll('+', ' ') : raw;
  if (!plus.includes('%')) return plus;
  try {
    return decodeURIComponent(plus);
  } catch {
    throw new BadPercentEncoding(what === 'query' ? name : `body field ${name}`);
  }
}
