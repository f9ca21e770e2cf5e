// Where things are written: a pointer into one file → line and column, and a pointer into the
// contract as a reader sees it (every `$ref` followed) → the file and pointer that hold it.
// Positions are worked out only for the few places a problem names, in one pass per file: the
// files are parsed for their values alone (sources.ts). Never throws: a pointer that cannot be
// followed to the end gives the deepest place found.
import { isMap, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import { displayPath, type Diagnostic, type Finding } from './diagnostics.js';
import { jsonOffsets } from './json-offsets.js';
import { childOf, decodePointer, encodePointer, valueAt } from '../../server/runtime/contract/pointer.js';
import { refOf, resolveRef, type SourceFile, type Sources } from './sources.js';

export interface Place {
  path: string;
  line: number;
  column: number;
}

/** A pointer into one file. */
export interface FilePointer {
  file: string;
  pointer: string;
}

/**
 * The place of each (file, pointer): a member's key, an item's first character. One JSON scan
 * or one YAML parse per file, whatever the number of pointers in it.
 */
export function placeAll(sources: Sources, at: readonly FilePointer[]): Place[] {
  const byFile = new Map<string, number[]>();
  at.forEach((p, i) => {
    const indexes = byFile.get(p.file);
    if (indexes) indexes.push(i);
    else byFile.set(p.file, [i]);
  });
  const places: Place[] = new Array<Place>(at.length);
  for (const [path, indexes] of byFile) {
    const file = sources.get(path);
    if (!file) {
      for (const i of indexes) places[i] = { path, line: 1, column: 1 };
      continue;
    }
    const offsets = offsetsIn(file, indexes.map((i) => decodePointer(at[i]!.pointer)));
    const lines = lineStarts(file.text);
    indexes.forEach((i, k) => (places[i] = placeOfOffset(path, lines, offsets[k]!)));
  }
  return places;
}

export function placeOffset(file: SourceFile, offset: number): Place {
  return placeOfOffset(file.path, lineStarts(file.text), offset);
}

function offsetsIn(file: SourceFile, pointers: string[][]): number[] {
  if (file.format === 'json') return jsonOffsets(file.text, pointers);
  if (file.format === 'text') return pointers.map(() => 0);
  const doc = parseDocument(file.text, { uniqueKeys: false });
  return pointers.map((segments) => yamlOffset(doc.contents as Node | null, segments));
}

function yamlOffset(root: Node | null, segments: string[]): number {
  let node = root;
  let offset = 0;
  for (const segment of segments) {
    if (isMap(node)) {
      const pair = node.items.find((p) => (isScalar(p.key) ? String(p.key.value) : String(p.key)) === segment);
      if (!pair) break;
      offset = (pair.key as Node).range?.[0] ?? offset;
      node = (pair.value as Node | null) ?? null;
    } else if (isSeq(node)) {
      const item = node.items[Number(segment)] as Node | undefined;
      if (!item) break;
      offset = item.range?.[0] ?? offset;
      node = item;
    } else {
      break;
    }
  }
  return offset;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function placeOfOffset(path: string, starts: number[], offset: number): Place {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { path, line: lo + 1, column: offset - starts[lo]! + 1 };
}

/**
 * The file and in-file pointer of a pointer into the contract as a reader sees it, starting at
 * `start` (the root file, or the origin of a bundled component) and following every `$ref` on
 * the way. A final value written as `$ref` is the `$ref`'s place, not its target's.
 */
export function followPointer(sources: Sources, start: FilePointer, segments: readonly string[]): FilePointer {
  const origin = sources.get(start.file);
  if (!origin) return start;
  let file: SourceFile = origin;
  let pointer = start.pointer;
  let value: unknown = valueAt(origin.value, pointer);
  for (const segment of segments) {
    // A member written beside `$ref` (3.1 allows `description`, schemas allow anything) is here.
    for (let hops = 0; hops < 32 && childOf(value, segment) === undefined; hops++) {
      const ref = refOf(value);
      if (ref === null) break;
      const target = resolveRef(sources, new Map(), file, ref);
      if (typeof target === 'string') return { file: file.path, pointer };
      ({ file, pointer, value } = target);
    }
    const next = childOf(value, segment);
    if (next === undefined) break;
    value = next;
    pointer += encodePointer([segment]);
  }
  return { file: file.path, pointer };
}

/** Findings with their places: diagnostics as they are printed. */
export function placeFindings(sources: Sources, findings: readonly Finding[]): Diagnostic[] {
  const places = placeAll(sources, findings);
  return findings.map(({ file: _file, ...f }, i) => {
    const place = places[i]!;
    return { ...f, file: displayPath(place.path), line: place.line, column: place.column };
  });
}
