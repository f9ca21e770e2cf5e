// The hash that ties a file `specfirst generate` or `specfirst build` writes beside openapi.json
// (contract-problems.json, normalized.json, validators.cjs) to the very text of that openapi.json:
// a file made for another version of the document is ignored.
import { createHash } from 'node:crypto';

export function documentHash(text: string): string {
  return `sha256:${createHash('sha256').update(text).digest('hex')}`;
}
