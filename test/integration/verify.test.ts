// `specfirst verify` over every real public contract in test/fixtures/contracts (and ours): each
// generates, compiles, serves in mock mode, answers a valid request with a validated 2xx and an
// invalid one with a 400 problem. Also: verify does fail when a contract cannot be served right,
// and mock answers are the contract's examples when valid, else deterministic samples.
import assert from 'node:assert/strict';
import { readdir } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import { pino } from 'pino';
import { fixture, generateInto, importApi, runCli, startServer, tempProject, type RunningServer } from '../helpers.js';

describe('specfirst verify', () => {
  it('passes every real contract with zero failures', async () => {
    const files = (await readdir(fixture('contracts'))).filter((f) => f.endsWith('.yaml')).map((f) => `test/fixtures/contracts/${f}`);
    const r = await runCli(['verify', '--json', 'contracts/petstore.yaml', ...files, 'test/fixtures/contracts/redocly-starter']);
    const rows = JSON.parse(r.stdout) as { contract: string; operations: number; validOk: number; invalidRejected: number; failures: string[] }[];
    assert.equal(rows.length, files.length + 2);
    for (const row of rows) {
      assert.deepEqual(row.failures, [], row.contract);
      assert.equal(row.validOk, row.operations, row.contract);
      assert.equal(row.invalidRejected, row.operations, row.contract);
    }
    assert.equal(rows.find((x) => x.contract.endsWith('twilio-messaging-v1.yaml'))?.operations, 58);
    assert.equal(r.code, 0);
  });

  it('reports the examples their schemas reject as contract problems at their lines, sends generated values, and passes', async () => {
    const file = 'test/fixtures/verify/bad-examples.yaml';
    const r = await runCli(['verify', '--json', file]);
    const [row] = JSON.parse(r.stdout) as { validOk: number; operations: number; contractProblems: string[]; failures: string[] }[];
    assert.deepEqual(row!.failures, []);
    assert.equal(row!.validOk, row!.operations);
    assert.deepEqual(
      row!.contractProblems.map((p) => p.split(' does not match')[0]),
      [
        `${file}:16:11 warning example the example of query parameter "limit"`,
        `${file}:44:7 warning example the example of the application/json request body`,
        `${file}:56:47 warning example the example of a schema used by the application/json request body`,
      ],
    );
    assert.equal(r.code, 0);
    assert.equal((await runCli(['verify', '--strict', file])).code, 1);
  });

  it('makes valid requests and mocks for the shapes of large contracts (Box, Discord), and passes', async () => {
    const r = await runCli(['verify', '--json', 'test/fixtures/verify/large-contract-shapes.yaml']);
    const [row] = JSON.parse(r.stdout) as { validOk: number; invalidRejected: number; operations: number; unverified: string[]; failures: string[] }[];
    assert.deepEqual(row!.failures, []);
    assert.deepEqual(row!.unverified, []);
    assert.equal(row!.operations, 5);
    assert.equal(row!.validOk, 5);
    assert.equal(row!.invalidRejected, 5);
    assert.equal(r.code, 0);
  });

  it('fails a contract that does not load, naming its first error, whatever --strict says', async () => {
    const r = await runCli(['verify', 'test/fixtures/invalid/bad-yaml.yaml']);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /server failures \(1\):\n\s+- load: the contract does not load: test\/fixtures\/invalid\/bad-yaml\.yaml:\d+:\d+ error/);
    assert.match(r.stdout, /specfirst verify: 0\/1 contract\(s\) passed/);
  });

  it('fails, naming the operation, when a response cannot be produced within the contract', async () => {
    const r = await runCli(['verify', 'test/fixtures/verify/unmockable.yaml']);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /server failures \(1\):\n\s+- GET \/nothing: valid request got 500/);
    assert.match(r.stdout, /specfirst verify: 0\/1 contract\(s\) passed/);
  });
});

describe('specfirst verify --format', () => {
  const file = 'test/fixtures/verify/bad-examples.yaml';

  it('prints a markdown job summary with the table header, exiting as the text report does', async () => {
    const [markdown, text] = [await runCli(['verify', '--format', 'markdown', file]), await runCli(['verify', file])];
    assert.equal(markdown.code, text.code);
    assert.match(markdown.stdout, /^## specfirst verify\n\n\| contract \| load \| ops \| valid ok \| invalid rejected \| no invalid \| contract problems \| server failures \| status \|\n/);
    assert.match(markdown.stdout, /\n\| test\/fixtures\/verify\/bad-examples\.yaml \| ok \| 3 \| 3\/3 \| 3\/3 \| 0 \| 3 \| 0 \| ✅ \|\n/);
    assert.match(markdown.stdout, /#### contract problems: example \(3\)/);
    assert.equal((await runCli(['verify', '--format', 'markdown', '--strict', file])).code, 1);
  });

  it('prints the rows as JSON with --format json, as --json does', async () => {
    const r = await runCli(['verify', '--format', 'json', file]);
    const rows = JSON.parse(r.stdout) as { contract: string; contractProblems: string[] }[];
    assert.equal(rows.length, 1);
    assert.equal(rows[0]!.contract, file);
    assert.equal(rows[0]!.contractProblems.length, 3);
    assert.equal(r.code, 0);
  });

  it('refuses an unknown format, and --json with another format, as bad usage', async () => {
    const unknown = await runCli(['verify', '--format', 'html', file]);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /unknown --format "html": use text, markdown or json/);
    assert.equal((await runCli(['verify', '--json', '--format', 'markdown', file])).code, 2);
  });
});

describe('mock mode', () => {
  let project: Awaited<ReturnType<typeof tempProject>>;
  let server: RunningServer;
  before(async () => {
    project = await tempProject('mock');
    await generateInto(fixture('contracts', 'redocly-museum.yaml'), project.dir);
    server = await startServer({ apis: [await importApi(project.dir, 'redocly-museum')], logger: pino({ level: 'silent' }), mock: true });
  });
  after(async () => {
    await server.close();
    await project.remove();
  });

  // The museum needs HTTP basic credentials: mock mode accepts any while the verifier is a stub.
  const auth = { headers: { authorization: `Basic ${Buffer.from('any:thing').toString('base64')}` } };

  it('needs the credentials the contract asks for, accepting any while the verifier is a stub', async () => {
    assert.equal((await fetch(`${server.url}/_mock/docs/openapi/museum-api/museum-hours`)).status, 401);
  });

  it('answers a stub with the contract example, validated, the same every time', async () => {
    const first = await fetch(`${server.url}/_mock/docs/openapi/museum-api/museum-hours`, auth);
    assert.equal(first.status, 200);
    const body = await first.json();
    assert.ok(Array.isArray(body) && body.length > 0);
    assert.deepEqual(await (await fetch(`${server.url}/_mock/docs/openapi/museum-api/museum-hours`, auth)).json(), body);
  });

  it('still rejects invalid requests before mocking', async () => {
    const res = await fetch(`${server.url}/_mock/docs/openapi/museum-api/museum-hours?startDate=not-a-date`, auth);
    assert.equal(res.status, 400);
  });
});
