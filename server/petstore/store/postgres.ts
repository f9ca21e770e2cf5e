// The example's database when DATABASE_URL is postgres://…: a pg connection pool. Each
// transaction holds one client from BEGIN to COMMIT; other statements take any idle client.
import pg from 'pg';
import { UniqueViolation, type Database, type Sql } from './database.js';

/** PostgreSQL's SQLSTATE for a unique violation. */
const UNIQUE_VIOLATION = '23505';

export function openPostgres(connectionString: string): Database {
  // allowExitOnIdle: idle connections do not keep a finished process (a test, a script) alive.
  const pool = new pg.Pool({ connectionString, max: 10, allowExitOnIdle: true });
  const on = (client: pg.Pool | pg.PoolClient): Sql => ({
    dialect: 'postgres',
    async query<Row>(text: string, params: readonly unknown[] = []): Promise<Row[]> {
      try {
        return (await client.query(text, params as unknown[])).rows as Row[];
      } catch (error) {
        if ((error as { code?: string }).code === UNIQUE_VIOLATION) throw new UniqueViolation({ cause: error });
        throw error;
      }
    },
  });

  return {
    ...on(pool),
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work(on(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
