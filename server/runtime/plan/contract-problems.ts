// Contract problems: parts of a contract that the validator cannot compile even after
// normalisation (a pattern no regular expression engine takes, a `$ref` that leads nowhere, a
// schema no dialect allows). Each is found by compiling operations exactly as the server does,
// then narrowed to the smallest failing schema, so it can be reported at its place in the
// contract and kept away from every operation that does not reach it. `specfirst generate`
// finds them once and writes them beside the bundled contract (contract-problems.json, with the
// source `file:line:col`); the server reads that file at start-up instead of compiling everything.
import { readFileSync } from 'node:fs';
import type { Document } from '../contract/document.js';
import { escapeSegment, valueAt } from '../contract/pointer.js';
import type { CompileFailure } from './compile-operation.js';
import type { Ajv } from './validators.js';
import { documentHash } from './document-hash.js';

export interface ContractProblem {
  /** JSON Pointer in the bundled contract of the smallest schema that fails. */
  pointer: string;
  /** The same place as a path from an operation with `$ref`s followed (how a reader finds it in the source). */
  at: string;
  message: string;
  /** `file:line:col` in the source contract, when the generator could tell. */
  where?: string;
  /** Handler names of the operations it takes down. */
  operations: string[];
}

/** What `specfirst generate` writes as `generated/contract-problems.json`. */
export interface ContractProblemsFile {
  specfirst: 1;
  /** sha256 of openapi.json as written: a stale file is ignored. */
  document: string;
  problems: ContractProblem[];
}

/** Keywords whose value is a schema, or a list or map of them. */
const SINGLE = ['items', 'additionalProperties', 'not', 'if', 'then', 'else', 'contains', 'propertyNames', 'unevaluatedItems', 'unevaluatedProperties', 'additionalItems'];
const LISTS = ['allOf', 'anyOf', 'oneOf', 'prefixItems'];
const MAPS = ['properties', 'patternProperties', 'dependentSchemas', '$defs', 'definitions'];

/** Where a failing schema is: its pointer in the bundled document, and its path from the operation with `$ref`s followed. */
export interface FailurePlace {
  pointer: string;
  at: string;
  message: string;
}

/**
 * The smallest schema under the failing part that fails to compile in `ajv` (found by recompiling
 * sub-schemas: only ever done for parts already known to fail).
 */
export function locateFailure(ajv: Ajv, doc: Document, failure: CompileFailure): FailurePlace {
  const pointers = pointerIndex(doc);
  const seen = new Set<unknown>();
  const fails = (schema: unknown): string | null => {
    if (typeof schema !== 'object' || schema === null) return null;
    try {
      ajv.compile(schema);
      return null;
    } catch (error) {
      return String((error as Error).message ?? error).split('\n')[0]!;
    }
  };
  let at = failure.at;
  let schema: unknown = failure.schema;
  let message = failure.message;
  for (let depth = 0; depth < 64 && !seen.has(schema); depth++) {
    seen.add(schema);
    let next: { schema: unknown; at: string; message: string } | null = null;
    for (const child of childrenOf(doc, schema, at)) {
      const m = fails(child.schema);
      if (m !== null) {
        next = { ...child, message: m };
        break;
      }
    }
    if (!next) break;
    ({ schema, at, message } = next);
  }
  const pointer = pointers.get(schema as object) ?? '';
  // Within the smallest schema, the keyword whose removal lets it compile (e.g. its `pattern`).
  const keyword = culpritKeyword(schema, fails);
  return keyword === null ? { pointer, at, message } : { pointer: `${pointer}/${keyword}`, at: `${at}/${keyword}`, message };
}

function culpritKeyword(schema: unknown, fails: (schema: unknown) => string | null): string | null {
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) return null;
  const keys = Object.keys(schema);
  if (keys.length < 2) return null;
  for (const key of keys) {
    const rest: Record<string, unknown> = { ...(schema as Record<string, unknown>) };
    delete rest[key];
    if (fails(rest) === null) return escapeSegment(key);
  }
  return null;
}

function childrenOf(doc: Document, schema: unknown, at: string): { schema: unknown; at: string }[] {
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) return [];
  const s = schema as Record<string, unknown>;
  const out: { schema: unknown; at: string }[] = [];
  // A `$ref` is followed: the path stays where the reader of the contract sees it.
  if (typeof s.$ref === 'string' && s.$ref.startsWith('#/')) out.push({ schema: valueAt(doc, s.$ref), at });
  for (const k of SINGLE) if (s[k] !== undefined) out.push({ schema: s[k], at: `${at}/${k}` });
  for (const k of LISTS) if (Array.isArray(s[k])) (s[k] as unknown[]).forEach((v, i) => out.push({ schema: v, at: `${at}/${k}/${i}` }));
  for (const k of MAPS) {
    if (s[k] && typeof s[k] === 'object') for (const [name, v] of Object.entries(s[k] as object)) out.push({ schema: v, at: `${at}/${k}/${escapeSegment(name)}` });
  }
  return out;
}

const indexes = new WeakMap<object, Map<object, string>>();

/** Every object of the document → its JSON Pointer (made once per document, on first failure). */
function pointerIndex(doc: Document): Map<object, string> {
  let index = indexes.get(doc);
  if (index) return index;
  index = new Map();
  const visit = (node: unknown, pointer: string): void => {
    if (typeof node !== 'object' || node === null || index!.has(node)) return;
    index!.set(node, pointer);
    for (const [key, value] of Object.entries(node)) visit(value, `${pointer}/${escapeSegment(key)}`);
  };
  visit(doc, '');
  indexes.set(doc, index);
  return index;
}

/** Problems of several operations, one entry per distinct place and message. */
export function mergeProblems(found: (FailurePlace & { operation: string })[]): ContractProblem[] {
  const byKey = new Map<string, ContractProblem>();
  for (const f of found) {
    const key = `${f.pointer}\n${f.message}`;
    const entry = byKey.get(key) ?? { pointer: f.pointer, at: f.at, message: f.message, operations: [] };
    if (!entry.operations.includes(f.operation)) entry.operations.push(f.operation);
    byKey.set(key, entry);
  }
  return [...byKey.values()];
}

/** The file name, beside openapi.json. */
export const PROBLEMS_FILE = 'contract-problems.json';

/**
 * The problems `specfirst generate` found for this very document, or null when there is no such
 * file or it was made for another version of the document (then the server finds them itself).
 */
export function readKnownProblems(documentUrl: URL, text: string): ContractProblem[] | null {
  let file: ContractProblemsFile;
  try {
    file = JSON.parse(readFileSync(new URL(PROBLEMS_FILE, documentUrl), 'utf8')) as ContractProblemsFile;
  } catch {
    return null;
  }
  return file.specfirst === 1 && file.document === documentHash(text) && Array.isArray(file.problems) ? file.problems : null;
}
