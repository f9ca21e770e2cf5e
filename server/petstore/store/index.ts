// Where the example keeps its pets: DATABASE_URL names the database, postgres://… for PostgreSQL,
// file:PATH for a SQLite file (relative to the working directory); unset, data/petstore.sqlite.
// The database is opened, and migrated, once per process, by the first request that needs it:
// importing the API (tests, tools that list its routes) never touches a database.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from './database.js';
import { migrate } from './migrations.js';
import { PetStore } from './pets.js';

export { PetStore, type PetFilter } from './pets.js';

export const DEFAULT_DATABASE_URL = 'file:data/petstore.sqlite';

/** Opens the database a URL names and brings its schema up to date. */
export async function openStore(url: string, options: { maxPets?: number } = {}): Promise<PetStore> {
  const db = await connect(url);
  try {
    await migrate(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  return new PetStore(db, options.maxPets);
}

async function connect(url: string): Promise<Database> {
  // Each driver is imported only when used: a SQLite deployment never loads pg, and the reverse.
  if (/^postgres(ql)?:\/\//.test(url)) return (await import('./postgres.js')).openPostgres(url);
  if (url.startsWith('file:')) {
    const path = url.startsWith('file://') ? fileURLToPath(url) : url.slice('file:'.length);
    return (await import('./sqlite.js')).openSqlite(path === ':memory:' ? path : resolve(path));
  }
  throw new Error(`DATABASE_URL must start with postgres://, postgresql:// or file: (got ${JSON.stringify(url.replace(/\/\/[^@/]*@/, '//…@'))})`);
}

let opened: Promise<PetStore> | undefined;

/** This process's store, from DATABASE_URL; a failed open is retried by the next request. */
export function petStore(): Promise<PetStore> {
  opened ??= openStore(process.env.DATABASE_URL || DEFAULT_DATABASE_URL).catch((error: unknown) => {
    opened = undefined;
    throw error;
  });
  return opened;
}
