// The `error-formatter-missing` warning: the contract declares its own body for errors the server
// produces itself, and no error formatter (server/<api>/errors.ts) has been written, so the server
// can only send those errors as application/problem+json, which the contract does not allow.
// Pure: whether the file exists is the caller's question (command-lint.ts asks the disk).
import type { Diagnostic } from '../contract/diagnostics.js';
import { apiErrorsOf } from '../model/error-declarations.js';
import type { LoadedContract } from '../contract/load.js';
import type { ApiModel } from '../model/model.js';
import { encodePointer } from '../../server/runtime/contract/pointer.js';
import { placeFindings } from '../contract/positions.js';

export function errorFormatterDiagnostics(contract: LoadedContract, model: ApiModel, formatterFile: string, formatterExists: boolean): Diagnostic[] {
  if (formatterExists) return [];
  const errors = apiErrorsOf(contract.document, model)?.declarations;
  if (!errors) return [];
  const declared = [
    ...errors.operations.flatMap((op) => [...op.byStatus].map(([status, d]) => ({ status, d, path: op.path, method: op.method }))),
    ...[...errors.unserved].map(([status, d]) => ({ status, d, path: d.from.path, method: d.from.method })),
  ];
  const first = declared[0]!;
  const media = first.d.media.find((m) => m.kind === 'format')!;
  const pointer = encodePointer(['paths', first.path, first.method, 'responses', first.d.key, 'content', media.mediaType]);
  const place = contract.locate(pointer);
  const mediaTypes = [...new Set(declared.flatMap(({ d }) => d.media.filter((m) => m.kind === 'format').map((m) => m.mediaType)))];
  const statuses = [...new Set(declared.map(({ status }) => status))].sort();
  return placeFindings(contract.sources, [
    {
      severity: 'warning',
      file: place.file,
      pointer: place.pointer,
      rule: 'error-formatter-missing',
      message: `errors the server produces itself (${statuses.join(', ')}) are declared as ${mediaTypes.join(', ')}, but no error formatter is written (${formatterFile}): they are sent as application/problem+json, which the contract does not allow`,
      hint: 'run `specfirst generate`: it writes a default formatter that maps the problem onto the declared body, yours to adapt',
    },
  ]);
}
