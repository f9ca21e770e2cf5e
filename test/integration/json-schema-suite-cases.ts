// The JSON Schema Test Suite (test/fixtures/json-schema-test-suite/) as OpenAPI contracts, the way
// users meet it: each case's schema becomes a component schema that one operation's request body
// `$ref`s, with the case's own `#…` references rewritten to where the schema now sits in the
// contract (as an author moving a schema into `components` would), and each test's instance kept
// as its exact JSON text. Never changes what a schema means; a case it cannot carry over is left out
// with the reason.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { jsonOffsets } from '../../generator/contract/json-offsets.js';
import { escapeSegment } from '../../server/runtime/contract/pointer.js';

export type Dialect = 'draft2020-12' | 'draft4';

export interface SuiteTest {
  file: string;
  operation: string;
  description: string;
  /** The instance as written in the suite file. */
  text: string;
  valid: boolean;
}

export interface SuiteContract {
  document: Record<string, unknown>;
  tests: SuiteTest[];
  /** Cases left out, with the reason. */
  skipped: { file: string; description: string; reason: string }[];
}

interface SuiteCase {
  description: string;
  schema: unknown;
  tests: { description: string; data: unknown; valid: boolean }[];
}

/**
 * Keywords an OpenAPI 3.0 Schema Object does not have (3.0 §4.7.24: a subset of draft 4), and the
 * draft-4 shapes it narrows (`type` a single name without `null`, `items` a single schema).
 */
const NOT_IN_30 = ['patternProperties', 'additionalItems', 'dependencies', 'id', '$schema'];

function lackingIn30(schema: unknown): string | undefined {
  let found: string | undefined;
  walk(schema, (node) => {
    for (const keyword of NOT_IN_30) if (keyword in node) found ??= keyword;
    if (Array.isArray(node.type) || node.type === 'null') found ??= `type: ${JSON.stringify(node.type)}`;
    if (Array.isArray(node.items)) found ??= 'items as an array';
  });
  return found;
}

/** Calls `visit` for every schema object (not inside `enum`/`const`, which are values). */
function walk(value: unknown, visit: (node: Record<string, unknown>) => void): void {
  if (Array.isArray(value)) return value.forEach((v) => walk(v, visit));
  if (typeof value !== 'object' || value === null) return;
  const node = value as Record<string, unknown>;
  visit(node);
  for (const [key, child] of Object.entries(node)) if (key !== 'enum' && key !== 'const' && key !== 'default' && key !== 'examples') walk(child, visit);
}

/**
 * The case's schema as a component named `name`: `#…` references of the root resource point into
 * the component, and its anchors are prefixed with the name so that cases sharing one contract
 * never share an anchor. A subschema with its own `$id` is a resource of its own: left as written.
 */
function relocate(schema: unknown, name: string, dialect: Dialect): unknown {
  const base = `#/components/schemas/${escapeSegment(name)}`;
  const idKey = dialect === 'draft4' ? 'id' : '$id';
  const rewrite = (value: unknown, root: boolean): unknown => {
    if (Array.isArray(value)) return value.map((v) => rewrite(v, false));
    if (typeof value !== 'object' || value === null) return value;
    const node = value as Record<string, unknown>;
    if (!root && typeof node[idKey] === 'string') return node;
    const out: Record<string, unknown> = {};
    // defineProperty: a member named `__proto__` stays a member, as JSON.parse made it.
    const set = (key: string, value: unknown) => Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
    for (const [key, child] of Object.entries(node)) {
      if (key === 'enum' || key === 'const' || key === 'default' || key === 'examples') set(key, child);
      else if ((key === '$ref' || key === '$dynamicRef') && typeof child === 'string' && child.startsWith('#')) {
        set(key, child === '#' || child.startsWith('#/') ? base + child.slice(1) : `#${name}_${child.slice(1)}`);
      } else if ((key === '$anchor' || key === '$dynamicAnchor') && typeof child === 'string') set(key, `${name}_${child}`);
      else set(key, rewrite(child, false));
    }
    return out;
  };
  if (typeof schema === 'object' && schema !== null && typeof (schema as Record<string, unknown>)[idKey] === 'string') return schema;
  return rewrite(schema, true);
}

/**
 * Why a case's references are not the contract's to resolve, if they are not: a `$ref` that is a
 * URI (`http://…`, `urn:…`, a relative `list` or `tree.json`) or a `#…` reference inside a schema
 * with an `$id` resolves against that `$id` (JSON Schema's base URI). OpenAPI tools — swagger-
 * parser, openapi-typescript, Redocly, and specfirst's loader with them — resolve a `$ref` against
 * the file that holds it: a URI is a file to read or a remote to fetch, never an embedded `$id`.
 */
function idBasedReference(schema: unknown, dialect: Dialect): string | undefined {
  const idKey = dialect === 'draft4' ? 'id' : '$id';
  let found: string | undefined;
  const visit = (value: unknown, inResource: boolean): void => {
    if (Array.isArray(value)) return value.forEach((v) => visit(v, inResource));
    if (typeof value !== 'object' || value === null) return;
    const node = value as Record<string, unknown>;
    const here = inResource || typeof node[idKey] === 'string';
    for (const key of ['$ref', '$dynamicRef']) {
      const ref = node[key];
      if (typeof ref !== 'string') continue;
      if (!ref.startsWith('#')) found ??= `${key} "${ref}" resolves against an $id or a remote document`;
      else if (here) found ??= `${key} "${ref}" resolves inside a schema with its own ${idKey}`;
    }
    for (const [key, child] of Object.entries(node)) if (key !== 'enum' && key !== 'const' && key !== 'default' && key !== 'examples') visit(child, here);
  };
  visit(schema, false);
  const dialectUri = (schema as { $schema?: unknown } | null)?.$schema;
  if (typeof dialectUri === 'string' && !/json-schema\.org\/(draft\/2020-12|draft-04)\/schema#?$/.test(dialectUri)) found ??= `$schema "${dialectUri}" is a custom meta-schema (remote)`;
  return found;
}

/** The exact text of the JSON value whose member key starts at `offset`. */
function valueText(text: string, offset: number): string {
  let i = offset + 1;
  while (text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
  i++;
  while (/[\s:]/.test(text[i]!)) i++;
  const start = i;
  let depth = 0;
  for (; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') {
      for (i++; text[i] !== '"'; i++) if (text[i] === '\\') i++;
      if (depth === 0) return text.slice(start, i + 1);
    } else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      if (depth === 0) break;
      if (--depth === 0) return text.slice(start, i + 1);
    } else if (depth === 0 && /[\s,]/.test(c)) break;
  }
  return text.slice(start, i).trim();
}

/** Every suite file of `dialect` under `dir` as one contract: one POST operation per case. */
export function suiteContract(dir: string, dialect: Dialect, skip: (file: string, c: SuiteCase) => string | undefined = () => undefined): SuiteContract {
  const paths: Record<string, unknown> = {};
  const schemas: Record<string, unknown> = {};
  const tests: SuiteTest[] = [];
  const skipped: SuiteContract['skipped'] = [];
  for (const fileName of readdirSync(join(dir, dialect)).filter((f) => f.endsWith('.json')).sort()) {
    const file = fileName.replace(/\.json$/, '');
    const text = readFileSync(join(dir, dialect, fileName), 'utf8');
    const cases = JSON.parse(text) as SuiteCase[];
    const offsets = jsonOffsets(text, cases.flatMap((c, ci) => c.tests.map((_, ti) => [String(ci), 'tests', String(ti), 'data'])));
    let at = 0;
    cases.forEach((c, ci) => {
      const name = `${file.replace(/[^A-Za-z0-9]/g, '_')}_${ci}`;
      const reason = skip(file, c) ?? idBasedReference(c.schema, dialect) ?? (dialect === 'draft4' ? lackingIn30(c.schema) : undefined);
      const caseOffsets = offsets.slice(at, (at += c.tests.length));
      if (reason) return void skipped.push({ file, description: c.description, reason });
      let schema = c.schema;
      if (typeof schema === 'object' && schema !== null && '$schema' in schema) {
        const { $schema: _dialect, ...rest } = schema as Record<string, unknown>;
        schema = rest;
      }
      schemas[name] = relocate(schema, name, dialect);
      paths[`/${name}`] = {
        post: {
          operationId: name,
          summary: c.description,
          requestBody: { required: true, content: { 'application/json': { schema: { $ref: `#/components/schemas/${name}` } } } },
          responses: { '204': { description: 'valid' } },
        },
      };
      c.tests.forEach((t, ti) => tests.push({ file, operation: name, description: `${c.description} / ${t.description}`, text: valueText(text, caseOffsets[ti]!), valid: t.valid }));
    });
  }
  const document = {
    openapi: dialect === 'draft4' ? '3.0.3' : '3.1.0',
    info: { title: `JSON Schema Test Suite ${dialect}`, version: '1' },
    paths,
    components: { schemas },
  };
  return { document, tests, skipped };
}
