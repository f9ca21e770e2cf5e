// The route bindings: which handler serves which method and path, and what the runtime needs to
// know to build each typed request. Rewritten on every run. Importing every handler here is what
// makes a missing or mistyped handler a compile error. Pure: model in, TypeScript out.
import type { ApiModel, Operation, SecurityScheme } from '../model/model.js';
import { expressPath } from '../model/names.js';
import { generatedHeader } from './header.js';

export interface RoutesInput {
  /** The API's name: its folder under server/ and its docs path. */
  name: string;
  model: ApiModel;
  source: string;
  /** The contract declares its own error bodies: bind the formatter in ../errors.ts. */
  errorFormatter?: boolean;
}

export function emitRoutes({ name, model, source, errorFormatter = false }: RoutesInput): string {
  const ops = model.operations;
  const imports = ops.map((op) => `import { ${op.name} } from "../handlers/${op.fileStem}.js";`);
  // Verifiers are imported under a suffix: a scheme and an operation may share a name.
  const verifierImports = model.securitySchemes.map((s) => `import { ${s.name} as ${s.name}Verifier } from "../security/${s.fileStem}.js";`);
  const handlerList = ops.map((op) => `  ${op.name},`).join('\n');
  return [
    generatedHeader(source),
    '',
    'import type { Handlers } from "./operations.js";',
    ...imports,
    ...verifierImports,
    ...(errorFormatter ? ['import { errorFormatter } from "../errors.js";'] : []),
    '',
    '/** Every handler, checked against the contract: a missing or mistyped one is a compile error here. */',
    `export const handlers: Handlers = {\n${handlerList}\n};`,
    '',
    '/** The API as the runtime serves it: one Express route per operation, in contract order. */',
    'export const api = {',
    `  name: ${JSON.stringify(name)},`,
    `  title: ${JSON.stringify(model.title)},`,
    `  version: ${JSON.stringify(model.version)},`,
    '  /** The bundled contract (one document), served at /openapi.json and used to validate. */',
    '  document: new URL("./openapi.json", import.meta.url),',
    `  securitySchemes: {${model.securitySchemes.map(emitScheme).join('')}${model.securitySchemes.length > 0 ? '\n  ' : ''}},`,
    `  routes: [\n${ops.map(emitRoute).join('\n')}\n  ],`,
    ...(errorFormatter ? ['  /** Turns problems into the error bodies the contract declares (../errors.ts). */', '  errorFormatter,'] : []),
    '} as const;',
    '',
  ].join('\n');
}

function emitScheme(s: SecurityScheme): string {
  const where = s.type === 'apiKey' ? ` in: ${JSON.stringify(s.in)}, name: ${JSON.stringify(s.paramName)},` : '';
  const http = s.type === 'http' ? ` scheme: ${JSON.stringify(s.scheme)},` : '';
  return `\n    ${JSON.stringify(s.key)}: { type: ${JSON.stringify(s.type)},${where}${http} verify: ${s.name}Verifier },`;
}

function emitRoute(op: Operation): string {
  const names = (location: string): string =>
    `[${op.parameters
      .filter((p) => p.in === location)
      .map((p) => JSON.stringify(p.name))
      .join(', ')}]`;
  const responses = op.responses
    .map((r) => `${JSON.stringify(r.status)}: [${r.mediaTypes.map((m) => JSON.stringify(m)).join(', ')}]`)
    .join(', ');
  return [
    '    {',
    `      operation: ${JSON.stringify(op.name)},`,
    `      method: ${JSON.stringify(op.method)},`,
    `      path: ${JSON.stringify(op.path)},`,
    `      expressPath: ${JSON.stringify(expressPath(op.path))},`,
    `      parameters: { path: ${names('path')}, query: ${names('query')}, header: ${names('header')}, cookie: ${names('cookie')} },`,
    `      requestMediaTypes: [${(op.requestBody?.mediaTypes ?? []).map((m) => JSON.stringify(m)).join(', ')}],`,
    `      responses: { ${responses} },`,
    `      security: ${op.security ? JSON.stringify(op.security) : 'null'},`,
    `      handler: handlers.${op.name},`,
    '    },',
  ].join('\n');
}
