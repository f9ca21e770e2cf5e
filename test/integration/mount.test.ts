// specfirst mounted in an Express app that already exists: `app.use('/api', specfirstRouter(…))`
// validates, secures and documents just those routes; the host's own routes, body parser and
// error handler keep working as they did, and the docs work under the mount path.
import assert from 'node:assert/strict';
import type { Server } from 'node:http';
import express from 'express';
import { pino } from 'pino';
import { after, before, describe, it } from 'node:test';
import { api } from '../../server/petstore/generated/routes.js';
import { specfirstRouter } from '@specfirst/runtime';
import { serverUrl } from '../../server/runtime/lifecycle.js';
import '../example-database.js';

describe('mounted in a host Express app', () => {
  let server: Server;
  let url: string;

  before(async () => {
    const host = express();
    // The host parses JSON for its own routes, before specfirst sees the request.
    host.use(express.json());
    host.get('/hello', (_req, res) => void res.type('text').send('hi from the host'));
    host.post('/echo', (req, res) => void res.json({ host: req.body as unknown }));
    host.get('/boom', () => {
      throw new Error('host failure');
    });
    host.use('/api', specfirstRouter({ apis: [api], logger: pino({ level: 'silent' }) }));
    host.use(((error, _req, res, _next) => void res.status(418).type('text').send(`host handler: ${(error as Error).message}`)) as express.ErrorRequestHandler);
    server = host.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    url = serverUrl(server);
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('leaves the host routes, body parser and error handler as they were', async () => {
    assert.equal(await (await fetch(`${url}/hello`)).text(), 'hi from the host');
    const echo = await fetch(`${url}/echo`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"a":1}' });
    assert.deepEqual(await echo.json(), { host: { a: 1 } });
    const boom = await fetch(`${url}/boom`);
    assert.equal(boom.status, 418);
    assert.equal(await boom.text(), 'host handler: host failure');
    const unknown = await fetch(`${url}/api/nowhere`);
    assert.equal(unknown.status, 404);
    assert.doesNotMatch(unknown.headers.get('content-type') ?? '', /problem/, 'a path the API does not declare is the host’s to answer');
  });

  it('serves and validates the contract’s operations under the mount path', async () => {
    const list = await fetch(`${url}/api/pets?limit=2`);
    assert.equal(list.status, 200);
    assert.equal(((await list.json()) as unknown[]).length, 2);
    const bad = await fetch(`${url}/api/pets/abc`);
    assert.equal(bad.status, 400);
    assert.match(bad.headers.get('content-type') ?? '', /^application\/problem\+json/);
    assert.deepEqual(((await bad.json()) as { errors: { in: string; name: string }[] }).errors.map((e) => [e.in, e.name]), [['path', 'petId']]);
  });

  it('secures and validates a body the host’s JSON parser already read', async () => {
    const body = JSON.stringify({ species: 'cat', name: 'Mounted' });
    const anonymous = await fetch(`${url}/api/pets`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    assert.equal(anonymous.status, 401);
    const headers = { 'content-type': 'application/json', 'x-api-key': 'specfirst-example-key' };
    const created = await fetch(`${url}/api/pets`, { method: 'POST', headers, body });
    assert.equal(created.status, 201);
    assert.equal(((await created.json()) as { name: string }).name, 'Mounted');
    const invalid = await fetch(`${url}/api/pets`, { method: 'POST', headers, body: JSON.stringify({ species: 'cat', name: 5 }) });
    assert.equal(invalid.status, 400);
  });

  it('serves the docs under the mount path, every asset they name included', async () => {
    const page = await (await fetch(`${url}/api/docs`)).text();
    const assets = [...page.matchAll(/(?:href|src)="([^"]+)"/g)].map((m) => m[1]!);
    assert.ok(assets.length >= 4 && assets.every((a) => a.startsWith('/api/')), assets.join(' '));
    for (const asset of assets) assert.equal((await fetch(url + asset)).status, 200, asset);
    assert.match(await (await fetch(`${url}/api/docs/init.js`)).text(), /"\/api\/openapi\.json"/);
    const doc = (await (await fetch(`${url}/api/openapi.json`)).json()) as { servers: { url: string }[] };
    assert.equal(doc.servers[0]!.url, '/api', '"Try it out" calls the mounted API');
    const redoc = await (await fetch(`${url}/api/redoc`)).text();
    assert.match(redoc, /spec-url="\/api\/openapi\.json"/);
    assert.match(redoc, /src="\/api\/redoc\/redoc\.standalone\.js"/);
  });
});
