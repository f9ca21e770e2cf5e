// Schema types: TypeScript for every schema of the contract, made by openapi-typescript (the
// ecosystem's tool for it; we never hand-roll schema → TS), plus one short alias per component
// schema so handlers can write `Pet` instead of `components["schemas"]["Pet"]`.
import { createConfig } from '@redocly/openapi-core';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import ts from 'typescript';
import type { OpenAPIDocument } from '../contract/load.js';
import { schemaTypeNames } from '../model/names.js';
import { generatedHeader } from './header.js';
import { addOtherMethodsAsWebhooks } from './operation-types.js';
import { applyTypeRules, widenSchemas } from './type-meaning.js';

let noLintConfig: ReturnType<typeof createConfig> | undefined;

const BLOB = ts.factory.createTypeReferenceNode('Blob');
const NULL = ts.factory.createLiteralTypeNode(ts.factory.createNull());

/**
 * openapi-typescript's `WithRequired<T, K extends keyof T>` (for `required` beside an `allOf`
 * `$ref`) does not compile when T is a union whose members do not all have K: a nullable or
 * `anyOf` target makes `keyof T` `never` (TS2344). `required` only ever constrains objects, and
 * only names a member has: this one says exactly that, for every member of a union.
 */
const WITH_REQUIRED = ts.createSourceFile(
  'with-required.ts',
  'type WithRequired<T, K extends PropertyKey> = T extends object ? T & { [P in K & keyof T]-?: T[P] } : T;',
  ts.ScriptTarget.ES2022,
).statements[0]!;

/**
 * `schema.ts`: paths, operations and components as openapi-typescript writes them, from the
 * bundled document (a copy: it is not ours to change), given the type rules that keep types and
 * validation in agreement (type-meaning.ts). Its own lint is off: lint.ts has already reported every
 * problem, and one that does not stop generation must not stop it here. `widen` lists the schemas
 * (pointers in `document`) that cannot be typed exactly: each is typed `unknown` (schema-types.ts
 * finds them).
 */
export async function emitSchema(document: OpenAPIDocument, source: string, widen: readonly string[] = []): Promise<string> {
  const copy = structuredClone(document) as unknown as Record<string, unknown>;
  widenSchemas(copy, widen);
  applyTypeRules(copy);
  addOtherMethodsAsWebhooks(copy);
  const ast = await openapiTS(copy as unknown as OpenAPI3, {
    redocly: await (noLintConfig ??= createConfig({ rules: {} }, { extends: [] })),
    silent: true,
    alphabetize: false,
    // Files arrive as Blob/File (multipart) and binary bodies are sent from a Blob: the web
    // standard types, instead of openapi-typescript's default `string`.
    transform(schema) {
      if ((schema as { format?: string }).format !== 'binary') return undefined;
      return (schema as { nullable?: boolean }).nullable ? ts.factory.createUnionTypeNode([BLOB, NULL]) : BLOB;
    },
  });
  const nodes = ast.map((node) => (ts.isTypeAliasDeclaration(node) && node.name.text === 'WithRequired' ? WITH_REQUIRED : node));
  return `${generatedHeader(source)}\n${astToString(nodes)}`;
}

/**
 * `types.ts`: `export type Pet = components["schemas"]["Pet"];` for every component schema, each
 * under a name of its own even when schema names differ only in case or punctuation (names.ts).
 */
export function emitTypeAliases(document: OpenAPIDocument, source: string): string {
  const names = Object.keys(document.components?.schemas ?? {});
  const aliases = schemaTypeNames(names);
  const lines = names.map((name) => `export type ${aliases.get(name)} = components["schemas"][${JSON.stringify(name)}];`);
  const body = lines.length > 0 ? `import type { components } from "./schema.js";\n\n${lines.join('\n')}\n` : 'export {};\n';
  return `${generatedHeader(source)}\n${body}`;
}
