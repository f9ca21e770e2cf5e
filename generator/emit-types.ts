// Schema types: TypeScript for every schema of the contract, made by openapi-typescript (the
// ecosystem's tool for it; we never hand-roll schema → TS), plus one short alias per component
// schema so handlers can write `Pet` instead of `components["schemas"]["Pet"]`.
import openapiTS, { astToString } from 'openapi-typescript';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import type { OpenAPIDocument } from './load.js';
import { typeStem } from './names.js';
import { generatedHeader } from './header.js';

const BLOB = ts.factory.createTypeReferenceNode('Blob');
const NULL = ts.factory.createLiteralTypeNode(ts.factory.createNull());

/**
 * `schema.ts`: paths, operations and components as openapi-typescript writes them. It reads the
 * root file itself: its own bundler hoists schemas from other files into components, where
 * swagger-parser's bundle may leave `$ref`s pointing into `paths` that it cannot type.
 */
export async function emitSchema(rootFile: string, source: string): Promise<string> {
  const ast = await openapiTS(pathToFileURL(rootFile), {
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
