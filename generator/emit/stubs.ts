// Handler stubs: one file per operation that compiles, answers 501 Not Implemented as
// problem+json, and says what to write. Written once: after that the file belongs to the person
// (write.ts never overwrites it). Pure: operation in, TypeScript out.
//
// The shape is a function with its request, context and response types written out: TypeScript
// then checks each `return` against the declared response type and reports a wrong status, body
// field or header at that line, in one short message. (Typed as `const x: Handlers["x"] = …`, the
// whole function is compared with the handler type at once: one error, on the declaration, with
// every response of the operation printed.) The generated routes.ts still assigns each handler
// to `Handlers`, so a missing or misnamed handler remains a compile error there.
import type { Operation } from '../model/model.js';
import { commentLine, docComment } from './doc-comment.js';

export function emitStub(op: Operation, source: string): string {
  const what = commentLine(op.summary ?? `${op.method.toUpperCase()} ${op.path}`);
  const t = op.typeStem;
  return [
    `// Handler for ${commentLine(`${op.method.toUpperCase()} ${op.path} (${op.operationId ?? op.name}) in ${source}`)}.`,
    '// This file is yours: specfirst wrote it once and will never overwrite it.',
    `import type { ${t}Context, ${t}Request, ${t}Response } from "../generated/operations.js";`,
    'import { notImplemented } from "../generated/operations.js";',
    '',
    docComment([op.summary ?? what, op.description]),
    `export async function ${op.name}(_request: ${t}Request, _context: ${t}Context): Promise<${t}Response> {`,
    `  // TODO: ${what}. Return { status, body } as the contract says; until then the server answers 501.`,
    `  return notImplemented(${JSON.stringify(op.name)});`,
    '}',
    '',
  ].join('\n');
}
