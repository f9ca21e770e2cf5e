// What a process loads, recorded module by module (test/fixtures/import-log/). `specfirst lint`
// reads YAML and compiles validators, and must never load the HTTP server's libraries (Express,
// multer) to do it: the plan side of the runtime (server/runtime/plan/) is what lint shares with
// the server. And a server must not load at start-up what only some requests need (mocks, docs
// as YAML, multipart bodies, JWTs): each one is loaded by the first request that needs it.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fixture, ROOT } from '../helpers.js';

/**
 * Runs node with `args` and every loaded module recorded; `during` talks to the process (it is
 * handed the child and the stderr so far) and stops it. Returns its exit code and the modules.
 */
async function loadedBy(args: string[], during?: (child: ChildProcess, stderr: () => string) => Promise<void>, env: Record<string, string> = {}): Promise<{ code: number | null; stderr: string; modules: string[] }> {
  const dir = await mkdtemp(join(tmpdir(), 'specfirst-imports-'));
  const log = join(dir, 'imports.log');
  try {
    const hook = fixture('import-log', 'record-imports.mjs');
    const { code, stderr } = await new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', hook, ...args], {
        cwd: ROOT,
        env: { ...process.env, NO_COLOR: '1', SPECFIRST_IMPORT_LOG: log, ...env },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stderr }));
      during?.(child, () => stderr).catch((error: unknown) => {
        child.kill('SIGKILL');
        reject(error as Error);
      });
    });
    const modules = [...new Set((await readFile(log, 'utf8')).split('\n').filter(Boolean))];
    return { code, stderr, modules };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const packagesIn = (modules: string[], names: RegExp): string[] => modules.filter((m) => new RegExp(`/node_modules/(${names.source})/`).test(m.replaceAll('\\', '/')));

/** Waits for the banner's API line, answers its URL. */
async function apiUrl(stderr: () => string): Promise<string> {
  for (let i = 0; i < 600; i++) {
    const m = /API {5}(http:\/\/[^/\s]+)/.exec(stderr());
    if (m) return m[1]!;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`the server did not start: ${stderr()}`);
}

describe('import weight', () => {
  it('lints a contract without loading express or multer', async () => {
    const { code, stderr, modules } = await loadedBy([join(ROOT, 'generator', 'bin.js'), 'lint', 'contracts/petstore.yaml']);
    assert.equal(code, 0, stderr);
    // The log is live: the CLI's own modules are in it.
    assert.ok(modules.some((m) => m.includes('/generator/cli.ts')), 'the import log recorded the CLI');
    assert.deepEqual(packagesIn(modules, /express|multer/), []);
  });

  it('serves the example without loading what only mocks, YAML docs, multipart bodies and JWTs need', async () => {
    let answered = 0;
    const { code, stderr, modules } = await loadedBy(
      ['--conditions=specfirst-source', '--import', 'tsx', join(ROOT, 'server', 'main.ts')],
      async (child, stderr) => {
        const url = await apiUrl(stderr);
        const res = await fetch(`${url}/pets`);
        await res.arrayBuffer();
        answered = res.status;
        child.kill('SIGTERM');
      },
      { PORT: '0', LOG_LEVEL: 'silent', DATABASE_URL: 'file::memory:', SPECFIRST_BANNER: '1' },
    );
    assert.equal(code, 0, stderr);
    assert.equal(answered, 200, stderr);
    // The log is live: the server's own libraries are in it.
    assert.notDeepEqual(packagesIn(modules, /express/), []);
    assert.deepEqual(packagesIn(modules, /yaml|openapi-sampler|randexp|multer|busboy|jose/), []);
  });
});
