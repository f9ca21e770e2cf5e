// One difference between two versions of a contract, as the comparers find it: an id from the
// catalogue, the operation it touches, and where it is written in each version (JSON Pointers into
// the bundled, normalised documents; diff-contracts.ts turns them into file:line:col). Plain data.

/** How much a change matters: `breaking` fails the gate, `warning` fails it with --fail-on warning. */
export type Level = 'breaking' | 'warning' | 'info';

/**
 * Who a change breaks: `clients` (requests that were valid are refused, or responses they read
 * change), `handlers` (code written against the old types stops compiling or answers what the
 * contract now forbids).
 */
export type Party = 'clients' | 'handlers';

/** A change before its places are worked out. */
export interface FoundChange {
  id: string;
  /** `GET /pets/{id}`, or null for a change to the whole API. */
  operation: string | null;
  message: string;
  /** Pointer into the base document; null when the thing is new. */
  base: string | null;
  /** Pointer into the revision document; null when the thing is gone. */
  revision: string | null;
}

/** A place in one version: the file as the user names it, and the line and column. */
export interface ChangePlace {
  file: string;
  line: number;
  column: number;
  pointer: string;
}

/** A change as reported. */
export interface Change {
  id: string;
  level: Level;
  breaks: Party[];
  operation: string | null;
  message: string;
  base: ChangePlace | null;
  revision: ChangePlace | null;
  /** Set when contracts/.specfirst-accepted.yaml accepts it: its reason. */
  accepted?: string;
}

/** Where a change is read from in each version, for comparers that walk both at once. */
export interface Pair<T> {
  base: T;
  revision: T;
}

/** One entry of contracts/.specfirst-accepted.yaml: a change accepted on purpose. */
export interface AcceptedEntry {
  id: string;
  /** `GET /pets/{id}`; omitted: that id on every operation. */
  operation?: string;
  reason: string;
  /** `YYYY-MM-DD`: the entry stops applying after this day. */
  expires?: string;
}
