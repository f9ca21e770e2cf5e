// Progress of `verify` and `generate` as a person and a CI log see it: piped (not a TTY) and
// without NO_COLOR or CI, plain stage lines on stderr and no escape code in either stream; on a
// pseudo-terminal (util-linux `script`), an ora spinner updated in place with the counts.
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ROOT } from '../helpers.js';

/** The environment of a person at a terminal: no CI, no NO_COLOR. */
function personEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, TERM: 'xterm-256color' };
  delete env.CI;
  delete env.NO_COLOR;
  return env;
}

function runPiped(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'generator', 'bin.js'), ...args], { cwd: ROOT, env: personEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const hasScript = (() => {
  try {
    execFileSync('script', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describe('progress of long commands', () => {
  let dir: string;
  before(async () => (dir = await mkdtemp(join(tmpdir(), 'specfirst-progress-'))));
  after(() => rm(dir, { recursive: true, force: true }));

  it('verify, piped, prints plain stage lines on stderr and no escape code in either stream', async () => {
    const r = await runPiped(['verify', 'contracts/petstore.yaml']);
    assert.equal(r.code, 0, r.stderr);
    for (const stream of [r.stdout, r.stderr]) assert.doesNotMatch(stream, /\u001b\[/);
    for (const stage of ['load, lint, generate', 'write', 'type-check', 'start']) {
      assert.match(r.stderr, new RegExp(`^specfirst verify contracts/petstore\\.yaml: ${stage} …$`, 'm'));
    }
    assert.match(r.stderr, /^specfirst verify contracts\/petstore\.yaml: requests, 8 operations …$/m);
    assert.match(r.stderr, /^specfirst verify contracts\/petstore\.yaml: requests done in \d+\.\d s \(8\/8 operations\)$/m);
    assert.match(r.stderr, /^specfirst verify contracts\/petstore\.yaml: done in \d+\.\d s$/m);
    // stdout holds the report alone.
    assert.doesNotMatch(r.stdout, /done in/);
    assert.match(r.stdout, /specfirst verify: 1\/1 contract\(s\) passed/);
  });

  it('generate, piped, prints plain stage lines on stderr and no escape code in either stream', async () => {
    const r = await runPiped(['generate', 'contracts/petstore.yaml', '--out', join(dir, 'out')]);
    assert.equal(r.code, 0, r.stderr);
    for (const stream of [r.stdout, r.stderr]) assert.doesNotMatch(stream, /\u001b\[/);
    assert.match(r.stderr, /^specfirst generate contracts\/petstore\.yaml: load, lint, emit, 1 contract …$/m);
    assert.match(r.stderr, /^specfirst generate contracts\/petstore\.yaml: load, lint, emit done in \d+\.\d s \(1\/1 contract\)$/m);
    assert.match(r.stderr, /^specfirst generate contracts\/petstore\.yaml: write …$/m);
    assert.match(r.stdout, /^specfirst: contracts\/petstore\.yaml → .* \(8 operations\)$/m);
  });

  it('verify on a terminal updates one spinner line in place with the operations done', { skip: !hasScript && 'no util-linux script' }, () => {
    // A terminal 100 columns wide (script's pseudo-terminal has no size of its own under CI).
    const command = 'stty cols 100 rows 40; ' + [process.execPath, join(ROOT, 'generator', 'bin.js'), 'verify', 'contracts/petstore.yaml'].map((a) => `'${a}'`).join(' ');
    let out: string;
    try {
      out = execFileSync('script', ['-qec', command, '/dev/null'], { cwd: ROOT, env: personEnv(), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (error) {
      assert.fail(`verify on a terminal failed: ${(error as { stdout?: string }).stdout}`);
    }
    // In place: the line is cleared and redrawn (escape codes), never a plain stage line.
    assert.match(out, /\u001b\[/);
    assert.doesNotMatch(out, /specfirst verify contracts\/petstore\.yaml: requests, 8 operations …/);
    assert.match(out, /contracts\/petstore\.yaml · verify · requests · 8\/8 operations · \d+ s/);
    assert.match(out, /contracts\/petstore\.yaml · verify · done in \d+\.\d s/);
  });
});
