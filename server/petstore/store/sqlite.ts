// The example's database by default: one SQLite file (better-sqlite3), shared by every worker of
// `specfirst start --workers N` and kept across restarts. WAL lets readers go on while one process
// writes; busy_timeout makes a writer wait for another's lock instead of failing at once.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { UniqueViolation, type Database, type Sql } from './database.js';

/** How long a statement waits for another process's write lock before it fails. */
const BUSY_TIMEOUT_MS = 5_000;

export function openSqlite(file: string): Database {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new BetterSqlite3(file, { timeout: BUSY_TIMEOUT_MS });
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  const statements = new Map<string, BetterSqlite3.Statement>();
  // One connection, one user at a time: while a transaction awaits its statements, another
  // request's statement must wait rather than run inside it (or be rolled back with it).
  let queue: Promise<unknown> = Promise.resolve();
  const inTurn = <T>(work: () => Promise<T>): Promise<T> => {
    const turn = queue.then(work);
    queue = turn.catch(() => {});
    return turn;
  };

  const sql: Sql = {
    dialect: 'sqlite',
    async query<Row>(text: string, params: readonly unknown[] = []): Promise<Row[]> {
      let statement = statements.get(text);
      if (!statement) {
        // Bounded: a list with n tag filters is a statement of its own for each n.
        if (statements.size >= 100) statements.clear();
        statements.set(text, (statement = db.prepare(text)));
      }
      // `$1` is a named parameter to SQLite, so the same SQL text serves PostgreSQL and SQLite.
      const named = Object.fromEntries(params.map((value, i) => [i + 1, value ?? null]));
      try {
        if (statement.reader) return statement.all(named) as Row[];
        statement.run(named);
        return [];
      } catch (error) {
        if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') throw new UniqueViolation({ cause: error });
        throw error;
      }
    },
  };

  return {
    dialect: 'sqlite',
    query: (text, params) => inTurn(() => sql.query(text, params)),
    transaction: (work) =>
      inTurn(async () => {
        // IMMEDIATE takes the write lock now (waiting up to busy_timeout), so two processes never
        // both read and then both try to write.
        db.exec('BEGIN IMMEDIATE');
        try {
          const result = await work(sql);
          db.exec('COMMIT');
          return result;
        } catch (error) {
          db.exec('ROLLBACK');
          throw error;
        }
      }),
    close: () => inTurn(async () => void db.close()),
  };
}
