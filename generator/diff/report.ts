// What every report format of `specfirst diff` is made from: the changes of each contract pair,
// accepted ones marked, stale accepted entries, and the counts that decide the exit status.
import type { AcceptedEntry, Change, Level } from './change.js';

export interface ContractDiff {
  /** The contract as the user names each side (`contracts/pets.yaml`, `main:contracts/pets.yaml`). */
  base: string;
  revision: string;
  changes: Change[];
  /** With --impact: what the changes do to the project's handlers and to callers of the generated client. */
  impact?: ImpactReport;
}

/** A type error, as the report shows it. */
export interface TypeError {
  file: string;
  line: number;
  column: number;
  message: string;
}

export interface ImpactReport {
  /** New type errors in the handlers, by operation (`GET /pets`). */
  handlers: Record<string, TypeError[]>;
  /** Errors compiling a call of each base-client operation against the revision's client, by operation. */
  client: Record<string, TypeError[]>;
  /** How many base-client operations were compiled. */
  clientOperations: number;
}

export interface DiffReport {
  contracts: ContractDiff[];
  /** Accepted entries that match no change: remove them (or they hide the next break of that id). */
  stale: AcceptedEntry[];
  /** Entries past their expiry date: no longer applied. */
  expired: AcceptedEntry[];
}

export interface Counts {
  breaking: number;
  warning: number;
  info: number;
  accepted: number;
}

export function countChanges(report: DiffReport): Counts {
  const counts: Counts = { breaking: 0, warning: 0, info: 0, accepted: 0 };
  for (const c of report.contracts.flatMap((d) => d.changes)) {
    if (c.accepted !== undefined) counts.accepted++;
    else counts[c.level]++;
  }
  return counts;
}

const RANK: Record<Level, number> = { breaking: 2, warning: 1, info: 0 };

/** Whether the gate fails: any change at `failOn` or above that is not accepted. */
export function fails(report: DiffReport, failOn: Exclude<Level, 'info'>): boolean {
  return report.contracts.some((d) => d.changes.some((c) => c.accepted === undefined && RANK[c.level] >= RANK[failOn]));
}

/** `3 breaking, 1 warning, 2 info, 1 accepted` */
export function countLine(counts: Counts): string {
  return `${counts.breaking} breaking, ${counts.warning} warning${counts.warning === 1 ? '' : 's'}, ${counts.info} info, ${counts.accepted} accepted`;
}

/** `file:line:col`, or `(new)` / `(gone)` for the side where the thing is not. */
export function placeText(place: Change['base'], missing: string): string {
  return place ? `${place.file}:${place.line}:${place.column}` : missing;
}

/** Changes by operation, in the order they were found; API-wide changes under `(API)`. */
export function byOperation(changes: readonly Change[]): [string, Change[]][] {
  const groups = new Map<string, Change[]>();
  for (const c of changes) {
    const key = c.operation ?? '(API)';
    const list = groups.get(key);
    if (list) list.push(c);
    else groups.set(key, [c]);
  }
  return [...groups];
}
