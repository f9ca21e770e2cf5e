// The example's bundled contract (what `specfirst generate` writes next to the generated code), as
// the peers that read a contract at start-up are given it.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const CONTRACT_PATH = fileURLToPath(new URL('../../server/petstore/generated/openapi.json', import.meta.url));

/** A fresh parsed copy (some peers change the document they are given). */
export const readContract = (): Record<string, unknown> => JSON.parse(readFileSync(CONTRACT_PATH, 'utf8')) as Record<string, unknown>;
