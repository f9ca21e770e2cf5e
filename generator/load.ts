// Reads a contract (one file or many joined by `$ref`), validates it with swagger-parser against
// the OpenAPI 3.0/3.1 schema, and bundles it into one document with only internal `$ref`s.
// Every problem comes back as a Diagnostic at its file:line:col; this module never throws for a
// bad contract, and it never writes anything.
import { relative } from 'node:path';
import SwaggerParser from '@apidevtools/swagger-parser';
import { bundle, createConfig } from '@redocly/openapi-core';
import type { OpenAPIV3, OpenAPIV3_1 } from 'openapi-types';
import type { Diagnostic } from './diagnostics.js';
import { encodePointer, locate, parseSource, placeOf, type Sources } from './positions.js';
import { applyMetaSchemaFixes } from './meta-schema-fixes.js';

export type OpenAPIDocument = OpenAPIV3.Document | OpenAPIV3_1.Document;

export interface LoadedContract {
  /** Absolute path of the root file. */
  root: string;
  /** The contract as one document: other files' content in components, internal `$ref`s kept. */
  document: OpenAPIDocument;
  /** Every file the contract spans, parsed with positions. */
  sources: Sources;
}

export interface LoadResult {
  contract: LoadedContract | null;
  diagnostics: Diagnostic[];
}

/** Where diagnostics name files: relative to the working directory, like compilers do. */
export function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel.startsWith('..') ? path : rel;
}

export async function loadContract(rootPath: string): Promise<LoadResult> {
  const sources: Sources = new Map();
  const diagnostics: Diagnostic[] = [];
  const options = parserOptions(sources, diagnostics);

  applyMetaSchemaFixes();
  const validator = new SwaggerParser();
  try {
    await validator.validate(rootPath, { ...options, validate: { schema: true, spec: false } });
  } catch (error) {
    diagnostics.push(...explain(error, sources, rootPath, diagnostics.length > 0));
    return { contract: null, diagnostics };
  }
  // One document for everything after loading (the model, /openapi.json, the validator): Redocly's
  // bundler moves what other files hold into components and points every $ref (and discriminator
  // mapping) there. swagger-parser's bundle leaves $refs pointing into paths
  // (#/paths/~1menu/get/parameters/3), which express-openapi-validator cannot follow.
  const bundled = await bundle({ ref: rootPath, config: await redoclyConfig(), dereference: false });
  const document = bundled.bundle.parsed as OpenAPIDocument;
  return { contract: { root: rootPath, document, sources }, diagnostics };
}

let config: ReturnType<typeof createConfig> | undefined;
const redoclyConfig = (): ReturnType<typeof createConfig> => (config ??= createConfig({}));

/**
 * swagger-parser options with our own YAML parser: it keeps each file's syntax tree so that any
 * later problem can be located, and it reports YAML syntax errors at their exact place.
 */
function parserOptions(sources: Sources, diagnostics: Diagnostic[]): SwaggerParser.Options {
  const yamlParser = {
    order: 1,
    allowEmpty: false,
    canParse: /\.(ya?ml|json)$/i,
    parse(file: { url: string; data: Buffer | string }): unknown {
      const text = typeof file.data === 'string' ? file.data : file.data.toString('utf8');
      const source = parseSource(file.url, text);
      sources.set(file.url, source);
      const errors = source.doc.errors;
      if (errors.length > 0) {
        for (const e of errors) {
          const place = placeOf(source, e.pos[0]);
          diagnostics.push({
            severity: 'error',
            file: displayPath(file.url),
            line: place.line,
            column: place.column,
            pointer: '',
            rule: 'yaml',
            message: e.message.split('\n')[0] ?? e.message,
            hint: 'fix the YAML syntax; quote strings that contain ": " or start with a special character',
          });
        }
        throw new Error(`YAML syntax error in ${file.url}`);
      }
      return source.doc.toJS({ maxAliasCount: 1000 });
    },
  };
  return {
    parse: { yaml: yamlParser, json: false, text: false, binary: false },
    resolve: { http: false, external: true },
    dereference: { circular: 'ignore' },
    continueOnError: true,
  } as unknown as SwaggerParser.Options;
}

interface RefError {
  message: string;
  source?: string;
  path?: (string | number)[] | string | null;
  code?: string;
  /** `file#pointer` of the value that holds the failing `$ref`. */
  parentPath?: string;
}

interface AjvError {
  instancePath: string;
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
}

/** Turns whatever swagger-parser threw into located diagnostics. */
function explain(error: unknown, sources: Sources, root: string, yamlReported: boolean): Diagnostic[] {
  const err = error as { errors?: RefError[]; details?: AjvError[]; message?: string; source?: string };
  if (Array.isArray(err.errors)) {
    return err.errors
      .filter((e) => !(yamlReported && e.code === 'EPARSER'))
      .map((e) => refDiagnostic(e, sources, root));
  }
  if (Array.isArray(err.details)) return schemaDiagnostics(err.details, sources, root);
  if (yamlReported) return [];
  const message = String(err.message ?? error).replace(/^Error parsing .*?: /, '');
  const place = locate(sources, err.source ?? root, '');
  return [
    {
      severity: 'error',
      file: displayPath(place.path),
      line: place.line,
      column: place.column,
      pointer: '',
      rule: 'load',
      message,
    },
  ];
}

function refDiagnostic(e: RefError, sources: Sources, root: string): Diagnostic {
  const { file, pointer } = refSite(e, root);
  const missing = e.code === 'EMISSINGPOINTER' || e.code === 'ERESOLVER' || e.code === 'EUNMATCHEDRESOLVER';
  // Point at the `$ref` itself, in the file that holds it: that is the line to edit.
  const place = locate(sources, file, missing ? `${pointer}/$ref` : pointer);
  return {
    severity: 'error',
    file: displayPath(place.path),
    line: place.line,
    column: place.column,
    pointer,
    rule: missing ? 'ref' : 'load',
    message: (missing ? '$ref does not resolve: ' : '') + e.message.replace(/\s+/g, ' ').trim(),
    hint: missing ? 'point the $ref at something that exists (check the file name and the #/path after it)' : undefined,
  };
}

/** The file and pointer of the value holding the failing `$ref`. */
function refSite(e: RefError, root: string): { file: string; pointer: string } {
  if (e.parentPath) {
    const [filePart, fragment = ''] = e.parentPath.split('#');
    return { file: filePart || root, pointer: fragment };
  }
  const segments = Array.isArray(e.path) ? e.path.map(String) : [];
  return { file: e.source ?? root, pointer: encodePointer(segments) };
}

/**
 * The OpenAPI meta-schema reports every failing `oneOf` branch; keep the errors a person can act
 * on: the deepest ones, without "must match a schema in oneOf" and "must have `$ref`" noise.
 */
function schemaDiagnostics(errors: AjvError[], sources: Sources, root: string): Diagnostic[] {
  const meaningful = errors.filter(
    (e) =>
      !['oneOf', 'anyOf', 'if', 'not', '$ref', 'unevaluatedProperties'].includes(e.keyword) &&
      !(e.keyword === 'required' && e.params.missingProperty === '$ref'),
  );
  const candidates = meaningful.length > 0 ? meaningful : errors;
  const deepest = candidates.filter(
    (e) => !candidates.some((o) => o !== e && o.instancePath.startsWith(e.instancePath + '/')),
  );
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  for (const e of deepest) {
    const extra =
      e.keyword === 'additionalProperties' ? String(e.params.additionalProperty ?? '') : '';
    const pointer = extra ? e.instancePath + encodePointer([extra]) : e.instancePath;
    const message = messageOf(e);
    const key = `${pointer} ${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const place = locate(sources, root, pointer);
    out.push({
      severity: 'error',
      file: displayPath(place.path),
      line: place.line,
      column: place.column,
      pointer: pointer || '/',
      rule: 'schema',
      message,
      hint: hintOf(e),
    });
  }
  return out;
}

function messageOf(e: AjvError): string {
  const at = e.instancePath ? `${e.instancePath.split('/').pop()?.replace(/~1/g, '/').replace(/~0/g, '~')}` : 'the document';
  switch (e.keyword) {
    case 'additionalProperties':
      return `unknown property "${String(e.params.additionalProperty)}" in ${at}`;
    case 'required':
      return `${at} must have property "${String(e.params.missingProperty)}"`;
    case 'type':
      return `${at} must be ${String(e.params.type)}`;
    case 'enum':
      return `${at} must be one of ${JSON.stringify(e.params.allowedValues)}`;
    case 'pattern':
      return `"${at}" is not allowed here (must match ${String(e.params.pattern)})`;
    default:
      return `${at} ${e.message ?? 'is invalid'}`;
  }
}

function hintOf(e: AjvError): string | undefined {
  switch (e.keyword) {
    case 'additionalProperties':
      return 'remove it, check its spelling, or prefix it with x- to make it an extension';
    case 'required':
      return `add "${String(e.params.missingProperty)}"`;
    case 'type':
      return 'see https://spec.openapis.org/oas/latest.html for what this field takes';
    default:
      return undefined;
  }
}
