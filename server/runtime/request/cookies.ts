// The Cookie header as name → value: read per request, for cookie parameters and for API keys
// that travel in a cookie. Never throws: a value that cannot be decoded is kept as sent.

/** `a=1; b=2` → a Map (the first of a repeated name wins); values percent-decoded where they can be. */
export function parseCookies(header: string | string[] | undefined): Map<string, string> {
  const out = new Map<string, string>();
  if (!header) return out;
  const text = Array.isArray(header) ? header.join(';') : header;
  for (const part of text.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim();
    if (!name || out.has(name)) continue;
    let value = part.slice(eq + 1).trim();
    if (value.startsWith('"') && value.endsWith('"') && value.length >= 2) value = value.slice(1, -1);
    try {
      value = value.includes('%') ? decodeURIComponent(value) : value;
    } catch {
      // kept as sent: the validator judges it
    }
    out.set(name, value);
  }
  return out;
}
