// Every name the generator derives, in one place: handler names from operationIds (or from method
// and path when there is none), type names, file names, API names, and how names that would
// collide are told apart. Pure functions.

const RESERVED = new Set(
  (
    'break case catch class const continue debugger default delete do else enum export extends false ' +
    'finally for function if import in instanceof new null return super switch this throw true try ' +
    'typeof var void while with as implements interface let package private protected public static ' +
    'yield await arguments eval undefined NaN Infinity'
  ).split(' '),
);

/** Splits any spelling (camelCase, kebab-case, snake_case, "GET /a/{b}") into lower-case words; letters of any script count. */
export function words(text: string): string[] {
  return text
    .replace(/([\p{Ll}\p{Nd}])(\p{Lu})/gu, '$1 $2')
    .replace(/(\p{Lu}+)(\p{Lu}\p{Ll})/gu, '$1 $2')
    .split(/[^\p{L}\p{Nd}]+/u)
    .filter(Boolean)
    .map((w) => w.toLowerCase());
}

const IDENTIFIER = /^[\p{L}_$][\p{L}\p{Nd}_$]*$/u;

const capitalize = (w: string): string => w.charAt(0).toUpperCase() + w.slice(1);

/**
 * The handler name for an operationId: a valid, non-reserved JavaScript identifier in camelCase.
 * An operationId that is already a valid identifier is kept as written.
 */
export function handlerName(operationId: string): string {
  if (IDENTIFIER.test(operationId) && !RESERVED.has(operationId)) return operationId;
  const ws = words(operationId);
  let name = ws.map((w, i) => (i === 0 ? w : capitalize(w))).join('') || 'operation';
  if (/^\p{Nd}/u.test(name)) name = `op${capitalize(name)}`;
  if (RESERVED.has(name)) name = `${name}_`;
  return name;
}

/** A stable name for an operation without operationId: method + path words, e.g. getPetsPetIdPhoto. */
export function derivedOperationName(method: string, path: string): string {
  const pathWords = words(path);
  return handlerName([method, ...(pathWords.length > 0 ? pathWords : ['root'])].join(' '));
}

/** `listPets` → `ListPets`: the stem of the operation's request and response type names. */
export function typeStem(handler: string): string {
  return words(handler).map(capitalize).join('') || 'Operation';
}

/**
 * The short type name of a component schema in types.ts: `pet_type` → `PetType`, `0` →
 * `Schema0`, `2fa-settings` → `Schema2faSettings`, `class` → `Class`.
 */
export function schemaTypeName(schemaName: string): string {
  const stem = words(schemaName).map(capitalize).join('');
  return stem === '' ? 'Schema' : /^\p{Nd}/u.test(stem) ? `Schema${stem}` : stem;
}

/** `listPets` → `list-pets`: the stub's file name without extension. */
export function fileStem(handler: string): string {
  return words(handler).join('-') || 'operation';
}

/** The API's name from its contract file name: `contracts/Pet Store.yaml` → `pet-store`. */
export function apiName(contractFile: string): string {
  const base = contractFile.replace(/\\/g, '/').split('/').pop() ?? contractFile;
  return words(base.replace(/\.(ya?ml|json)$/i, '')).join('-') || 'api';
}

/** `/pets/{petId}` → `/pets/:petId` in Express 5 (path-to-regexp 8) syntax, escaping what it treats as special. */
export function expressPath(openapiPath: string): string {
  return openapiPath
    .split(/(\{[^}]+\})/)
    .map((part) => {
      const param = /^\{([^}]+)\}$/.exec(part);
      if (param) {
        const name = param[1]!;
        return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? `:${name}` : `:${JSON.stringify(name)}`;
      }
      return part.replace(/[()[\]?+!*:{}\\]/g, (c) => `\\${c}`);
    })
    .join('');
}

export interface NameRequest<T> {
  item: T;
  /** The name the item would have alone. */
  wanted: string;
  /** Written exactly so in the contract (not made up from another spelling): wins a collision. */
  exact: boolean;
  /** What the contract calls it: orders the losers of a collision, whatever the contract order. */
  source: string;
}

export interface NamePolicy {
  /** Every name a candidate takes up (the name, its type stem, its file stem…): all must be free. */
  keys: (name: string) => string[];
  /** Keys taken before any item is named (names of the generated code itself). */
  reserved?: Iterable<string>;
}

/**
 * Names that never collide, and that do not depend on the order of the contract: every item that
 * can have the name it wants gets it (an exact spelling before a made-up one, then by what the
 * contract calls it); the others get the first free `wanted2`, `wanted3`… (`v2_2` after a digit).
 */
export function uniqueNames<T>(requests: readonly NameRequest<T>[], policy: NamePolicy): Map<T, string> {
  const taken = new Set(policy.reserved ?? []);
  const free = (name: string): boolean => policy.keys(name).every((k) => !taken.has(k));
  const take = (name: string): void => policy.keys(name).forEach((k) => taken.add(k));
  const ordered = [...requests].sort((a, b) => Number(b.exact) - Number(a.exact) || compare(a.source, b.source) || compare(a.wanted, b.wanted));
  const names = new Map<T, string>();
  for (const r of ordered) {
    if (!free(r.wanted)) continue;
    take(r.wanted);
    names.set(r.item, r.wanted);
  }
  for (const r of ordered) {
    if (names.has(r.item)) continue;
    // `Pet2` is taken by Pet's second, `Pet2_2` by Pet2's: a number never runs into a name's own digits.
    const numbered = (n: number): string => `${r.wanted}${/\p{Nd}$/u.test(r.wanted) ? '_' : ''}${n}`;
    let n = 2;
    while (!free(numbered(n))) n++;
    take(numbered(n));
    names.set(r.item, numbered(n));
  }
  return names;
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** What the names of one operation's generated code take up: handler, types, stub file (case-insensitive file systems). */
export const operationNameKeys = (name: string): string[] => [name, `type:${typeStem(name)}`, `file:${fileStem(name)}`];

/** Module-level names the handler names must leave alone (routes.ts and the stubs declare or import them). */
export const GENERATED_IDENTIFIERS = ['handlers', 'api', 'Handlers', 'notImplemented'];

/** A scheme's verifier, its stub file, and the alias routes.ts imports it under. */
export const verifierNameKeys = (name: string): string[] => [name, `file:${fileStem(name)}`, `alias:${name}Verifier`];

/** Names the verifier stubs import. */
export const VERIFIER_IDENTIFIERS = ['notVerified', 'Verifier'];

/** The short type names of component schemas, one each, none shared. */
export function schemaTypeNames(schemaNames: readonly string[]): Map<string, string> {
  return uniqueNames(
    schemaNames.map((name) => ({ item: name, wanted: schemaTypeName(name), exact: schemaTypeName(name) === name, source: name })),
    { keys: (n) => [n] },
  );
}
