// Every file a contract spans, read and parsed once: the root, then every file that a `$ref` or a
// discriminator mapping names, a whole frontier at a time. JSON is read with JSON.parse (fast on
// megabyte contracts), YAML with `yaml`; positions are worked out later, only for files that
// have a problem (positions.ts). Also what a `$ref` points at. Never throws for a bad contract.
import { readFile } from 'node:fs/promises';
import { dirname, extname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseDocument } from 'yaml';
import { childOf, decodePointer, escapeSegment } from '../../server/runtime/contract/pointer.js';

/** One file of a contract. */
export interface SourceFile {
  /** Absolute path. */
  path: string;
  text: string;
  /** `text`: a file that is neither JSON nor YAML (a code sample), its value is its text. */
  format: 'json' | 'yaml' | 'text';
  /** The parsed content; `undefined` when the file has a syntax error. */
  value: unknown;
}

/** Every file of a contract, by absolute path. */
export type Sources = Map<string, SourceFile>;

/** A syntax error, at an offset of its file. */
export interface SyntaxProblem {
  file: string;
  offset: number;
  message: string;
}

export interface ReadResult {
  sources: Sources;
  /** Files that could not be read, with why: reported where a `$ref` names them. */
  unreadable: Map<string, string>;
  syntax: SyntaxProblem[];
}

export async function readSources(rootPath: string): Promise<ReadResult> {
  const result: ReadResult = { sources: new Map(), unreadable: new Map(), syntax: [] };
  const seen = new Set([rootPath]);
  let frontier = [rootPath];
  while (frontier.length > 0) {
    const read = await Promise.all(frontier.map((path) => readSource(path, path === rootPath, result)));
    frontier = [];
    for (const file of read) {
      if (!file) continue;
      const paths = referencedFiles(file);
      if (paths === null) {
        result.syntax.push({ file: file.path, offset: 0, message: 'a YAML alias (*name) makes a value contain itself; write the recursion as a $ref' });
        file.value = undefined;
        continue;
      }
      for (const path of paths) {
        if (seen.has(path)) continue;
        seen.add(path);
        frontier.push(path);
      }
    }
  }
  return result;
}

async function readSource(path: string, isRoot: boolean, into: ReadResult): Promise<SourceFile | null> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    into.unreadable.set(path, code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'a folder, not a file' : (error as Error).message);
    return null;
  }
  const file = parseSource(path, text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, isRoot, into.syntax);
  into.sources.set(path, file);
  return file;
}

const STRUCTURED = /\.(json|ya?ml)$/i;

function parseSource(path: string, text: string, isRoot: boolean, syntax: SyntaxProblem[]): SourceFile {
  if (!isRoot && !STRUCTURED.test(path)) return { path, text, format: 'text', value: text };
  const json = extname(path).toLowerCase() === '.json' || /^\s*[{[]/.test(text);
  if (json) {
    try {
      return { path, text, format: 'json', value: JSON.parse(text) };
    } catch (error) {
      // Not JSON after all (YAML flow style starts with `{` too): YAML decides, and reports.
      if (extname(path).toLowerCase() === '.json') {
        const message = (error as Error).message;
        const offset = Number(/position (\d+)/.exec(message)?.[1] ?? 0);
        syntax.push({ file: path, offset, message: message.replace(/ in JSON at position.*$/, '') });
        return { path, text, format: 'json', value: undefined };
      }
    }
  }
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length > 0) {
    for (const e of doc.errors) syntax.push({ file: path, offset: e.pos[0], message: e.message.split('\n')[0] ?? e.message });
    return { path, text, format: 'yaml', value: undefined };
  }
  try {
    return { path, text, format: 'yaml', value: doc.toJS({ maxAliasCount: 1000 }) };
  } catch (error) {
    syntax.push({ file: path, offset: 0, message: (error as Error).message });
    return { path, text, format: 'yaml', value: undefined };
  }
}

/**
 * Files named by the `$ref`s and discriminator mappings anywhere in a file (examples included: a
 * miss costs nothing); null when a YAML alias makes the value contain itself, which nothing
 * after loading could walk or write.
 */
function referencedFiles(file: SourceFile): string[] | null {
  const out: string[] = [];
  const add = (ref: string): void => {
    const path = refFile(file, ref);
    if (path && path !== file.path) out.push(path);
  };
  const onPath = new Set<object>();
  // Depth first, each object pushed again (as `leave`) to take it off the path when done.
  const stack: { node: object; leave: boolean }[] = typeof file.value === 'object' && file.value !== null ? [{ node: file.value, leave: false }] : [];
  while (stack.length > 0) {
    const { node, leave } = stack.pop()!;
    if (leave) {
      onPath.delete(node);
      continue;
    }
    if (onPath.has(node)) return null;
    onPath.add(node);
    stack.push({ node, leave: true });
    if (!Array.isArray(node)) {
      const obj = node as Record<string, unknown>;
      if (typeof obj.$ref === 'string') add(obj.$ref);
      const mapping = (obj.discriminator as { mapping?: unknown } | undefined)?.mapping;
      if (typeof mapping === 'object' && mapping !== null) {
        for (const v of Object.values(mapping)) if (typeof v === 'string' && looksLikeRef(v)) add(v);
      }
    }
    for (const value of Object.values(node)) if (typeof value === 'object' && value !== null) stack.push({ node: value, leave: false });
  }
  return out;
}

/** A discriminator mapping value is a `$ref` when it is not a bare schema name. */
export function looksLikeRef(value: string): boolean {
  return /[#/]|\.(json|ya?ml)$/i.test(value);
}

const URL_SCHEME = /^[a-z][a-z0-9+.-]+:/i;

/** What names a file's base URI: where it was read, and its content (for `$self`). */
export type RefHolder = Pick<SourceFile, 'path'> & { value?: unknown };

/**
 * The `$self` of an OpenAPI document (3.2), resolved against where the file was read (RFC 3986
 * §5.1: a relative `$self` is itself relative to the retrieval URI); null when it has none. The
 * document's relative `$ref`s resolve against it, and a `$ref` may name the document by it.
 */
export function selfUri(file: RefHolder): URL | null {
  const value = file.value as { openapi?: unknown; $self?: unknown } | null | undefined;
  if (typeof value !== 'object' || value === null || typeof value.openapi !== 'string' || typeof value.$self !== 'string') return null;
  try {
    const self = new URL(value.$self, pathToFileURL(file.path));
    self.hash = '';
    return self;
  } catch {
    return null;
  }
}

/**
 * The absolute path of the file a `$ref` names, or null for a URL (never fetched) or an internal
 * `$ref`. Relative to the file's `$self` when it has one that is a file location; a `$self` on
 * the web (`https://…`) names the document, but its files are read where they are, so there the
 * `$ref` falls back to the retrieval location (which 3.2 allows; see `documentBySelf` for the
 * interoperable way, by `$self`).
 */
export function refFile(from: RefHolder, ref: string): string | null {
  const filePart = ref.split('#')[0]!;
  if (filePart === '' || URL_SCHEME.test(filePart)) return null;
  const self = selfUri(from);
  if (self?.protocol === 'file:') {
    try {
      return fileURLToPath(new URL(filePart, self));
    } catch {
      // Not a URI reference after all (a stray %): resolved as a path below.
    }
  }
  let decoded = filePart;
  try {
    decoded = decodeURI(filePart);
  } catch {
    // A stray % in a file name: use it as written.
  }
  return resolve(dirname(from.path), decoded);
}

/** Each read document's `$self`, per read: built once, looked up per `$ref`. */
const selfIndex = new WeakMap<Sources, Map<string, SourceFile>>();

/**
 * The document a `$ref`'s file part names by its `$self` (OpenAPI 3.2: "references MUST use the
 * target document's `$self` URI if the `$self` field is present"), resolved against the base of
 * the file holding it; undefined when no document read has that `$self`.
 */
function documentBySelf(sources: Sources, from: SourceFile, filePart: string): SourceFile | undefined {
  let index = selfIndex.get(sources);
  if (!index) {
    index = new Map();
    for (const file of sources.values()) {
      const self = selfUri(file);
      if (self) index.set(self.href, file);
    }
    selfIndex.set(sources, index);
  }
  if (index.size === 0) return undefined;
  try {
    const target = new URL(filePart, selfUri(from) ?? pathToFileURL(from.path));
    target.hash = '';
    return index.get(target.href);
  } catch {
    return undefined;
  }
}

/** Where a `$ref` leads: a file and a pointer in it, with the value there. */
export interface Target {
  file: SourceFile;
  pointer: string;
  value: unknown;
  /** The `$ref`s the pointer passed through on its way (`…/items/allOf/0` where `items` is a `$ref`): not portable. */
  through?: string[];
}

/** `$ref`s followed at most this many times while one pointer is walked: a cycle ends. */
const MAX_HOPS = 32;

/**
 * Follows one `$ref` written in `from`; a string saying why when it leads nowhere. As
 * json-schema-ref-parser (swagger-parser) does, a pointer that passes through a `$ref` follows it
 * and carries on in what it names, in that file or another; a member written beside the `$ref`
 * wins over the target's.
 */
export function resolveRef(sources: Sources, unreadable: ReadonlyMap<string, string>, from: SourceFile, ref: string): Target | string {
  const hash = ref.indexOf('#');
  const filePart = hash < 0 ? ref : ref.slice(0, hash);
  const fragment = hash < 0 ? '' : ref.slice(hash + 1);
  const located = fileOf(sources, unreadable, from, filePart);
  if (typeof located === 'string') return located;
  let file = located;
  if (fragment !== '' && !fragment.startsWith('/')) return anchorTarget(file, fragment);
  let value: unknown = file.value;
  let pointer = '';
  const through: string[] = [];
  for (const segment of decodePointer(fragment)) {
    for (let hops = 0; childOf(value, segment) === undefined && hops < MAX_HOPS; hops++) {
      const inner = refOf(value);
      if (inner === null) break;
      const target = resolveRef(sources, unreadable, file, inner);
      if (typeof target === 'string') return `${pointer || '#'} is a $ref that leads nowhere: ${target}`;
      through.push(inner, ...(target.through ?? []));
      ({ file, pointer, value } = target);
    }
    const next = childOf(value, segment);
    if (next === undefined) return `${filePart || 'this file'} has no "${segment}"${pointer ? ` under ${pointer}` : ''}`;
    value = next;
    pointer += '/' + escapeSegment(segment);
  }
  return through.length > 0 ? { file, pointer, value, through } : { file, pointer, value };
}

/** Members whose value is data, never a schema: an `$anchor` inside one names nothing. */
const DATA_MEMBERS = new Set(['enum', 'const', 'default', 'example', 'examples']);

/**
 * The schema a `$ref` to a plain-name fragment names (`#foo`, JSON Schema 2020-12 §8.2.2): the one
 * object of the file whose `$anchor` (or `$dynamicAnchor`, which is an anchor too) is that name,
 * outside values (`enum`, `example`, …) and outside embedded resources (a subschema with its own
 * `$id`, whose anchors belong to it). A string saying why when there is none, or more than one.
 */
function anchorTarget(file: SourceFile, fragment: string): Target | string {
  let name = fragment;
  try {
    name = decodeURIComponent(fragment);
  } catch {
    // A stray % in an anchor: use it as written.
  }
  const found: { pointer: string; value: unknown }[] = [];
  const visit = (value: unknown, pointer: string, root: boolean): void => {
    if (typeof value !== 'object' || value === null) return;
    if (Array.isArray(value)) return value.forEach((item, i) => visit(item, `${pointer}/${i}`, false));
    const node = value as Record<string, unknown>;
    if (!root && typeof node.$id === 'string') return;
    if (node.$anchor === name || node.$dynamicAnchor === name) found.push({ pointer, value });
    for (const [key, child] of Object.entries(node)) if (!DATA_MEMBERS.has(key)) visit(child, `${pointer}/${escapeSegment(key)}`, false);
  };
  visit(file.value, '', true);
  if (found.length === 1) return { file, pointer: found[0]!.pointer, value: found[0]!.value };
  if (found.length === 0) return `no schema has $anchor "${name}"`;
  return `${found.length} schemas have $anchor "${name}" (${found.map((f) => f.pointer).join(', ')}): an anchor must name one`;
}

/** The file a `$ref`'s part before `#` names (`from` itself when empty); a string saying why not. */
function fileOf(sources: Sources, unreadable: ReadonlyMap<string, string>, from: SourceFile, filePart: string): SourceFile | string {
  let file = from;
  const named = filePart === '' ? undefined : documentBySelf(sources, from, filePart);
  if (named) file = named;
  else if (URL_SCHEME.test(filePart)) return `remote $refs are not followed (${filePart}); download the file and refer to it by path, or give it that $self`;
  else if (filePart !== '') {
    const path = refFile(from, filePart)!;
    const found = sources.get(path);
    if (!found) return `file ${filePart} ${unreadable.get(path) ?? 'was not read'}`;
    file = found;
  }
  if (file.value === undefined) return `${filePart || 'this file'} has a syntax error`;
  return file;
}

/** `{ $ref: "…" }`: a Reference Object (or a schema using `$ref`). */
export function refOf(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const ref = (value as { $ref?: unknown }).$ref;
  return typeof ref === 'string' ? ref : null;
}
