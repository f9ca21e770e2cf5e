// Issue 10's findings replayed against the example API exactly as they were reported (the other
// files attack each kind of input in depth, on a contract made for it): each request that was
// let through, refused wrongly or answered 500 now gets the answer the contract calls for.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assertProblem, attack, exchange, rawOf, request, serveExample, type HostileServer } from './harness.js';

const WRITE = { 'X-API-Key': 'specfirst-example-key', 'Content-Type': 'application/json' };

describe("issue 10's findings on the example API", () => {
  let server: HostileServer;
  before(async () => (server = await serveExample()));
  after(() => server.close());

  const call = (path: string, init?: RequestInit) => fetch(server.url + path, init);

  it('refuses a pet born on 2024-02-30 instead of storing it', async () => {
    const res = await call('/pets', { method: 'POST', headers: WRITE, body: JSON.stringify({ species: 'cat', name: 'Feb', birthDate: '2024-02-30' }) });
    const body = await attack(server, async () => assertProblem(await rawOf(res), 400, 'validation'));
    assert.deepEqual(body.errors?.map((e) => [e.pointer, e.code]), [['/birthDate', 'format']]);
  });

  it('refuses POST /pets with Content-Type: application/json and an empty body (was a TypeError, 500)', async () => {
    const res = await call('/pets', { method: 'POST', headers: WRITE });
    const body = await attack(server, async () => assertProblem(await rawOf(res), 400, 'validation'));
    assert.deepEqual(body.errors?.map((e) => [e.in, e.code]), [['body', 'required']]);
  });

  it('refuses PATCH /pets/1 without a body (was 200)', async () => {
    const res = await call('/pets/1', { method: 'PATCH', headers: WRITE });
    await attack(server, async () => assertProblem(await rawOf(res), 400, 'validation'));
  });

  it('never hands POST /pets a chunked body with a bad chunk size', async () => {
    const data = request('POST', '/pets', { ...WRITE, 'Transfer-Encoding': 'chunked' }, 'zz\r\n{}\r\n0\r\n\r\n');
    const { responses } = await attack(server, () => exchange(server.port, data));
    assertProblem(responses[0]!, 400, 'malformed-request');
  });

  it('lists pets for ?tags=a+b and for a tag repeated 21 times (were 400)', async () => {
    const plus = await attack(server, () => call('/pets?tags=a+b'), { handlerCalls: 1 });
    assert.equal(plus.status, 200);
    const many = await attack(server, () => call(`/pets?${'tags=lazy&'.repeat(21)}`), { handlerCalls: 1 });
    assert.equal(many.status, 200);
    assert.deepEqual(((await many.json()) as { name: string }[]).map((p) => p.name), ['Tom']);
  });

  it('answers HEAD /pets/1 like GET (was 405)', async () => {
    const res = await attack(server, () => call('/pets/1', { method: 'HEAD' }), { handlerCalls: 1 });
    assert.equal(res.status, 200);
  });

  it('reports bad percent-encoding in /pets/%E0%A4%A in path (was in body)', async () => {
    const { responses } = await attack(server, () => exchange(server.port, request('GET', '/pets/%E0%A4%A'), { responses: 1 }));
    const body = assertProblem(responses[0]!, 400, 'validation');
    assert.deepEqual(body.errors?.map((e) => [e.in, e.name]), [['path', 'petId']]);
  });

  it('answers malformed multipart and a NUL in a photo file name with 400 (were 500)', async () => {
    const head = { 'X-API-Key': 'specfirst-example-key', 'Content-Type': 'multipart/form-data; boundary=XX' };
    const nul = '--XX\r\nContent-Disposition: form-data; name="photo"; filename*=UTF-8\'\'cat.png%00.exe\r\nContent-Type: image/png\r\n\r\nPNG\r\n--XX--\r\n';
    for (const body of ['--XX\r\nno header here\r\n', nul]) {
      const { responses } = await attack(server, () => exchange(server.port, request('POST', '/pets/1/photo', head, body), { responses: 1 }));
      assertProblem(responses[0]!, 400, 'malformed-body');
    }
  });

  it('keeps a photo part named __proto__ as data: the photo is still required (was the body prototype, then 500)', async () => {
    const form = new FormData();
    form.append('__proto__', new File(['PNG'], 'cat.png', { type: 'image/png' }));
    const res = await call('/pets/1/photo', { method: 'POST', headers: { 'X-API-Key': 'specfirst-example-key' }, body: form });
    const body = await attack(server, async () => assertProblem(await rawOf(res), 400, 'validation'));
    assert.deepEqual(body.errors?.map((e) => [e.pointer, e.code]), [['/photo', 'required']]);
  });
});
