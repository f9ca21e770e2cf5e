// Where the runtime's validator reads a schema as more than it literally says, reported at the
// schema so the author can write it out: found by the validator's own normalisation
// (server/runtime/normalize/), so lint never says something the server does not do. One warning
// per schema object, where it is written (a component used a hundred times is one warning).
import type { Document } from '../../server/runtime/contract/document.js';
import { normalizeForValidator } from '../../server/runtime/normalize/index.js';
import type { LoadedContract } from '../contract/load.js';
import type { DocumentProblem } from './document.js';

export function objectsWithoutType(doc: LoadedContract['document']): DocumentProblem[] {
  return normalizeForValidator(doc as unknown as Document)
    .changes.filter((c) => c.rule === 'object-without-type')
    .map((c) => ({
      pointer: c.pointer,
      severity: 'warning',
      rule: 'object-without-type',
      message: c.message,
      hint: 'write type: object (the validator, the types and the mocks already read it so)',
    }));
}
