// Schema types: TypeScript for every schema of the contract, made by openapi-typescript (the
// ecosystem's tool for it; we never hand-roll schema → TS), plus one short alias per component
// schema so handlers can write `Pet` instead of `components["schemas"]["Pet"]`.
import openapiTS, { astToString } from 'openapi-typescript';
import ts from 'typescript';
import type { OpenAPIDocument } from './load.js';
import { typeStem } from './names.js';
import { generatedHeader } from './header.js';

const BLOB = ts.factory.createTypeReferenceNode('Blob');
const NULL = ts.factory.createLiteralTypeNode(ts.factory.createNull());

/** `schema.ts`: paths, operations and components as openapi-typescript writes them. */
export async function emitSchema(document: OpenAPIDocument, source: string): Promise<string> {
  // openapi-typescript may annotate the object it is given; it gets a copy.
  const ast = await openapiTS(structuredClone(document) as never, {
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
