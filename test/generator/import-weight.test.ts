// What the CLI loads to lint a contract: `specfirst lint` reads YAML and compiles validators, and
// must never load the HTTP server's libraries (Express, multer) to do it. The plan side of the
// runtime (server/runtime/plan/) is what lint shares with the server; this keeps it free of them.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fixture, ROOT } from '../helpers.js';

/** Runs the CLI with every loaded module recorded (test/fixtures/import-log/); returns its exit code and the modules. */
async function loadedBy(args: string[]): Promise<{ code: number | null; stderr: string; modules: string[] }> {
  const dir = await mkdtemp(join(tmpdir(), 'specfirst-imports-'));
  const log = join(dir, 'imports.log');
  try {
    const hook = fixture('import-log', 'record-imports.mjs');
    const { code, stderr } = await new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', hook, join(ROOT, 'generator', 'bin.js'), ...args], {
        cwd: ROOT,
        env: { ...process.env, NO_COLOR: '1', SPECFIRST_IMPORT_LOG: log },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stderr }));
    });
    const modules = [...new Set((await readFile(log, 'utf8')).split('\n').filter(Boolean))];
    return { code, stderr, modules };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe('import weight', () => {
  it('lints a contract without loading express or multer', async () => {
    const { code, stderr, modules } = await loadedBy(['lint', 'contracts/petstore.yaml']);
    assert.equal(code, 0, stderr);
    // The log is live: the CLI's own modules are in it.
    assert.ok(modules.some((m) => m.includes('/generator/cli.ts')), 'the import log recorded the CLI');
    const heavy = modules.filter((m) => /\/node_modules\/(express|multer)\//.test(m.replaceAll('\\', '/')));
    assert.deepEqual(heavy, []);
  });
});
