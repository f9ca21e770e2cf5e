// A throwaway PostgreSQL server for tests: Debian's binaries (package postgresql; .ci/run installs
// it), a new cluster in a temporary folder, on a free 127.0.0.1 port, trusting local connections,
// stopped and removed by stop(). initdb refuses to run as root, so as root the cluster is made and
// run as the postgres user that Debian's package creates.
import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

/** Where initdb and pg_ctl are: Debian's versioned folder (newest first), else the PATH's. */
export function findPostgres(): string | undefined {
  const debian = '/usr/lib/postgresql';
  const versions = existsSync(debian) ? readdirSync(debian).sort((a, b) => Number(b) - Number(a)) : [];
  const dirs = [...versions.map((v) => join(debian, v, 'bin')), '/usr/local/bin', '/usr/bin'];
  return dirs.find((dir) => existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl')));
}

export const POSTGRES_MISSING =
  'PostgreSQL is not installed (no initdb in /usr/lib/postgresql/*/bin, /usr/local/bin or /usr/bin): ' +
  '`apt-get install -y --no-install-recommends postgresql` (.ci/run does this in CI)';

export interface PostgresServer {
  /** A new empty database on the server; returns its postgres:// URL. */
  createDatabase(name: string): Promise<string>;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

export async function startPostgres(bin = findPostgres()): Promise<PostgresServer> {
  if (!bin) throw new Error(POSTGRES_MISSING);
  const dir = mkdtempSync(join(tmpdir(), 'specfirst-postgres-'));
  const asRoot = process.getuid?.() === 0;
  // As root: the same commands through runuser, in a folder the postgres user owns.
  const command = (tool: string, args: string[]) => (asRoot ? ['runuser', ['-u', 'postgres', '--', join(bin, tool), ...args]] : [join(bin, tool), args]) as [string, string[]];
  if (asRoot) {
    const { stdout } = await run('id', ['-u', 'postgres']);
    const { stdout: gid } = await run('id', ['-g', 'postgres']);
    chownSync(dir, Number(stdout), Number(gid));
  }
  const data = join(dir, 'data');
  const port = await freePort();
  try {
    await run(...command('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8']));
    // fsync off: a test cluster is thrown away, durability buys nothing. The socket stays in dir.
    const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
    await run(...command('pg_ctl', ['-D', data, '-l', join(dir, 'server.log'), '-o', options, '-w', 'start']));
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  const url = (database: string) => `postgres://postgres@127.0.0.1:${port}/${database}`;
  return {
    async createDatabase(name) {
      const client = new pg.Client({ connectionString: url('postgres') });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${name}`);
      } finally {
        await client.end();
      }
      return url(name);
    },
    async stop() {
      await run(...command('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop'])).catch(() => {});
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
