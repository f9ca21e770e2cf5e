// Smoke pass of `npm run bench`: every configuration answers the three bench requests correctly,
// injected in process and over loopback, and each measuring path (in process, loopback, size sweep) runs
// at its smallest. Never asserts anything about time: that is the bench's job, not the tests'.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { measureInProcess } from '../../bench/in-process.js';
import { measureLoopback } from '../../bench/loopback.js';
import { OPERATIONS } from '../../bench/operations.js';
import { injectOnce } from '../../bench/request-cost.js';
import { spawnServer } from '../../bench/server-process.js';
import { measureSizeSweep } from '../../bench/size-sweep.js';
import { measureStreaming } from '../../bench/streaming.js';
import { TARGETS } from '../../bench/targets.js';

describe('bench targets', () => {
  for (const entry of TARGETS) {
    it(`${entry.label} answers each bench request correctly, injected in process`, async () => {
      const target = await entry.load();
      try {
        for (let i = 0; i < 3; i++) {
          for (const op of OPERATIONS) {
            const res = await injectOnce(target.listener, op);
            assert.equal(res.status, op.status, `${op.label}: ${res.payload}`);
            assert.ok(op.check(JSON.parse(res.payload)), `${op.label}: ${res.payload}`);
          }
        }
      } finally {
        await target.close?.();
      }
    });
  }

  // In a process of its own: light-my-request re-parents Express's request and response
  // prototypes onto its own once an Express app is injected, so that process cannot serve sockets.
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
  it('measures in process, one process per target, with no wrong answers', async () => {
    const result = await measureInProcess({ rounds: 1, batch: 4, warmup: 4, targets: ['express', 'specfirst-full'] });
    assert.deepEqual([...result.problems], []);
    for (const name of ['express', 'specfirst-full'] as const) {
      for (const op of OPERATIONS) assert.equal(result.costs.get(name)?.[op.name].length, 1, `${name} ${op.name}`);
    }
  });

  it('loads a target over loopback with autocannon, with no errors or non-2xx answers', async () => {
    const result = await measureLoopback({ rounds: 1, duration: 1, warmup: 1, connections: 2, targets: ['specfirst-full'] });
    assert.deepEqual([...result.problems], []);
    assert.ok((result.rssMb.get('specfirst-full') ?? 0) > 0);
    for (const op of OPERATIONS) assert.equal(result.rps.get('specfirst-full')?.[op.name].length, 1);
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
});
