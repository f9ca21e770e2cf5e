// An OpenAPI 3.2 contract (test/fixtures/oas-3.2/pets.yaml) generated into a temporary project and
// served over real HTTP on 127.0.0.1, once for the file: what 3.0 and 3.1 contracts get (bodies,
// parameters and responses validated) a 3.2 one gets too, though express-openapi-validator refuses
// the version string.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fixture, serveGenerated, type Served } from '../helpers.js';

const json = (method: string, body: unknown): RequestInit => ({ method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('an OpenAPI 3.2 contract served', () => {
  let s: Served;
  before(async () => {
    s = await serveGenerated(
      fixture('oas-3.2', 'pets.yaml'),
      {
        listPets: '{ status: 200, body: [{ id: 1, name: "Rex", tag: null }] }',
        createPet: '{ status: 201, body: { id: 2, ...request.body } }',
      },
      'oas-3.2',
    );
  });
  after(() => s.close());

  it('answers a valid GET with its handler response', async () => {
    const res = await fetch(`${s.url}/pets?limit=5`);
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), [{ id: 1, name: 'Rex', tag: null }]);
  });

  it('rejects a query parameter out of range with 400 problem+json', async () => {
    const res = await fetch(`${s.url}/pets?limit=0`);
    assert.equal(res.status, 400);
    assert.match(res.headers.get('content-type') ?? '', /application\/problem\+json/);
    const problem = (await res.json()) as { errors: { in: string; name: string }[] };
    assert.deepEqual(problem.errors.map((e) => [e.in, e.name]), [['query', 'limit']]);
  });

  it('accepts a valid body (type lists are JSON Schema 2020-12, as in 3.1)', async () => {
    const res = await fetch(`${s.url}/pets`, json('POST', { name: 'Kit', tag: null }));
    assert.equal(res.status, 201);
    assert.deepEqual(await res.json(), { id: 2, name: 'Kit', tag: null });
  });

  it('rejects an invalid body with 400 and a pointer into it', async () => {
    const res = await fetch(`${s.url}/pets`, json('POST', { name: '', extra: 1 }));
    assert.equal(res.status, 400);
    const problem = (await res.json()) as { errors: { in: string; pointer: string }[] };
    assert.deepEqual(problem.errors.map((e) => [e.in, e.pointer]).sort(), [['body', '/extra'], ['body', '/name']]);
  });
});
