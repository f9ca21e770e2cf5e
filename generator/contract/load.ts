// Reads a contract (one file or many joined by `$ref`), walks it knowing what every object is,
// and bundles it into one document with only internal `$ref`s. Problems of loading (YAML syntax,
// a `$ref` that leads nowhere, a document that is not OpenAPI 3.0, 3.1 or 3.2) come back as
// diagnostics at their file:line:col; this module never throws for a bad contract and never
// writes anything. The checks beyond loading are lint.ts's.
import { bundleContract } from './bundle.js';
import { displayPath, type Diagnostic } from './diagnostics.js';
import type { OpenAPIDocument } from './document.js';
import type { OasVersion } from './meta-schemas.js';
import { decodePointer } from '../../server/runtime/contract/pointer.js';
import { followPointer, placeFindings, placeOffset, type FilePointer } from './positions.js';
import { readSources, type ReadResult, type SourceFile, type Sources } from './sources.js';
import { walkContract, type ContractWalk } from './walk.js';

export { displayPath };

export type { OpenAPIDocument };

export interface LoadedContract {
  /** Absolute path of the root file. */
  root: string;
  version: OasVersion;
  /** The contract as one document: other files' content in components, internal `$ref`s kept. */
  document: OpenAPIDocument;
  /** Every file the contract spans. */
  sources: Sources;
  read: ReadResult;
  /** Every object of the contract by kind, and every `$ref` with where it leads. */
  walk: ContractWalk;
  /** Where a pointer into `document` is written: the file and the pointer in it. */
  locate(pointer: string): FilePointer;
}

export interface LoadResult {
  contract: LoadedContract | null;
  diagnostics: Diagnostic[];
}

export async function loadContract(rootPath: string): Promise<LoadResult> {
  const read = await readSources(rootPath);
  const diagnostics: Diagnostic[] = read.syntax.map((e) => {
    const place = placeOffset(read.sources.get(e.file)!, e.offset);
    return {
      severity: 'error',
      file: displayPath(e.file),
      line: place.line,
      column: place.column,
      pointer: '',
      rule: 'yaml',
      message: e.message,
      hint: 'fix the YAML syntax; quote strings that contain ": " or start with a special character',
    };
  });
  const root = read.sources.get(rootPath);
  if (!root) return { contract: null, diagnostics: [loadError(rootPath, `cannot read the contract: ${read.unreadable.get(rootPath) ?? 'unknown error'}`)] };
  if (root.value === undefined) return { contract: null, diagnostics };
  const version = versionOf(root);
  if (!('version' in version)) {
    diagnostics.push(loadError(rootPath, version.message, version));
    return { contract: null, diagnostics };
  }
  const walk = walkContract(read, root);
  // A file reached only from examples and descriptions is not the contract's: its syntax error is
  // a warning at each `$ref` to it (rule `ref-dropped`), not an error that stops the contract.
  const kept = diagnostics.filter((d, i) => walk.normativeFiles.has(read.syntax[i]!.file));
  diagnostics.length = 0;
  diagnostics.push(...kept, ...placeFindings(read.sources, walk.problems));
  const { document, origins } = bundleContract(read, root, walk);
  const locate = (pointer: string): FilePointer => {
    const segments = decodePointer(pointer);
    const origin = segments[0] === 'components' && segments.length >= 3 ? origins.get(`/components/${segments[1]}/${segments[2]}`) : undefined;
    return origin ? followPointer(read.sources, origin, segments.slice(3)) : followPointer(read.sources, { file: rootPath, pointer: '' }, segments);
  };
  return { contract: { root: rootPath, version: version.version, document, sources: read.sources, read, walk, locate }, diagnostics };
}

function versionOf(root: SourceFile): { version: OasVersion } | { message: string; hint: string } {
  const doc = root.value as { openapi?: unknown; swagger?: unknown } | null;
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    return { message: 'the contract is not an OpenAPI document (its top level is not a mapping)', hint: 'start the file with openapi: 3.1.0' };
  }
  if (doc.swagger !== undefined) {
    return { message: `this is Swagger ${String(doc.swagger)}; specfirst reads OpenAPI 3.0, 3.1 and 3.2`, hint: 'convert it, e.g. with `npx swagger2openapi`' };
  }
  const v = String(doc.openapi ?? '');
  if (/^3\.0\.\d+/.test(v)) return { version: '3.0' };
  if (/^3\.1\.\d+/.test(v)) return { version: '3.1' };
  if (/^3\.2\.\d+/.test(v)) return { version: '3.2' };
  return { message: doc.openapi === undefined ? 'the contract has no "openapi" field' : `openapi: ${v} is not a version specfirst reads (3.0.x, 3.1.x, 3.2.x)`, hint: 'start the file with openapi: 3.1.0' };
}

function loadError(path: string, message: string, from?: { hint?: string }): Diagnostic {
  return { severity: 'error', file: displayPath(path), line: 1, column: 1, pointer: '', rule: 'load', message, hint: from?.hint };
}
