// Every name the generator derives, in one place: handler names from operationIds (or from method
// and path when there is none), type names, file names, API names. Pure string functions.

const RESERVED = new Set(
  (
    'break case catch class const continue debugger default delete do else enum export extends false ' +
    'finally for function if import in instanceof new null return super switch this throw true try ' +
    'typeof var void while with as implements interface let package private protected public static ' +
    'yield await arguments eval undefined NaN Infinity'
  ).split(' '),
);

/** Splits any spelling (camelCase, kebab-case, snake_case, "GET /a/{b}") into lower-case words. */
export function words(text: string): string[] {
  return text
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w.toLowerCase());
}

const capitalize = (w: string): string => w.charAt(0).toUpperCase() + w.slice(1);

/**
 * The handler name for an operationId: a valid, non-reserved JavaScript identifier in camelCase.
 * An operationId that is already a valid identifier is kept as written.
 */
export function handlerName(operationId: string): string {
  if (/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(operationId) && !RESERVED.has(operationId)) return operationId;
  const ws = words(operationId);
  let name = ws.map((w, i) => (i === 0 ? w : capitalize(w))).join('') || 'operation';
  if (/^[0-9]/.test(name)) name = `op${capitalize(name)}`;
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
