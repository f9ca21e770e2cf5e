// Smoke pass of `npm run bench`: every configuration and peer answers the three bench requests
// correctly over loopback, and each measuring path (CPU per request over loopback, size sweep) runs
// at its smallest. Never asserts anything about time: that is the bench's job, not the tests'.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { measureColdStart } from '../../bench/cold-start.js';
import { measureLoopback } from '../../bench/loopback.js';
import { OPERATIONS } from '../../bench/operations.js';
import { spawnServer } from '../../bench/server-process.js';
import { measureSizeSweep } from '../../bench/size-sweep.js';
import { measureStreaming } from '../../bench/streaming.js';
import { TARGETS } from '../../bench/targets.js';

describe('bench targets', () => {
  // Each in a process of its own, as the bench serves it.
  for (const entry of TARGETS) {
    it(`${entry.label} answers each bench request correctly over loopback, from its own process`, async () => {
      const server = await spawnServer(entry.name);
      try {
        for (const op of OPERATIONS) {
          const res = await fetch(server.url + op.url, { method: op.method, headers: op.headers, body: op.body });
          const text = await res.text();
          assert.equal(res.status, op.status, `${op.label}: ${text}`);
          assert.ok(op.check(JSON.parse(text)), `${op.label}: ${text}`);
        }
      } finally {
        await server.stop();
      }
    });
  }
});

describe('bench measurements at their smallest', () => {
  it('measures server CPU per request over loopback, with no errors or non-2xx answers', async () => {
    const result = await measureLoopback({ rounds: 1, requests: 20, warmup: 10, connections: 2, targets: ['express', 'specfirst-full'] });
    assert.deepEqual([...result.problems], []);
    assert.ok((result.rssMb.get('specfirst-full') ?? 0) > 0);
    for (const name of ['express', 'specfirst-full'] as const) {
      for (const op of OPERATIONS) {
        const [sample] = result.samples.get(name)?.[op.name] ?? [];
        assert.ok(sample && sample.cpuUs > 0 && sample.rps > 0, `${name} ${op.name}: ${JSON.stringify(sample)}`);
      }
    }
  });

  it('generates, serves and measures the size sweep at its smallest contract', async () => {
    const [row] = await measureSizeSweep({ sizes: [10], rounds: 1, batch: 4, cpuMsPerMeasurement: 1, warmup: 4 });
    assert.equal(row?.problem, undefined);
    assert.equal(row?.first.length, 1);
    assert.equal(row?.last.length, 1);
  });

  it('the streaming bench delivers every item of both streams (specfirst validated, Express loop)', async () => {
    const result = await measureStreaming({ items: 200, rounds: 1 });
    assert.equal(result.specfirst.length, 1);
    assert.equal(result.express.length, 1);
  });

  it('builds the example as a project of its own and times its cold start beside bare Express (with and without the store)', async () => {
    const rows = await measureColdStart(1, { box: false });
    assert.deepEqual(
      rows.map((r) => r.name),
      ['bare Express 5 (plain node)', "bare Express 5 + the example's store (SQLite in memory)", 'specfirst built: the example (GET /pets, SQLite in memory)'],
    );
    for (const r of rows) assert.ok(r.ms > 0 && r.rssMb > 0, JSON.stringify(r));
  });
});
