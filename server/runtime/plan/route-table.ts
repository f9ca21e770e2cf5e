// The one route table: which operation a request path belongs to, decided once per request for
// dispatch, security, parameters and validation alike. OpenAPI's precedence holds at every
// segment whatever the contract's order: a concrete segment (`/items/mine`) wins over a partly
// templated one (`/files/{name}.json`), which wins over a fully templated one (`/items/{id}`); a
// branch that fails further down gives way to the next candidate. Built at start-up; a match
// walks the path once and allocates only the parameters it returns.

/** What a path template becomes in the table: one node per segment. */
interface Node<T> {
  literal: Map<string, Node<T>>;
  /** Segments mixing text and templates (`{name}.{ext}`), most literal text first. */
  mixed: { regex: RegExp; literalLength: number; node: Node<T> }[];
  /** A segment that is exactly one template (`{id}`). */
  param: Node<T> | null;
  /** The value stored for a template ending here (e.g. its methods), if one does. */
  value: T | undefined;
}

export interface RouteMatch<T> {
  value: T;
  /**
   * The templated parts of the path, still percent-encoded, in the order their templates appear
   * (two templates for one segment — `/a/{id}`, `/a/{name}` — are one route: each operation names
   * the values by its own template, see `templateNames`).
   */
  captures: string[];
}

export interface RouteTable<T> {
  /**
   * Adds a template; returns the value already there if the same path was added before: the same
   * segments with each template's name left out (`/a/{x}` and `/a/{y}/`, `/f/{x}.json` and
   * `/f/{y}.json`; never `/a/{x}` and `/a/x`).
   */
  add(template: string, value: T): T | undefined;
  match(path: string): RouteMatch<T> | null;
}

/** A route that an earlier one with the same method and the same path (see `add`) takes every request of. */
export interface Shadowed<R> {
  route: R;
  by: R;
}

/**
 * Files routes in the order given, which must be the order they are declared in: OpenAPI calls
 * templated paths that differ only in their template names identical (`/orders/{id}` and
 * `/orders/{number}`), and the first declared is the one served for each method. The later ones
 * with a method already taken are returned: no request reaches them. The one answer to "which
 * operation serves this path", for the server, lint and verify alike.
 */
export function fileRoutes<R>(routes: readonly R[], templateOf: (r: R) => string, methodOf: (r: R) => string): { table: RouteTable<Map<string, R>>; shadowed: Shadowed<R>[] } {
  const table = createRouteTable<Map<string, R>>();
  const shadowed: Shadowed<R>[] = [];
  for (const route of routes) {
    const fresh = new Map<string, R>();
    const methods = table.add(templateOf(route), fresh) ?? fresh;
    const method = methodOf(route).toUpperCase();
    const by = methods.get(method);
    if (by !== undefined) shadowed.push({ route, by });
    else methods.set(method, route);
  }
  return { table, shadowed };
}

/** Why a shadowed route is never matched, said alike by the server's start-up log and verify. */
export const declaredFirst = (template: string): string => `${template} is the same path and is declared first`;

const node = <T>(): Node<T> => ({ literal: new Map(), mixed: [], param: null, value: undefined });

export function createRouteTable<T>(): RouteTable<T> {
  const root = node<T>();
  return {
    add(template, value) {
      let at = root;
      for (const segment of segmentsOf(template)) at = child(at, segment);
      const before = at.value;
      if (before === undefined) at.value = value;
      return before;
    },
    match(path) {
      const captures: string[] = [];
      const value = walk(root, trimSlash(path), 1, captures);
      return value === undefined ? null : { value, captures };
    },
  };
}

/** `/a/b/` and `/a/b` are one path; `/` stays `/`. */
function trimSlash(path: string): string {
  return path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
}

function segmentsOf(template: string): string[] {
  const trimmed = trimSlash(template);
  return trimmed === '/' ? [] : trimmed.slice(1).split('/');
}

const WHOLE = /^\{([^{}]+)\}$/;

/** The template names of a path, in order: `/a/{x}/{y}.{z}` → x, y, z. */
export function templateNames(template: string): string[] {
  return [...template.matchAll(/\{([^{}]+)\}/g)].map((m) => m[1]!);
}

function child<T>(at: Node<T>, segment: string): Node<T> {
  if (WHOLE.test(segment)) return (at.param ??= node<T>());
  if (!segment.includes('{')) {
    let next = at.literal.get(segment);
    if (!next) at.literal.set(segment, (next = node<T>()));
    return next;
  }
  const source = mixedSource(segment);
  const existing = at.mixed.find((m) => m.regex.source === source.regex.source);
  if (existing) return existing.node;
  const entry = { ...source, node: node<T>() };
  at.mixed.push(entry);
  at.mixed.sort((a, b) => b.literalLength - a.literalLength);
  return entry.node;
}

/** `{name}.{ext}` → `^(.+?)\.(.+?)$`. */
function mixedSource(segment: string): { regex: RegExp; literalLength: number } {
  let literalLength = 0;
  const body = segment
    .split(/(\{[^{}]+\})/)
    .map((part) => {
      if (WHOLE.test(part)) return '(.+?)';
      literalLength += part.length;
      return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('');
  return { regex: new RegExp(`^${body}$`), literalLength };
}

/** Depth-first in precedence order; `captures` holds the current branch's templated parts. */
function walk<T>(at: Node<T>, path: string, from: number, captures: string[]): T | undefined {
  if (from >= path.length) return at.value;
  const slash = path.indexOf('/', from);
  const end = slash < 0 ? path.length : slash;
  const segment = path.slice(from, end);
  const next = end + 1;
  const literal = at.literal.get(segment);
  if (literal) {
    const found = walk(literal, path, next, captures);
    if (found !== undefined) return found;
  }
  if (segment.length === 0) return undefined; // a template never matches an empty segment
  for (const mixed of at.mixed) {
    const m = mixed.regex.exec(segment);
    if (!m) continue;
    const mark = captures.length;
    for (let i = 1; i < m.length; i++) captures.push(m[i]!);
    const found = walk(mixed.node, path, next, captures);
    if (found !== undefined) return found;
    captures.length = mark;
  }
  if (at.param) {
    captures.push(segment);
    const found = walk(at.param, path, next, captures);
    if (found !== undefined) return found;
    captures.pop();
  }
  return undefined;
}
