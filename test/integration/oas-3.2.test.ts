// An OpenAPI 3.2 contract (test/fixtures/oas-3.2/pets.yaml) generated into a temporary project and
// served over real HTTP on 127.0.0.1, once for the file: what 3.0 and 3.1 contracts get (bodies,
// parameters and responses validated) a 3.2 one gets too, though express-openapi-validator refuses
// the version string.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { lintContractFile } from '../../generator/lint/lint-contract.js';
import { buildRequest } from '../../generator/requests/build-request.js';
import { requiredValues } from '../../generator/requests/request-values.js';
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
        searchPets: '{ status: 200, body: [{ id: 3, name: request.body.name }].slice(0, request.body.limit ?? 10) }',
        findPets: '{ status: 200, body: [{ id: 4, name: request.querystring.name }].slice(0, request.querystring.limit ?? 10) }',
        matchPets: '{ status: 200, body: request.querystring ?? null }',
        copyPet: '{ status: 201, body: { id: request.params.id + 100, name: request.headers.Destination } }',
        replacePet: '{ status: 200, body: { id: request.params.id, ...request.body } }',
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

  it('serves QUERY with a valid body: 200 from its handler', async () => {
    const res = await fetch(`${s.url}/pets/search`, json('QUERY', { name: 'Rex', limit: 1 }));
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), [{ id: 3, name: 'Rex' }]);
  });

  it('rejects QUERY with an invalid body: 400 with a pointer into it', async () => {
    const res = await fetch(`${s.url}/pets/search`, json('QUERY', { name: 'Rex', limit: 0 }));
    assert.equal(res.status, 400);
    const problem = (await res.json()) as { errors: { in: string; pointer: string }[] };
    assert.deepEqual(problem.errors.map((e) => [e.in, e.pointer]), [['body', '/limit']]);
  });

  it('rejects QUERY without its required body: 400', async () => {
    const res = await fetch(`${s.url}/pets/search`, { method: 'QUERY' });
    assert.equal(res.status, 400);
    await res.arrayBuffer();
  });

  it('answers a method the path does not declare with 405 naming QUERY among the allowed', async () => {
    const res = await fetch(`${s.url}/pets/search`, json('POST', { name: 'Rex' }));
    assert.equal(res.status, 405);
    assert.equal(res.headers.get('allow'), 'QUERY');
    await res.arrayBuffer();
  });

  it('serves an additionalOperations method (COPY), its path parameter coerced and its header validated', async () => {
    const ok = await fetch(`${s.url}/pets/7`, { method: 'COPY', headers: { Destination: '/pets/8' } });
    assert.equal(ok.status, 201);
    assert.deepEqual(await ok.json(), { id: 107, name: '/pets/8' });
    const bad = await fetch(`${s.url}/pets/7`, { method: 'COPY', headers: { Destination: 'elsewhere' } });
    assert.equal(bad.status, 400);
    const problem = (await bad.json()) as { errors: { in: string; name: string }[] };
    assert.deepEqual(problem.errors.map((e) => [e.in, e.name]), [['header', 'Destination']]);
  });

  it('reads in: querystring as one form-encoded object, coerced and validated: 200', async () => {
    const res = await fetch(`${s.url}/pets/find?name=Rex&limit=1`);
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), [{ id: 4, name: 'Rex' }]);
  });

  it('rejects an invalid querystring with 400 and pointers into it', async () => {
    const res = await fetch(`${s.url}/pets/find?limit=11&colour=red`);
    assert.equal(res.status, 400);
    const problem = (await res.json()) as { errors: { in: string; name: string; pointer?: string }[] };
    assert.deepEqual(problem.errors.map((e) => [e.in, e.name, e.pointer]).sort(), [
      ['querystring', 'filter.colour', '/colour'],
      ['querystring', 'filter.limit', '/limit'],
      ['querystring', 'filter.name', '/name'],
    ]);
  });

  it('rejects a missing required querystring with 400', async () => {
    const res = await fetch(`${s.url}/pets/find`);
    assert.equal(res.status, 400);
    const problem = (await res.json()) as { errors: { in: string; name: string }[] };
    assert.deepEqual(problem.errors.map((e) => [e.in, e.name]), [['querystring', 'filter']]);
  });

  it('reads in: querystring as one JSON value: valid 200, invalid 400 with a pointer', async () => {
    const where = encodeURIComponent(JSON.stringify({ tags: ['a', 'b'] }));
    const ok = await fetch(`${s.url}/pets/match?${where}`);
    assert.equal(ok.status, 200);
    assert.deepEqual(await ok.json(), { tags: ['a', 'b'] });
    const bad = await fetch(`${s.url}/pets/match?${encodeURIComponent(JSON.stringify({ tags: ['a', 'b', 'c'] }))}`);
    assert.equal(bad.status, 400);
    const problem = (await bad.json()) as { errors: { in: string; pointer?: string }[] };
    assert.deepEqual(problem.errors.map((e) => [e.in, e.pointer]), [['querystring', '/tags']]);
    const broken = await fetch(`${s.url}/pets/match?%7Bnot-json`);
    assert.equal(broken.status, 400);
    await broken.arrayBuffer();
  });

  it("builds verify's valid requests for QUERY, COPY, querystring and $ref'd media type operations, which the server takes", async () => {
    const { contract, model } = await lintContractFile(fixture('oas-3.2', 'pets.yaml'));
    for (const name of ['searchPets', 'copyPet', 'findPets', 'matchPets', 'replacePet']) {
      const op = model!.operations.find((o) => o.name === name)!;
      const spec = buildRequest(contract!.document, op, requiredValues(contract!.document, op));
      const res = await fetch(`${s.url}${spec.url}`, { method: spec.method, headers: spec.headers, body: spec.body as string | undefined });
      await res.arrayBuffer();
      assert.ok(res.status < 300, `${name}: ${spec.method} ${spec.url} answered ${res.status}`);
    }
  });

  it('serves the contract as written at /openapi.json, and the viewers copies with what they leave out as text', async () => {
    type Doc = { info: { description?: string }; components: { securitySchemes: Record<string, { description?: string }> } };
    const contract = (await (await fetch(`${s.url}/openapi.json`)).json()) as Doc;
    assert.equal(contract.components.securitySchemes.legacyKey!.description, undefined);
    assert.equal(contract.info.description, undefined);
    const swagger = (await (await fetch(`${s.url}/docs/openapi.json`)).json()) as Doc;
    assert.match(swagger.components.securitySchemes.legacyKey!.description!, /^\*\*Deprecated\*\*/);
    assert.match(swagger.components.securitySchemes.device!.description!, /^Sign in on another device\.\n\nOAuth 2\.0 authorization server metadata: https:/);
    assert.equal(swagger.info.description, undefined, 'Swagger UI shows every method itself');
    const redoc = (await (await fetch(`${s.url}/redoc/openapi.json`)).json()) as Doc;
    assert.deepEqual(redoc.info.description!.split('\n').filter((l) => l.startsWith('- ')), ['- `QUERY /pets/search` — searchPets: Pets whose name matches, the filter sent as a body (QUERY is safe and idempotent)', '- `COPY /pets/{id}` — copyPet']);
    assert.match(await (await fetch(`${s.url}/redoc`)).text(), /spec-url="\/redoc\/openapi.json"/);
  });
});
