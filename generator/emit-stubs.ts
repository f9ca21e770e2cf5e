// Handler stubs: one file per operation that compiles, answers 501 Not Implemented as
// problem+json, and says what to write. Written once: after that the file belongs to the person
// (write.ts never overwrites it). Pure: operation in, TypeScript out.
import type { Operation } from './model.js';
import { commentLine, docComment } from './doc-comment.js';

export function emitStub(op: Operation, source: string): string {
  const what = commentLine(op.summary ?? `${op.method.toUpperCase()} ${op.path}`);
  return [
    `// Handler for ${commentLine(`${op.method.toUpperCase()} ${op.path} (${op.operationId ?? op.name}) in ${source}`)}.`,
    '// This file is yours: specfirst wrote it once and will never overwrite it.',
    'import type { Handlers } from "../generated/operations.js";',
    'import { notImplemented } from "../generated/operations.js";',
    '',
    docComment([op.summary ?? what, op.description]),
    `export const ${op.name}: Handlers[${JSON.stringify(op.name)}] = async (_request, _context) => {`,
    `  // TODO: ${what}. Return { status, body } as the contract says; until then the server answers 501.`,
    `  return notImplemented(${JSON.stringify(op.name)});`,
    '};',
    '',
  ].join('\n');
}
