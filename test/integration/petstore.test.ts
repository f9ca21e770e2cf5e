// The example API through its generated bindings and its real handlers, over real HTTP with its
// generated typed client, then the way `npm start` runs it: the server process, its banner, and a
// clean exit on SIGTERM.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pino } from 'pino';
import { createApiClient, type ApiClient } from '../../server/petstore/generated/client.js';
import { api } from '../../server/petstore/generated/routes.js';
import { exampleToken } from '../../server/petstore/example-token.js';
import { ROOT, startServer, type RunningServer } from '../helpers.js';

describe('the example petstore API', () => {
  let server: RunningServer;
  // The generated typed client: a contract change that breaks one of these calls fails to compile.
  let client: ApiClient;
  before(async () => {
    server = await startServer({ apis: [api], logger: pino({ level: 'silent' }) });
    client = createApiClient({ baseUrl: server.url });
  });
  after(() => server.close());
  const call = (path: string, init?: RequestInit) => fetch(server.url + path, init);
  const KEY = { 'X-API-Key': 'specfirst-example-key' };

  it('lists the seeded pets with X-Total-Count, paging with the default limit', async () => {
    const { data, response } = await client.GET('/pets');
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('x-total-count'), '3');
    assert.deepEqual(data?.map((p) => p.name), ['Tom', 'Rex', 'Luna']);
    const page = await client.GET('/pets', { params: { query: { limit: 1, offset: 1 } } });
    assert.deepEqual(page.data?.map((p) => p.name), ['Rex']);
  });

  it('filters by species and by every given tag', async () => {
    const dogs = await client.GET('/pets', { params: { query: { species: 'dog' } } });
    assert.deepEqual(dogs.data?.map((p) => p.name), ['Rex']);
    const tagged = await client.GET('/pets', { params: { query: { tags: ['lazy'] } } });
    assert.deepEqual(tagged.data?.map((p) => p.name), ['Tom']);
  });

  it('creates a dog and a cat (discriminated union) with a Location header', async () => {
    const dog = await client.POST('/pets', { body: { species: 'dog', name: 'Fido', breed: 'Pug' }, headers: KEY });
    assert.equal(dog.response.status, 201);
    assert.equal(dog.response.headers.get('location'), `/pets/${dog.data?.id}`);
    // Plain fetch: the generated types require \`indoor\`, which has a default, in request bodies too
    // (openapi-typescript's defaultNonNullable), so the client cannot leave it out.
    const cat = await fetch(`${server.url}/pets`, { method: 'POST', headers: { 'content-type': 'application/json', ...KEY }, body: '{"species":"cat","name":"Kit"}' });
    assert.equal(cat.status, 201);
    assert.equal(((await cat.json()) as { indoor: boolean }).indoor, true, 'the default from the contract');
  });

  it('reports only the chosen branch of the union for a bad dog', async () => {
    // `indoor` is a cat's field: the client's types refuse it, so it is sent past them on purpose.
    const { error, response } = await client.POST('/pets', { body: { species: 'dog', name: '', breed: 'Pug', indoor: true } as never, headers: KEY });
    assert.equal(response.status, 400);
    assert.deepEqual(error?.errors?.map((e) => [e.pointer, e.code]).sort(), [['/indoor', 'additionalProperties'], ['/name', 'minLength']]);
  });

  it('gets, updates (null clears a nullable field), and deletes a pet', async () => {
    const rex = await client.GET('/pets/{petId}', { params: { path: { petId: 2 } } });
    assert.equal(rex.data?.birthDate, '2020-05-04');
    const updated = await client.PATCH('/pets/{petId}', { params: { path: { petId: 2 } }, body: { birthDate: null }, headers: KEY });
    assert.equal(updated.data?.birthDate, null);
    const token = await exampleToken(['pets:write']);
    const deleted = await client.DELETE('/pets/{petId}', { params: { path: { petId: 3 } }, headers: { authorization: `Bearer ${token}` } });
    assert.equal(deleted.response.status, 204);
    const gone = await client.GET('/pets/{petId}', { params: { path: { petId: 3 } } });
    assert.equal(gone.response.status, 404);
    assert.match(gone.response.headers.get('content-type') ?? '', /application\/problem\+json/);
    assert.equal(gone.error?.status, 404);
  });

  it('shows a compact pet when the view cookie says so', async () => {
    const { data } = await client.GET('/pets/{petId}', { params: { path: { petId: 1 } }, headers: { cookie: 'view=compact' } });
    assert.deepEqual(data?.tags, []);
  });

  it('stores an uploaded photo from a multipart body', async () => {
    const photo = new File([new Uint8Array([137, 80, 78, 71])], 'tom.png', { type: 'image/png' });
    const { data, response } = await client.POST('/pets/{petId}/photo', {
      params: { path: { petId: 1 } },
      body: { photo, caption: 'Tom asleep' },
      // openapi-fetch sends JSON unless told how to make the multipart form.
      bodySerializer: (body) => {
        const form = new FormData();
        form.set('photo', body.photo);
        if (body.caption) form.set('caption', body.caption);
        return form;
      },
      headers: KEY,
    });
    assert.equal(response.status, 201);
    assert.deepEqual(data, { petId: 1, fileName: 'tom.png', contentType: 'image/png', size: 4, caption: 'Tom asleep' });
  });

  it('reads without credentials, writes with the API key, deletes with a pets:write token', async () => {
    assert.equal((await client.GET('/pets/{petId}', { params: { path: { petId: 1 } } })).response.status, 200);
    const anonymous = await client.POST('/pets', { body: { species: 'cat', name: 'Kit', indoor: true } });
    assert.equal(anonymous.response.status, 401);
    assert.match(anonymous.response.headers.get('www-authenticate') ?? '', /^ApiKey realm="Petstore", in="header", name="X-API-Key"$/);
    const readOnly = await exampleToken(['pets:read']);
    const forbidden = await client.DELETE('/pets/{petId}', { params: { path: { petId: 2 } }, headers: { authorization: `Bearer ${readOnly}` } });
    assert.equal(forbidden.response.status, 403);
    assert.match(forbidden.response.headers.get('www-authenticate') ?? '', /error="insufficient_scope", scope="pets:write"/);
    const bad = await client.DELETE('/pets/{petId}', { params: { path: { petId: 2 } }, headers: { authorization: 'Bearer not.a.jwt' } });
    assert.equal(bad.response.status, 401);
    assert.match(bad.response.headers.get('www-authenticate') ?? '', /^Bearer realm="Petstore", error="invalid_token"$/);
  });

  it('answers GET /pets/abc with 400 naming petId in path', async () => {
    // @ts-expect-error petId is an integer: the typed client refuses "abc" at compile time.
    const { error, response } = await client.GET('/pets/{petId}', { params: { path: { petId: 'abc' } } });
    assert.equal(response.status, 400);
    assert.deepEqual(error?.errors?.map((e) => [e.in, e.name]), [['path', 'petId']]);
  });

  it('answers a name taken within the species with 409 in the contract\'s problem shape, on create and on rename', async () => {
    const twin = await client.POST('/pets', { body: { species: 'dog', name: 'Rex', breed: 'Beagle' }, headers: KEY });
    assert.equal(twin.response.status, 409);
    assert.match(twin.response.headers.get('content-type') ?? '', /application\/problem\+json/);
    assert.deepEqual({ ...twin.error, requestId: undefined }, {
      type: 'urn:specfirst:problem:name-taken',
      title: 'The name is taken',
      status: 409,
      detail: 'Another pet of the same species is named Rex; a pet\'s name is unique within its species.',
      instance: '/pets',
      requestId: undefined,
    });
    const catRex = await client.POST('/pets', { body: { species: 'cat', name: 'Rex', indoor: false }, headers: KEY });
    assert.equal(catRex.response.status, 201, 'unique within a species only');
    const renamed = await client.PATCH('/pets/{petId}', { params: { path: { petId: catRex.data!.id } }, body: { name: 'Tom' }, headers: KEY });
    assert.equal(renamed.response.status, 409);
    assert.equal(renamed.error?.instance, `/pets/${catRex.data!.id}`);
    assert.equal((await client.GET('/pets/{petId}', { params: { path: { petId: catRex.data!.id } } })).data?.name, 'Rex', 'unchanged');
  });

  it('counts every matching pet in X-Total-Count while returning one page', async () => {
    const all = await client.GET('/pets', { params: { query: { species: 'cat', limit: 100 } } });
    const cats = all.data!.length;
    assert.ok(cats >= 2);
    const page = await client.GET('/pets', { params: { query: { species: 'cat', limit: 1, offset: 1 } } });
    assert.equal(page.response.headers.get('x-total-count'), String(cats));
    assert.deepEqual(page.data?.map((p) => p.id), [all.data![1]!.id]);
    const past = await client.GET('/pets', { params: { query: { species: 'cat', offset: 1000 } } });
    assert.deepEqual([past.data, past.response.headers.get('x-total-count')], [[], String(cats)]);
  });

  it('deletes a pet together with its photo, and the photo of a deleted pet is 404', async () => {
    const pet = await client.POST('/pets', { body: { species: 'dog', name: 'Snap', breed: 'Pug' }, headers: KEY });
    const form = () => {
      const body = new FormData();
      body.set('photo', new File([new Uint8Array([1, 2])], 'snap.png', { type: 'image/png' }));
      return body;
    };
    const photoPath = `/pets/${pet.data!.id}/photo`;
    assert.equal((await call(photoPath, { method: 'POST', headers: KEY, body: form() })).status, 201);
    const token = await exampleToken(['pets:write']);
    const deleted = await client.DELETE('/pets/{petId}', { params: { path: { petId: pet.data!.id } }, headers: { authorization: `Bearer ${token}` } });
    assert.equal(deleted.response.status, 204);
    assert.equal((await call(photoPath, { method: 'POST', headers: KEY, body: form() })).status, 404);
  });

  it('serves the bundled contract, pointing "Try it out" at this server', async () => {
    const doc = (await (await call('/openapi.json')).json()) as { openapi: string; servers: { url: string }[]; paths: object };
    assert.equal(doc.openapi, '3.2.0');
    assert.equal(doc.servers[0]!.url, '/');
    assert.ok('/pets/{petId}/photo' in doc.paths);
    const yaml = await call('/openapi.yaml');
    assert.match(yaml.headers.get('content-type') ?? '', /yaml/);
    assert.match(await yaml.text(), /^openapi: 3\.2\.0/m);
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
    assert.match(stderr, /8 operations, 0 still answer 501/);
    assert.equal((await fetch(`${url}/pets`)).status, 200);
    assert.match(await (await fetch(`${url}/docs`)).text(), /swagger-ui/);
    const exit = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    assert.equal(await exit, 0);
  });
});
