// The example API through its generated bindings and its real handlers, over real HTTP, then the
// way `npm start` runs it: the server process, its banner, and a clean exit on SIGTERM.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pino } from 'pino';
import { api } from '../../server/petstore/generated/routes.js';
import { exampleToken } from '../../server/petstore/example-token.js';
import { ROOT, startServer, type RunningServer } from '../helpers.js';

describe('the example petstore API', () => {
  let server: RunningServer;
  before(async () => (server = await startServer({ apis: [api], logger: pino({ level: 'silent' }) })));
  after(() => server.close());
  const call = (path: string, init?: RequestInit) => fetch(server.url + path, init);
  const KEY = { 'X-API-Key': 'specfirst-example-key' };
  const json = (method: string, body: unknown): RequestInit => ({ method, headers: { 'content-type': 'application/json', ...KEY }, body: JSON.stringify(body) });

  it('lists the seeded pets with X-Total-Count, paging with the default limit', async () => {
    const res = await call('/pets');
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('x-total-count'), '3');
    const pets = (await res.json()) as { name: string }[];
    assert.deepEqual(pets.map((p) => p.name), ['Tom', 'Rex', 'Luna']);
    const page = (await (await call('/pets?limit=1&offset=1')).json()) as { name: string }[];
    assert.deepEqual(page.map((p) => p.name), ['Rex']);
  });

  it('filters by species and by every given tag', async () => {
    const dogs = (await (await call('/pets?species=dog')).json()) as { name: string }[];
    assert.deepEqual(dogs.map((p) => p.name), ['Rex']);
    const tagged = (await (await call('/pets?tags=lazy')).json()) as { name: string }[];
    assert.deepEqual(tagged.map((p) => p.name), ['Tom']);
  });

  it('creates a dog and a cat (discriminated union) with a Location header', async () => {
    const dog = await call('/pets', json('POST', { species: 'dog', name: 'Fido', breed: 'Pug' }));
    assert.equal(dog.status, 201);
    const created = (await dog.json()) as { id: number; species: string };
    assert.equal(dog.headers.get('location'), `/pets/${created.id}`);
    const cat = await call('/pets', json('POST', { species: 'cat', name: 'Kit' }));
    assert.equal(cat.status, 201);
    assert.equal(((await cat.json()) as { indoor: boolean }).indoor, true, 'the default from the contract');
  });

  it('reports only the chosen branch of the union for a bad dog', async () => {
    const res = await call('/pets', json('POST', { species: 'dog', name: '', breed: 'Pug', indoor: true }));
    assert.equal(res.status, 400);
    const body = (await res.json()) as { errors: { pointer: string; code: string }[] };
    assert.deepEqual(body.errors.map((e) => [e.pointer, e.code]).sort(), [['/indoor', 'additionalProperties'], ['/name', 'minLength']]);
  });

  it('gets, updates (null clears a nullable field), and deletes a pet', async () => {
    const rex = (await (await call('/pets/2')).json()) as { birthDate: string | null };
    assert.equal(rex.birthDate, '2020-05-04');
    const updated = await call('/pets/2', json('PATCH', { birthDate: null }));
    assert.equal(((await updated.json()) as { birthDate: unknown }).birthDate, null);
    const token = await exampleToken(['pets:write']);
    assert.equal((await call('/pets/3', { method: 'DELETE', headers: { authorization: `Bearer ${token}` } })).status, 204);
    const gone = await call('/pets/3');
    assert.equal(gone.status, 404);
    assert.match(gone.headers.get('content-type') ?? '', /application\/problem\+json/);
  });

  it('shows a compact pet when the view cookie says so', async () => {
    const pet = (await (await call('/pets/1', { headers: { cookie: 'view=compact' } })).json()) as { tags: string[] };
    assert.deepEqual(pet.tags, []);
  });

  it('stores an uploaded photo from a multipart body', async () => {
    const form = new FormData();
    form.set('photo', new File([new Uint8Array([137, 80, 78, 71])], 'tom.png', { type: 'image/png' }));
    form.set('caption', 'Tom asleep');
    const res = await call('/pets/1/photo', { method: 'POST', body: form, headers: KEY });
    assert.equal(res.status, 201);
    assert.deepEqual(await res.json(), { petId: 1, fileName: 'tom.png', contentType: 'image/png', size: 4, caption: 'Tom asleep' });
  });

  it('reads without credentials, writes with the API key, deletes with a pets:write token', async () => {
    assert.equal((await call('/pets/1')).status, 200);
    const anonymous = await call('/pets', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"species":"cat","name":"Kit"}' });
    assert.equal(anonymous.status, 401);
    assert.match(anonymous.headers.get('www-authenticate') ?? '', /^ApiKey realm="Petstore", in="header", name="X-API-Key"$/);
    const readOnly = await exampleToken(['pets:read']);
    const forbidden = await call('/pets/2', { method: 'DELETE', headers: { authorization: `Bearer ${readOnly}` } });
    assert.equal(forbidden.status, 403);
    assert.match(forbidden.headers.get('www-authenticate') ?? '', /error="insufficient_scope", scope="pets:write"/);
    const bad = await call('/pets/2', { method: 'DELETE', headers: { authorization: 'Bearer not.a.jwt' } });
    assert.equal(bad.status, 401);
    assert.match(bad.headers.get('www-authenticate') ?? '', /^Bearer realm="Petstore", error="invalid_token"$/);
  });

  it('answers GET /pets/abc with 400 naming petId in path', async () => {
    const res = await call('/pets/abc');
    assert.equal(res.status, 400);
    const body = (await res.json()) as { errors: { in: string; name: string }[] };
    assert.deepEqual(body.errors.map((e) => [e.in, e.name]), [['path', 'petId']]);
  });

  it('serves the bundled contract, pointing "Try it out" at this server', async () => {
    const doc = (await (await call('/openapi.json')).json()) as { openapi: string; servers: { url: string }[]; paths: object };
    assert.equal(doc.openapi, '3.1.0');
    assert.equal(doc.servers[0]!.url, '/');
    assert.ok('/pets/{petId}/photo' in doc.paths);
    const yaml = await call('/openapi.yaml');
    assert.match(yaml.headers.get('content-type') ?? '', /yaml/);
    assert.match(await yaml.text(), /^openapi: 3\.1\.0/m);
  });
});

describe('the server process (npm start)', () => {
  it('prints a banner with its URL and docs, serves, and exits 0 on SIGTERM', async () => {
    const child = spawn(process.execPath, ['--conditions=specfirst-source', '--import', 'tsx', join(ROOT, 'server', 'main.ts')], {
      cwd: ROOT,
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent' },
    });
    let stderr = '';
    const url = await new Promise<string>((resolve, reject) => {
      child.stderr.on('data', (d: Buffer) => {
        stderr += d.toString();
        const m = /Docs {4}(http:\/\/127\.0\.0\.1:\d+)\/docs/.exec(stderr);
        if (m) resolve(m[1]!);
      });
      child.once('exit', (code) => reject(new Error(`exited ${code}: ${stderr}`)));
    });
    assert.match(stderr, /specfirst serving Petstore 1\.0\.0/);
    assert.match(stderr, /6 operations, 0 still answer 501/);
    assert.equal((await fetch(`${url}/pets`)).status, 200);
    assert.match(await (await fetch(`${url}/docs`)).text(), /swagger-ui/);
    const exit = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    assert.equal(await exit, 0);
  });
});
