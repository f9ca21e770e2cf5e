// What verify found for one contract: the rows every report format (text, markdown, json) prints.
// Plain data; never computed here, only described.

export interface VerifyRow {
  contract: string;
  load: 'ok' | 'failed';
  generateMs: number;
  tscMs: number;
  startMs: number;
  operations: number;
  validOk: number;
  invalidRejected: number;
  /**
   * Operations for which no request is invalid (every schema accepts anything, unknown query
   * parameters are taken): nothing to send. Counted apart: neither rejected nor a failure.
   */
  noInvalidRequest: string[];
  /** The contract's problems, as `file:line:col severity rule message`. */
  contractProblems: string[];
  /** What the server (or specfirst) got wrong. */
  failures: string[];
  /** Requests verify could not make valid: their answers prove nothing either way. */
  unverified: string[];
}

/** A row passes with no server failure (and, under --strict, no contract problem). */
export const passed = (r: VerifyRow, strict: boolean): boolean => r.failures.length === 0 && (!strict || r.contractProblems.length === 0);

/** Contracts that passed, but only because --strict is off: they have contract problems. */
export const passedWithProblems = (rows: readonly VerifyRow[]): number => rows.filter((r) => r.failures.length === 0 && r.contractProblems.length > 0).length;
