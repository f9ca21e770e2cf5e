// Contract problems: parts of a contract that the validator cannot compile even after
// normalisation (a pattern no regular expression engine takes, a `$ref` that leads nowhere, a
// schema no dialect allows). Each is found by compiling operations exactly as the server does,
// then narrowed to the smallest failing schema, so it can be reported at its place in the
// contract and kept away from every operation that does not reach it. `specfirst generate`
// finds them once and writes them beside the bundled contract (contract-problems.json, with the
// source `file:line:col`); the server reads that file at start-up instead of compiling everything.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Document } from '../contract.js';
import type { CompileFailure } from './compile-operation.js';
import type { Ajv } from './validators.js';
import { pointerTarget } from './validators.js';

export interface ContractProblem {
  /** JSON Pointer in the bundled contract of the smallest schema that fails. */
  pointer: string;
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

export function documentHash(text: string): string {
  return `sha256:${createHash('sha256').update(text).digest('hex')}`;
}

/** Keywords whose value is a schema, or a list or map of them. */
const SINGLE = ['items', 'additionalProperties', 'not', 'if', 'then', 'else', 'contains', 'propertyNames', 'unevaluatedItems', 'unevaluatedProperties', 'additionalItems'];
const LISTS = ['allOf', 'anyOf', 'oneOf', 'prefixItems'];
const MAPS = ['properties', 'patternProperties', 'dependentSchemas', '$defs', 'definitions'];

/**
 * The smallest schema under `schema` that fails to compile in `ajv`, as a pointer into `doc`
 * (found by recompiling sub-schemas: only ever done for parts already known to fail).
 */
export function locateFailure(ajv: Ajv, doc: Document, failure: CompileFailure): { pointer: string; message: string } {
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
  let at: unknown = failure.schema;
  let message = failure.message;
  for (let depth = 0; depth < 64; depth++) {
    if (seen.has(at)) break;
    seen.add(at);
    let next: { schema: unknown; message: string } | null = null;
    for (const child of childrenOf(doc, at)) {
      const m = fails(child);
      if (m !== null) {
        next = { schema: child, message: m };
        break;
      }
    }
    if (!next) break;
    at = next.schema;
    message = next.message;
  }
  return { pointer: pointers.get(at as object) ?? '', message };
}

function childrenOf(doc: Document, schema: unknown): unknown[] {
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) return [];
  const s = schema as Record<string, unknown>;
  const out: unknown[] = [];
  if (typeof s.$ref === 'string' && s.$ref.startsWith('#/')) out.push(pointerTarget(doc, s.$ref.slice(1)));
  for (const k of SINGLE) if (s[k] !== undefined) out.push(s[k]);
  for (const k of LISTS) if (Array.isArray(s[k])) out.push(...(s[k] as unknown[]));
  for (const k of MAPS) if (s[k] && typeof s[k] === 'object') out.push(...Object.values(s[k] as object));
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
    for (const [key, value] of Object.entries(node)) visit(value, `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`);
  };
  visit(doc, '');
  indexes.set(doc, index);
  return index;
}

/** Problems of several operations, one entry per distinct place and message. */
export function mergeProblems(found: { operation: string; pointer: string; message: string }[]): ContractProblem[] {
  const byKey = new Map<string, ContractProblem>();
  for (const f of found) {
    const key = `${f.pointer}\n${f.message}`;
    const entry = byKey.get(key) ?? { pointer: f.pointer, message: f.message, operations: [] };
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
