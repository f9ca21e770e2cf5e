// `specfirst diff`'s core: two loaded contracts in, classified changes with their places in both
// versions out. Both sides go through the validator's normaliser first, so that dialect spellings
// (3.0 `nullable`, boolean exclusive bounds) compare by meaning. Pure apart from reading the
// already-loaded sources for line numbers.
import type { LoadedContract } from '../contract/load.js';
import { displayPath } from '../contract/diagnostics.js';
import { placeAll } from '../contract/positions.js';
import { normalizeForValidator } from '../../server/runtime/normalize/index.js';
import type { Document } from '../../server/runtime/contract/document.js';
import { entryOf } from './catalogue.js';
import type { Change, ChangePlace, FoundChange } from './change.js';
import { compareOperations } from './compare-operations.js';
import { DiffContext } from './context.js';

export interface DiffOptions {
  /** `YYYY-MM-DD`: sunset dates are judged against it. */
  today: string;
}

/** The changes between two documents, as pointers. */
export function diffDocuments(base: unknown, revision: unknown, options: DiffOptions): FoundChange[] {
  const ctx = new DiffContext(
    { base: normalizeForValidator(base as Document).document, revision: normalizeForValidator(revision as Document).document },
    options.today,
  );
  compareOperations(ctx);
  const seen = new Set<string>();
  return ctx.changes.filter((c) => {
    const key = `${c.id}|${c.operation}|${c.base}|${c.revision}|${c.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The changes between two contracts, each with its level, who it breaks, and file:line:col in both. */
export function diffContracts(base: LoadedContract, revision: LoadedContract, options: DiffOptions): Change[] {
  const found = diffDocuments(base.document, revision.document, options);
  const basePlaces = placesOf(base, found.map((c) => c.base));
  const revisionPlaces = placesOf(revision, found.map((c) => c.revision));
  return found.map((c, i) => {
    const entry = entryOf(c.id);
    return { id: c.id, level: entry.level, breaks: entry.breaks, operation: c.operation, message: c.message, base: basePlaces[i]!, revision: revisionPlaces[i]! };
  });
}

function placesOf(contract: LoadedContract, pointers: (string | null)[]): (ChangePlace | null)[] {
  const located = pointers.map((p) => (p === null ? null : contract.locate(p)));
  const wanted = located.filter((l) => l !== null);
  const places = placeAll(contract.sources, wanted);
  let k = 0;
  return located.map((l) => {
    if (l === null) return null;
    const place = places[k++]!;
    return { file: displayPath(place.path), line: place.line, column: place.column, pointer: l.pointer };
  });
}
