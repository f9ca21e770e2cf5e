// Schema types: TypeScript for every schema of the contract, made by openapi-typescript (the
// ecosystem's tool for it; we never hand-roll schema → TS), plus one short alias per component
// schema so handlers can write `Pet` instead of `components["schemas"]["Pet"]`.
import { bundle, createConfig } from '@redocly/openapi-core';
import openapiTS, { astToString } from 'openapi-typescript';
import ts from 'typescript';
import type { OpenAPIDocument } from './load.js';
import { typeStem } from './names.js';
import { generatedHeader } from './header.js';
import { applyTypeRules } from './type-rules.js';

const BLOB = ts.factory.createTypeReferenceNode('Blob');
const NULL = ts.factory.createLiteralTypeNode(ts.factory.createNull());

/**
 * `schema.ts`: paths, operations and components as openapi-typescript writes them. The root file is
 * bundled as openapi-typescript bundles it (Redocly, with its configuration: schemas from other
 * files hoisted into components, where swagger-parser's bundle may leave `$ref`s pointing into
 * `paths` that it cannot type), then given the type rules that keep types and validation in
 * agreement (type-rules.ts).
 */
export async function emitSchema(rootFile: string, source: string): Promise<string> {
  const redocly = await createConfig({ rules: { 'operation-operationId-unique': { severity: 'error' } } }, { extends: ['minimal'] });
  const bundled = await bundle({ ref: rootFile, config: redocly, dereference: false });
  const unresolved = bundled.problems.find((p) => p.severity === 'error');
  if (unresolved) throw new Error(unresolved.message);
  const document = bundled.bundle.parsed as Record<string, unknown>;
  applyTypeRules(document);
  const ast = await openapiTS(document as never, {
    redocly,
    silent: true,
    alphabetize: false,
    // Files arrive as Blob/File (multipart) and binary bodies are sent from a Blob: the web
    // standard types, instead of openapi-typescript's default `string`.
    transform(schema) {
      if ((schema as { format?: string }).format !== 'binary') return undefined;
      return (schema as { nullable?: boolean }).nullable ? ts.factory.createUnionTypeNode([BLOB, NULL]) : BLOB;
    },
  });
  return `${generatedHeader(source)}\n${astToString(ast)}`;
}

/** `types.ts`: `export type Pet = components["schemas"]["Pet"];` for every component schema. */
export function emitTypeAliases(document: OpenAPIDocument, source: string): string {
  const names = Object.keys(document.components?.schemas ?? {});
  const used = new Set<string>();
  const lines: string[] = [];
  for (const name of names) {
    const alias = typeStem(name);
    // Two schema names that differ only in punctuation or case would collide: keep the first.
    if (used.has(alias)) continue;
    used.add(alias);
    lines.push(`export type ${alias} = components["schemas"][${JSON.stringify(name)}];`);
  }
  const body = lines.length > 0 ? `import type { components } from "./schema.js";\n\n${lines.join('\n')}\n` : 'export {};\n';
  return `${generatedHeader(source)}\n${body}`;
}
