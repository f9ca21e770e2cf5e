// The example's own tests again, on a real PostgreSQL server instead of the default SQLite file:
// petstore.test.ts (every operation over HTTP, the 409, the paging, the transaction) and
// workers.test.ts (two processes, a restart), each in a new database, each run as it runs alone
// (node --test in a child process) with TEST_DATABASE_URL naming that database.
// Without PostgreSQL the suite fails in CI (CI is set) and is skipped, saying why, elsewhere.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { ROOT } from '../helpers.js';
import { findPostgres, POSTGRES_MISSING, startPostgres, type PostgresServer } from '../postgres-server.js';

const bin = findPostgres();
const skip = !bin && !process.env.CI ? `${POSTGRES_MISSING}; skipped (in CI this fails)` : false;

/** Runs one test file as `node --test` does, against the database at url; resolves to its exit code and output. */
function runTests(file: string, url: string): Promise<{ code: number | null; output: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, TEST_DATABASE_URL: url };
  // Set by the runner in its own children: the nested runner would report to this one instead of printing.
  delete env.NODE_TEST_CONTEXT;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--conditions=specfirst-source', '--import', 'tsx', '--test', '--test-reporter=spec', join(ROOT, 'test', 'integration', file)], { cwd: ROOT, env });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

describe('the example on PostgreSQL', { skip }, () => {
  let server: PostgresServer;
  before(async () => {
    if (!bin) throw new Error(POSTGRES_MISSING);
    server = await startPostgres(bin);
  });
  after(() => server?.stop());

  for (const [file, database] of [
    ['petstore.test.ts', 'petstore_http'],
    ['workers.test.ts', 'petstore_workers'],
  ] as const) {
    it(`passes ${file}`, async () => {
      const url = await server.createDatabase(database);
      const { code, output } = await runTests(file, url);
      assert.equal(code, 0, output);
      assert.match(output, /ℹ fail 0/);
      // The tests ran on this database, not on a SQLite file: it was migrated, and holds what they created.
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        assert.deepEqual((await client.query('SELECT version FROM schema_migrations ORDER BY version')).rows, [{ version: 1 }, { version: 2 }]);
        assert.ok((await client.query<{ n: number }>('SELECT CAST(COUNT(*) AS INTEGER) AS n FROM pets')).rows[0]!.n > 3);
      } finally {
        await client.end();
      }
    });
  }
});
