// Templated paths OpenAPI calls identical (`/orders/{OrderID}` and `/orders/{OrderNumber}`): the
// server serves the first declared for each method, says once at start-up which operations no
// request reaches, and verify lists those as contract problems, not server failures.
// Fixture: test/fixtures/real-world/identical-paths.yaml (lint's side: test/generator/lint.test.ts).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { pino } from 'pino';
import type { ApiDefinition } from '../../server/runtime/api.js';
import { fixture, generateInto, importApi, LogCapture, runCli, startServer, tempProject, type RunningServer } from '../helpers.js';

const FILE = 'test/fixtures/real-world/identical-paths.yaml';

describe('identical templated paths', () => {
  let project: Awaited<ReturnType<typeof tempProject>>;
  let api: ApiDefinition;
  let server: RunningServer;
  const logs = new LogCapture();
  before(async () => {
    project = await tempProject('identical-paths');
    await generateInto(fixture('real-world', 'identical-paths.yaml'), project.dir);
    api = await importApi(project.dir, 'identical-paths');
    server = await startServer({ apis: [api], logger: logs.logger, mock: true });
  });
  after(async () => {
    await server.close();
    await project.remove();
  });

  const body = async (url: string, method = 'GET'): Promise<unknown> => {
    const res = await fetch(url, { method });
    assert.equal(res.status, 200, `${method} ${url}`);
    return res.json();
  };

  it('serves the first declared of two identical paths with the same method', async () => {
    assert.deepEqual(await body(`${server.url}/orders/42`), { by: 'id' });
  });

  it('serves a literal path beside them, which is not the same path', async () => {
    assert.deepEqual(await body(`${server.url}/orders/latest`), { by: 'latest' });
  });

  it('serves both methods of identical paths that declare different methods', async () => {
    assert.deepEqual(await body(`${server.url}/files/a.json`), { by: 'get' });
    assert.deepEqual(await body(`${server.url}/files/a.json`, 'DELETE'), { by: 'delete' });
  });

  it('logs once at start-up each operation no request reaches, and why', () => {
    const lines = logs.lines.map((l) => String(l.msg)).filter((m) => m.includes('unreachable'));
    assert.deepEqual(lines, ['GET /orders/{OrderNumber} (getOrderByNumber) is unreachable: /orders/{OrderID} is the same path and is declared first']);
  });

  it('serves the first declared whatever the order the routes are listed in', async () => {
    const reversed = await startServer({ apis: [{ ...api, routes: [...api.routes].reverse() }], logger: pino({ level: 'silent' }), mock: true });
    try {
      assert.deepEqual(await body(`${reversed.url}/orders/42`), { by: 'id' });
    } finally {
      await reversed.close();
    }
  });

  it('is verified with no server failure, the unreachable operation listed as a contract problem', async () => {
    const r = await runCli(['verify', '--json', FILE]);
    const [row] = JSON.parse(r.stdout) as { operations: number; validOk: number; contractProblems: string[]; failures: string[] }[];
    assert.deepEqual(row!.failures, []);
    assert.equal(row!.operations, 5);
    assert.equal(row!.validOk, 4);
    assert.deepEqual(
      row!.contractProblems.filter((p) => !p.startsWith(FILE)),
      ['GET /orders/{OrderNumber} (getOrderByNumber): not sent, unreachable: /orders/{OrderID} is the same path and is declared first (identical-paths)'],
    );
    assert.deepEqual(
      row!.contractProblems.filter((p) => p.startsWith(FILE)).map((p) => p.split(' path ')[0]),
      [`${FILE}:9:3 error identical-paths`, `${FILE}:31:3 error identical-paths`, `${FILE}:43:3 error identical-paths`, `${FILE}:55:3 error identical-paths`],
    );
    assert.equal(r.code, 0);
  });
});
