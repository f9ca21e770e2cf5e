// Every test process gets an empty example database of its own (a SQLite file in a temporary
// folder, removed at exit), so that tests see the three seeded pets and nothing a previous run
// left. TEST_DATABASE_URL names another one instead: the PostgreSQL suite sets it. The servers a
// test starts as child processes inherit DATABASE_URL, and so share the test's database.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

if (process.env.TEST_DATABASE_URL) {
  process.env.DATABASE_URL = process.env.TEST_DATABASE_URL;
} else {
  const dir = mkdtempSync(join(tmpdir(), 'specfirst-petstore-db-'));
  process.env.DATABASE_URL = `file:${join(dir, 'petstore.sqlite')}`;
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
}
