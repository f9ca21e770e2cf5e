// Maps a JSON Pointer into the contract (as read with every `$ref` followed) to the file, line and
// column where that value is written, walking the YAML syntax trees of every file the contract
// spans. Never throws: a pointer that cannot be followed to the end gives the deepest place found.
import { dirname, resolve } from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';

/** One contract file parsed with its positions kept. */
export interface SourceFile {
  /** Absolute path of the file. */
  path: string;
  doc: Document;
  lines: LineCounter;
}

/** Every file of a contract, by absolute path. */
export type Sources = Map<string, SourceFile>;

export interface Place {
  path: string;
  line: number;
  column: number;
}

export function parseSource(path: string, text: string): SourceFile {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  return { path, doc, lines };
}

/** Place of an offset in a file, 1-based like editors show it. */
export function placeOf(file: SourceFile, offset: number): Place {
  const { line, col } = file.lines.linePos(offset);
  return { path: file.path, line, column: col };
}

export function decodePointer(pointer: string): string[] {
  if (pointer === '' || pointer === '#' || pointer === '/') return [];
  const body = pointer.startsWith('#') ? pointer.slice(1) : pointer;
  return body
    .split('/')
    .slice(1)
    .map((s) => decodeURIComponent(s).replace(/~1/g, '/').replace(/~0/g, '~'));
}

export function encodePointer(segments: readonly (string | number)[]): string {
  return segments.map((s) => '/' + String(s).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

interface Cursor {
  file: SourceFile;
  node: Node | null;
  /** Where to point for this value: its key when it has one, else the value. */
  offset: number;
}

/**
 * Locates `pointer` (a pointer into the contract with every `$ref` followed) starting at the root
 * file. A final value written as `$ref` is located at the `$ref`, not at its target.
 */
export function locate(sources: Sources, rootPath: string, pointer: string): Place {
  const root = sources.get(rootPath);
  if (!root) return { path: rootPath, line: 1, column: 1 };
  let cur: Cursor = { file: root, node: root.doc.contents as Node | null, offset: 0 };
  for (const segment of decodePointer(pointer)) {
    // A segment that cannot be found leaves the place at the deepest value that was found.
    const next = child(followRefs(sources, cur), segment);
    if (!next) break;
    cur = next;
  }
  return placeOf(cur.file, cur.offset);
}

function child(cur: Cursor, segment: string): Cursor | null {
  const { node, file } = cur;
  if (isMap(node)) {
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      if (key === segment) {
        const keyNode = pair.key as Node;
        const value = (pair.value as Node | null) ?? null;
        return { file, node: value, offset: keyNode.range?.[0] ?? cur.offset };
      }
    }
    return null;
  }
  if (isSeq(node)) {
    const item = node.items[Number(segment)] as Node | undefined;
    if (!item) return null;
    return { file, node: item, offset: item.range?.[0] ?? cur.offset };
  }
  return null;
}

/** While the value is `{ $ref: … }`, moves to what it points at (possibly in another file). */
function followRefs(sources: Sources, start: Cursor): Cursor {
  let cur = start;
  for (let hops = 0; hops < 32; hops++) {
    const ref = refOf(cur.node);
    if (ref === null) return cur;
    const [filePart, fragment = ''] = ref.split('#');
    const targetPath = filePart ? resolve(dirname(cur.file.path), decodeURI(filePart)) : cur.file.path;
    const target = sources.get(targetPath);
    if (!target) return cur;
    let next: Cursor | null = { file: target, node: target.doc.contents as Node | null, offset: 0 };
    for (const segment of decodePointer(fragment)) {
      next = next && child(followRefs(sources, next), segment);
      if (!next) return cur;
    }
    cur = { ...next, offset: next.node?.range?.[0] ?? 0 };
  }
  return cur;
}

function refOf(node: Node | null): string | null {
  if (!isMap(node)) return null;
  const ref = node.get('$ref');
  return typeof ref === 'string' ? ref : null;
}
