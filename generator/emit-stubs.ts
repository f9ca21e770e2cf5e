// Handler stubs: one file per operation that compiles, answers 501 Not Implemented as
// problem+json, and says what to write. Written once: after that the file belongs to the person
// (write.ts never overwrites it). Pure: operation in, TypeScript out.
import type { Operation } from './model.js';

export function emitStub(op: Operation, source: string): string {
  const what = op.summary ?? `${op.method.toUpperCase()} ${op.path}`;
  const description = op.description ? op.description.split('\n').map((l) => ` * ${l}`.trimEnd()) : [];
  return [
    `// Handler for ${op.method.toUpperCase()} ${op.path} (${op.operationId ?? op.name}) in ${source}.`,
    '// This file is yours: specfirst wrote it once and will never overwrite it.',
    'import type { Handlers } from "../generated/operations.js";',
    'import { notImplemented } from "../generated/operations.js";',
    '',
    '/**',
    ` * ${what}`,
    ...(description.length > 0 ? [' *', ...description] : []),
    ' */',
    `export const ${op.name}: Handlers[${JSON.stringify(op.name)}] = async (_request, _context) => {`,
    `  // TODO: ${what}. Return { status, body } as the contract says; until then the server answers 501.`,
    `  return notImplemented(${JSON.stringify(op.name)});`,
    '};',
    '',
  ].join('\n');
}
