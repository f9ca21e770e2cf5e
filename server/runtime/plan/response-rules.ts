// An operation's response rules, one per status it answers with: which entry of the contract
// covers the status (exact, its range, or `default`), the media types and headers declared there,
// and the media type implied when a handler names none. Worked out on a status's first use and
// kept; never sends anything: request/respond.ts checks and sends a response by these rules.
import type { Logger } from 'pino';
import type { RouteBinding } from '../api.js';
import { mediaTypeBase } from '../contract/media-types.js';
import type { CompiledOperation, HeaderRule } from './compile-operation.js';

export const UNDECLARED = '(no responses declared)';
const ANY = ['*/*'];

export interface ResponseRules {
  route: RouteBinding;
  compiled: CompiledOperation;
  /** Check bodies against their schemas (statuses, media types and headers are always checked). */
  validateBodies: boolean;
  /** Where a streamed response logs an item it refused to send. */
  logger?: Logger;
}

/** What a status answers with, worked out on its first use by the operation. */
export interface StatusEntry {
  key: string;
  /** Declared media types as the contract writes them, and their lower-case base types. */
  declared: readonly string[];
  bases: string[];
  /** The media type sent when the handler names none (the first declared, when concrete). */
  implied: string | undefined;
  headers: readonly HeaderRule[] | undefined;
}

/** Per compiled operation, per status: worked out on the status's first use, then only read. */
const entries = new WeakMap<CompiledOperation, Map<number, StatusEntry | null>>();

export function entryFor(route: RouteBinding, compiled: CompiledOperation, status: number): StatusEntry | null {
  let byStatus = entries.get(compiled);
  if (!byStatus) entries.set(compiled, (byStatus = new Map()));
  let entry = byStatus.get(status);
  if (entry === undefined) {
    const key = declaredStatusKey(route, status);
    const declared = key === null ? [] : key === UNDECLARED ? ANY : route.responses[key]!;
    entry = key === null ? null : { key, declared, bases: declared.map(mediaTypeBase), implied: impliedType(declared[0]), headers: compiled.headers.get(key) };
    byStatus.set(status, entry);
  }
  return entry;
}

/** The response entry that covers a status (exact, then `2XX`, then `default`); null if none. */
function declaredStatusKey(route: RouteBinding, status: number): string | null {
  const responses = route.responses;
  const exact = String(status);
  if (responses[exact]) return exact;
  // An operation without responses in the contract promises nothing: any status goes.
  if (Object.keys(responses).length === 0) return UNDECLARED;
  const range = `${exact[0]}XX`;
  if (responses[range]) return range;
  if (responses[range.toLowerCase()]) return range.toLowerCase();
  return responses.default ? 'default' : null;
}

/** The media type a body gets when the handler names none: JSON for `*\/*`, the declared one when concrete. */
export function impliedType(declared: string | undefined): string | undefined {
  if (!declared) return undefined;
  if (declared === '*/*') return 'application/json';
  if (declared.endsWith('/*')) return undefined;
  const semi = declared.indexOf(';');
  return semi < 0 ? declared : declared.slice(0, semi).trim();
}
