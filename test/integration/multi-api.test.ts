// Several contracts served by one app: each under the path of its first `servers` URL, each
// documented (/docs offers every one, /openapi/<name>.json serves each), and a request reaches
// only the API that declares its path.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { pino } from 'pino';
import { api as petstore } from '../../server/petstore/generated/routes.js';
import { fixture, generateInto, importApi, startServer, tempProject, type RunningServer } from '../helpers.js';

describe('several APIs in one server', () => {
  let project: Awaited<ReturnType<typeof tempProject>>;
  let server: RunningServer;
  before(async () => {
    project = await tempProject('multi');
    // The OpenAPI Initiative's petstore: servers url http://petstore.swagger.io/v1, stubs only.
    await generateInto(fixture('contracts', 'oai-v3.0-petstore.yaml'), project.dir);
    const oai = await importApi(project.dir, 'oai-v3-0-petstore');
    server = await startServer({ apis: [petstore, oai], logger: pino({ level: 'silent' }) });
  });
  after(async () => {
    await server.close();
    await project.remove();
  });
  const get = (path: string) => fetch(server.url + path);

  it('serves each API under its base path', async () => {
    assert.equal((await get('/pets')).status, 200, 'the example API at /');
    const stub = await get('/v1/pets');
    assert.equal(stub.status, 501, 'the OAI petstore at /v1, still stubs');
    assert.match(stub.headers.get('content-type') ?? '', /problem\+json/);
  });

  it('validates each API against its own contract', async () => {
    const res = await get('/v1/pets?limit=abc');
    assert.equal(res.status, 400);
    // The OAI petstore declares its errors as `default: Error{code, message}`: its formatter's shape.
    const body = (await res.json()) as { code: number; message: string };
    assert.deepEqual(body, { code: 400, message: 'One field does not match the contract. query limit: must be integer' });
    assert.equal((await get('/pets?limit=abc')).status, 400);
  });

  it('answers 404 for a path no API declares', async () => {
    assert.equal((await get('/v1/nothing')).status, 404);
    assert.equal((await get('/v2/pets')).status, 404);
  });

  it('serves every contract and offers each in /docs', async () => {
    const each = (await (await get('/openapi/oai-v3-0-petstore.json')).json()) as { info: { title: string }; servers: { url: string }[] };
    assert.equal(each.info.title, 'Swagger Petstore');
    assert.equal(each.servers[0]!.url, '/v1');
    const ours = (await (await get('/openapi/petstore.json')).json()) as { info: { title: string } };
    assert.equal(ours.info.title, 'Petstore');
    const init = await (await get('/docs/init.js')).text();
    assert.match(init, /"urls":\[\{"url":"\/openapi\/petstore\.json","name":"Petstore"\},\{"url":"\/openapi\/oai-v3-0-petstore\.json","name":"Swagger Petstore"\}\]/);
  });
});
