// Breaking changes accepted on purpose: contracts/.specfirst-accepted.yaml lists change id +
// operation + reason (+ an optional expiry date). An accepted change is still reported, marked
// with its reason; an entry that matches nothing is reported as stale; an expired one no longer
// applies. Pure: the command reads the file and passes its parsed value.
import type { AcceptedEntry, Change } from './change.js';
import type { ContractDiff, DiffReport } from './report.js';
import { isJson } from './schema-view.js';

export type { AcceptedEntry };

/** Entries from the file's parsed value, and one message per malformed entry. */
export function readAccepted(value: unknown): { entries: AcceptedEntry[]; problems: string[] } {
  const list = isJson(value) && Array.isArray(value.accepted) ? value.accepted : Array.isArray(value) ? value : value == null ? [] : null;
  if (list === null) return { entries: [], problems: ['expected a list under `accepted:`'] };
  const entries: AcceptedEntry[] = [];
  const problems: string[] = [];
  list.forEach((raw, i) => {
    if (!isJson(raw) || typeof raw.id !== 'string' || typeof raw.reason !== 'string' || raw.reason.trim() === '') {
      problems.push(`entry ${i + 1}: needs an \`id\` and a \`reason\``);
      return;
    }
    const expires = raw.expires instanceof Date ? raw.expires.toISOString().slice(0, 10) : typeof raw.expires === 'string' ? raw.expires : undefined;
    entries.push({ id: raw.id, reason: raw.reason.trim(), ...(typeof raw.operation === 'string' ? { operation: raw.operation } : {}), ...(expires ? { expires } : {}) });
  });
  return { entries, problems };
}

const sameOperation = (a: string, b: string) => a.replace(/\{[^}]*\}/g, '{}').toUpperCase() === b.replace(/\{[^}]*\}/g, '{}').toUpperCase();

/** The report: each breaking change or warning an entry names marked accepted; entries that named nothing, stale. */
export function applyAccepted(contracts: readonly ContractDiff[], entries: readonly AcceptedEntry[], today: string): DiffReport {
  const live = entries.filter((e) => e.expires === undefined || e.expires >= today);
  const expired = entries.filter((e) => !live.includes(e));
  const used = new Set<AcceptedEntry>();
  const mark = (c: Change): Change => {
    if (c.level === 'info') return c;
    const entry = live.find((e) => e.id === c.id && (e.operation === undefined || (c.operation !== null && sameOperation(e.operation, c.operation))));
    if (!entry) return c;
    used.add(entry);
    return { ...c, accepted: entry.reason };
  };
  const marked = contracts.map((d) => ({ ...d, changes: d.changes.map(mark) }));
  return { contracts: marked, stale: live.filter((e) => !used.has(e)), expired };
}
