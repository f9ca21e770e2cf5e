// What the example's store needs of a database, and all it needs: statements with $1, $2 …
// parameters, transactions, and a unique violation it can tell apart. sqlite.ts and postgres.ts
// each provide it; the SQL itself lives once, in pets.ts and migrations.ts.

export type Dialect = 'sqlite' | 'postgres';

export interface Sql {
  readonly dialect: Dialect;
  /** Runs one statement; returns its rows (none for a statement without RETURNING). */
  query<Row>(text: string, params?: readonly unknown[]): Promise<Row[]>;
}

export interface Database extends Sql {
  /**
   * Runs `work` in one transaction: commits when it resolves, rolls back when it throws. `work`
   * must await only `tx`'s queries (on SQLite, nothing else may run on the connection meanwhile).
   */
  transaction<T>(work: (tx: Sql) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** A statement broke a UNIQUE constraint: what a handler answers with 409. */
export class UniqueViolation extends Error {
  constructor(options: { cause: unknown }) {
    super('a unique constraint was violated', options);
  }
}
