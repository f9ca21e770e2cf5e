// Validators compiled by `specfirst build` (ajv's standalone code), written beside the built
// openapi.json as validators.cjs, so that a built server answers its first requests without loading
// ajv's compiler or compiling a schema. The one home of what both sides must agree on: the file's
// name, its first line (which version of openapi.json it was made for) and the key of a validator
// (the validator instance it belongs to and a hash of its schema's JSON: the same schema in the same
// instance is one validator, found without knowing where the schema sits in the contract).
// A stale, unreadable or broken file is ignored, and the server compiles as it would without one.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { compileFunction } from 'node:vm';
import type { ValidateFunction } from 'ajv';
import { documentHash } from './document-hash.js';
import { FORMATS_NAME, validatorFormats } from './formats.js';

/**
 * `.cjs`: the code is CommonJS (`exports[…] =`, `require("ajv/dist/runtime/…")`), and a project is
 * `"type": "module"`, where a `.js` file would be read as an ES module by anyone who opens it.
 */
export const VALIDATORS_FILE = 'validators.cjs';

/** The validator instances of an API (validators.ts): their options differ, so do their validators. */
export type InstanceKind = 'parameters' | 'body' | 'bodyDefaults' | 'response';

const HEADER = '// specfirst validators 1 ';

/** The key a validator is written and looked up under. */
export function validatorKey(kind: InstanceKind, schema: unknown): string {
  return `${kind}:${createHash('sha256').update(JSON.stringify(schema) ?? 'undefined').digest('base64url')}`;
}

/** The first line of validators.cjs for openapi.json's text: it names the document the file was made for. */
export function validatorsFileHeader(openapiJson: string): string {
  return `${HEADER}${documentHash(openapiJson)}\n`;
}

/** The line before each instance's code (after a line break): each is run only when that instance is first asked. */
export function instanceMark(kind: InstanceKind): string {
  return `${MARK}${kind}\n`;
}

const MARK = '//# specfirst instance ';

/** The validators of a built API, found by instance and schema. */
export interface PrecompiledValidators {
  /** The validator written for `schema` in instance `kind`, or undefined (then compile it). */
  find(kind: InstanceKind, schema: unknown): ValidateFunction | undefined;
}

/** ajv's runtime helpers (`ajv/dist/runtime/equal`, …) as the runtime package finds them, not the project. */
const runtimeRequire = createRequire(import.meta.url);

/**
 * The validators written beside `documentUrl` for this very document, read when the first one is
 * looked up (never at start-up), each instance's code run when that instance is first asked (a
 * server whose requests have no body never runs the body validators' code: for Box's contract,
 * a third of the file). `ignored` is told once why a file that is there is not used; a missing
 * file is no news (a server run from sources has none).
 */
export function precompiledValidators(documentUrl: URL, text: string, ignored: (message: string) => void): PrecompiledValidators {
  const url = new URL(VALIDATORS_FILE, documentUrl);
  let chunks: Map<string, string> | null | undefined;
  const instances = new Map<InstanceKind, Record<string, unknown> | null>();
  let broken = false;
  const read = (): Map<string, string> | null => {
    let code: string;
    try {
      code = readFileSync(url, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') ignored(`${VALIDATORS_FILE} cannot be read (${(error as Error).message}): validators are compiled as needed`);
      return null;
    }
    if (!code.startsWith(validatorsFileHeader(text))) {
      ignored(`${VALIDATORS_FILE} was built for another version of openapi.json: validators are compiled as needed (run specfirst build)`);
      return null;
    }
    // A mark starts a line; the code never has a line that starts so (the contract's text in it
    // is in JSON strings, where a line break is written `\n`). Each part: the instance's name on
    // the rest of the mark's line, then its code.
    const parts = code.split(`\n${MARK}`);
    return new Map(parts.slice(1).map((part) => [part.slice(0, part.indexOf('\n')), part.slice(part.indexOf('\n') + 1)]));
  };
  const run = (kind: InstanceKind): Record<string, unknown> | null => {
    if (chunks === undefined) chunks = read();
    const code = chunks?.get(kind);
    chunks?.delete(kind);
    if (code === undefined || broken) return null;
    try {
      const exports = Object.create(null) as Record<string, unknown>;
      compileFunction(code, ['exports', 'require', FORMATS_NAME], { filename: fileURLToPath(url) })(exports, runtimeRequire, validatorFormats);
      return exports;
    } catch (error) {
      broken = true;
      ignored(`${VALIDATORS_FILE} cannot be run (${(error as Error).message}): validators are compiled as needed`);
      return null;
    }
  };
  return {
    find(kind, schema) {
      let exports = instances.get(kind);
      if (exports === undefined) instances.set(kind, (exports = run(kind)));
      if (!exports) return undefined;
      const validate = exports[validatorKey(kind, schema)];
      return typeof validate === 'function' ? (validate as ValidateFunction) : undefined;
    },
  };
}
