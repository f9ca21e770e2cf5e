// `specfirst start --workers 2` on the example: two processes share one port and one database (a
// pet created through one connection is there through every other); a worker that dies is
// replaced; on SIGTERM every worker drains (with a drain delay, /readyz answers 503 while the
// server still serves) and the supervisor exits 0 once all have stopped; started again, the
// server still has the pet.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ROOT } from '../helpers.js';

describe('specfirst start --workers', () => {
  let primary: ChildProcess;
  let output = '';
  let url = '';

  async function waitFor(pattern: RegExp, from = 0): Promise<RegExpExecArray> {
    for (let i = 0; i < 600; i++) {
      const m = pattern.exec(output.slice(from));
      if (m) return m;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`timed out waiting for ${pattern}; output:\n${output}`);
  }

  /** Starts the repository's own server/main.ts from the sources: the same supervisor as for dist/server/main.js. */
  async function start(): Promise<void> {
    output = '';
    // DATABASE_URL is the test's own database (test/example-database.ts): both runs share it.
    primary = spawn(process.execPath, ['--conditions=specfirst-source', '--import', 'tsx', join(ROOT, 'generator', 'bin.js'), 'start', '--workers', '2', join(ROOT, 'server', 'main.ts')], {
      cwd: ROOT,
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', SPECFIRST_DRAIN_DELAY_MS: '1500' },
    });
    primary.stderr!.on('data', (d: Buffer) => (output += d.toString()));
    url = (await waitFor(/API {5}(http:\/\/127\.0\.0\.1:\d+)\//))[1]!;
    await waitFor(/worker 2 started/);
  }

  /** The status of a GET on a connection of its own (no keep-alive agent), so the supervisor may hand it to either worker. */
  function statusOnNewConnection(path: string): Promise<number> {
    return new Promise((resolve, reject) => {
      request(url + path, { agent: false }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode!));
      })
        .on('error', reject)
        .end();
    });
  }

  let petId = 0;
  before(start);

  after(() => {
    if (primary.exitCode === null) primary.kill('SIGKILL');
  });

  it('runs two workers on one port, printing one banner', async () => {
    assert.equal(output.match(/specfirst serving Petstore/g)?.length, 1);
    for (let i = 0; i < 4; i++) assert.equal((await fetch(`${url}/pets/1`)).status, 200);
  });

  it('shares one database: a pet created through one connection is read through twenty new ones', async () => {
    const created = await fetch(`${url}/pets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'X-API-Key': 'specfirst-example-key', connection: 'close' },
      body: JSON.stringify({ species: 'dog', name: 'Shared', breed: 'Collie' }),
    });
    assert.equal(created.status, 201);
    petId = ((await created.json()) as { id: number }).id;
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) statuses.push(await statusOnNewConnection(`/pets/${petId}`));
    assert.deepEqual(statuses, Array(20).fill(200));
  });

  it('replaces a worker that dies', async () => {
    const pid = Number((await waitFor(/worker 1 started \(pid (\d+)\)/))[1]);
    const from = output.length;
    process.kill(pid, 'SIGKILL');
    await waitFor(/worker 1 \(pid \d+\) exited with SIGKILL; restarting in 100 ms/, from);
    const replaced = Number((await waitFor(/worker 1 started \(pid (\d+)\)/, from))[1]);
    assert.notEqual(replaced, pid);
    assert.equal((await fetch(`${url}/pets/1`)).status, 200);
  });

  it('drains every worker on SIGTERM: /readyz 503 while still serving, then exit 0', async () => {
    const exited = new Promise<number | null>((resolve) => primary.once('exit', resolve));
    primary.kill('SIGTERM');
    await waitFor(/SIGTERM received, draining 2 workers/);
    await new Promise((r) => setTimeout(r, 300));
    const ready = await fetch(`${url}/readyz`, { headers: { connection: 'close' } });
    assert.equal(ready.status, 503);
    assert.equal((await fetch(`${url}/pets/1`, { headers: { connection: 'close' } })).status, 200, 'still serving during the drain delay');
    assert.equal(await exited, 0);
    assert.match(output, /all 2 workers stopped/);
  });

  it('still has the pet after a restart', async () => {
    await start();
    assert.equal(await statusOnNewConnection(`/pets/${petId}`), 200);
    assert.equal((await fetch(`${url}/pets?species=dog`)).headers.get('x-total-count'), '2', 'Rex and Shared, once each');
  });
});
