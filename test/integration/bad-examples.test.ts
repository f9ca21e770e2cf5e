// Examples and defaults that break their own schemas, at every depth (issue 16, item 9): mocks
// never serve them (the server validates its own mock answers, so an invalid one would be a 500),
// the valid rest of a schema's examples survives, and lint and verify list each bad one once, at
// its line, from the same function.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { pino } from 'pino';
import { schemaChecker } from '../../server/runtime/plan/schema-checker.js';
import type { Document } from '../../server/runtime/contract/document.js';
import { fixture, generateInto, importApi, runCli, startServer, tempProject, type RunningServer } from '../helpers.js';

const FILE = 'test/fixtures/real-world/bad-examples-deep.yaml';

/** Each bad example or default of the fixture, as lint and verify print it (up to "does not match"). */
const EXPECTED = [
  `${FILE}:41:40 warning example the example of a schema used by header "X-Rate-Limit" of the 200 response`,
  `${FILE}:45:15 warning example the example of the 200 application/json response`,
  `${FILE}:63:35 warning example the example of a schema used by the application/json request body`,
  `${FILE}:64:35 warning example the default of a schema used by the application/json request body`,
  `${FILE}:65:48 warning example the example of a schema used by the application/json request body`,
  `${FILE}:75:52 warning example the example of a schema used by the 200 application/json response`,
  `${FILE}:80:48 warning example the example of a schema used by the 200 application/json response`,
];

describe('examples and defaults their schemas refuse, at any depth', () => {
  let project: Awaited<ReturnType<typeof tempProject>>;
  let server: RunningServer;
  let doc: Document;
  before(async () => {
    project = await tempProject('bad-examples');
    const plan = await generateInto(fixture('real-world', 'bad-examples-deep.yaml'), project.dir);
    doc = plan.contract!.document as unknown as Document;
    server = await startServer({ apis: [await importApi(project.dir, 'bad-examples-deep')], logger: pino({ level: 'silent' }), mock: true });
  });
  after(async () => {
    await server.close();
    await project.remove();
  });

  it('mocks every operation with a body its schema accepts, never the bad examples', async () => {
    const checker = schemaChecker(doc);
    const cases = [
      ['/settings', '/paths/~1settings/get/responses/200/content/application~1json/schema'],
      ['/events', '/paths/~1events/get/responses/200/content/application~1json/schema'],
      ['/accounts/a1', '/paths/~1accounts~1{id}/get/responses/200/content/application~1json/schema'],
    ] as const;
    for (const [path, pointer] of cases) {
      const res = await fetch(server.url + path);
      const body = await res.json();
      assert.equal(res.status, 200, `${path}: ${JSON.stringify(body)}`);
      assert.deepEqual(checker.errors('response', pointer, body), [], path);
    }
  });

  it('keeps the valid examples of a schema when another property example is replaced', async () => {
    const body = (await (await fetch(`${server.url}/settings`)).json()) as Record<string, unknown>;
    assert.equal(body.theme, 'dark');
    assert.equal(typeof body.enabled, 'boolean');
    assert.equal(typeof body.retries, 'number');
  });

  it('mocks a required response header from its schema when its example is of the wrong type', async () => {
    const res = await fetch(`${server.url}/accounts/a1`);
    assert.match(res.headers.get('x-rate-limit') ?? '', /^-?\d+$/);
  });

  it('lint lists each bad example and default once, at its line', async () => {
    const r = await runCli(['lint', FILE]);
    assert.equal(r.code, 0);
    const lines = (r.stdout + r.stderr).split('\n').filter((l) => l.includes(' warning example '));
    assert.deepEqual(lines.map((l) => l.split(' does not match')[0]), EXPECTED);
  });

  it('verify lists the same bad examples as contract problems, with 0 server failures', async () => {
    const r = await runCli(['verify', '--json', FILE]);
    const [row] = JSON.parse(r.stdout) as { validOk: number; operations: number; contractProblems: string[]; failures: string[] }[];
    assert.deepEqual(row!.failures, []);
    assert.equal(row!.validOk, row!.operations);
    assert.deepEqual(row!.contractProblems.map((p) => p.split(' does not match')[0]), EXPECTED);
    assert.equal(r.code, 0);
  });
});
