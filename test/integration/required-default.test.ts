// A required parameter with a `default` is still required: the default never fills it in (it
// would let a request the contract refuses reach the handler). Optional parameters' defaults
// still apply. Fixture: test/fixtures/runtime/required-default.yaml.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { pino } from 'pino';
import { fixture, generateInto, importApi, startServer, tempProject, type RunningServer } from '../helpers.js';

describe('required parameters with a default', () => {
  let project: Awaited<ReturnType<typeof tempProject>>;
  let server: RunningServer;
  before(async () => {
    project = await tempProject('required-default');
    await generateInto(fixture('runtime', 'required-default.yaml'), project.dir);
    server = await startServer({ apis: [await importApi(project.dir, 'required-default')], logger: pino({ level: 'silent' }), mock: true });
  });
  after(async () => {
    await server.close();
    await project.remove();
  });

  it('refuses a request without the required query parameter, naming it, though its schema has a default', async () => {
    const res = await fetch(`${server.url}/accounts/a1`, { headers: { 'x-tenant': 't' } });
    assert.equal(res.status, 400);
    const body = (await res.json()) as { errors: { in: string; name: string }[] };
    assert.deepEqual(body.errors.map((e) => `${e.in} ${e.name}`), ['query scope']);
  });

  it('refuses a request without the required header whose $ref schema has a default', async () => {
    const res = await fetch(`${server.url}/accounts/a1?scope=admin`);
    assert.equal(res.status, 400);
    const body = (await res.json()) as { errors: { in: string; name: string }[] };
    assert.deepEqual(body.errors.map((e) => `${e.in} ${e.name}`), ['header X-Tenant']);
  });

  it('serves the request when both are sent, the optional parameter defaulted', async () => {
    const res = await fetch(`${server.url}/accounts/a1?scope=admin`, { headers: { 'x-tenant': 't' } });
    assert.equal(res.status, 200);
  });
});
