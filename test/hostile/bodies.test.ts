// Hostile request bodies: missing, empty, cut off in their framing, malformed, too deep, too
// large once inflated, numbers JavaScript cannot hold, multipart that is not, and file names with
// a NUL. None may reach a handler, none may be a 500, and the server keeps serving.
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import { assertProblem, attack, exchange, rawOf, request, serveFixture, type HostileServer } from './harness.js';

const JSON_TYPE = { 'Content-Type': 'application/json' };

function multipart(boundary: string, parts: { headers: string[]; content: string }[], close = true): string {
  return parts.map((p) => `--${boundary}\r\n${p.headers.join('\r\n')}\r\n\r\n${p.content}\r\n`).join('') + (close ? `--${boundary}--\r\n` : '');
}

describe('hostile bodies', () => {
  let server: HostileServer;
  before(async () => (server = await serveFixture()));
  after(() => server.close());

  const send = (data: Buffer) => exchange(server.port, data, { responses: 1 });
  const post = (path: string, body: string, headers: Record<string, string> = JSON_TYPE) => fetch(server.url + path, { method: 'POST', headers, body });

  it('refuses a JSON body missing a required field that has a default, instead of filling it in', async () => {
    const body = await attack(server, async () => assertProblem(await rawOf(await post('/records', '{"name":"x"}')), 400, 'validation'));
    assert.deepEqual(body.errors?.map((e) => [e.in, e.pointer, e.code]), [['body', '/kind', 'required']]);
  });

  it('refuses Content-Type: application/json with an empty body where the body is required', async () => {
    const body = await attack(server, async () => assertProblem(await rawOf(await post('/records', '')), 400, 'validation'));
    assert.deepEqual(body.errors?.map((e) => [e.in, e.name, e.code]), [['body', 'body', 'required']]);
  });

  it('refuses PATCH with no body where requestBody.required is true', async () => {
    const res = await fetch(`${server.url}/records/1`, { method: 'PATCH', headers: JSON_TYPE });
    const body = await attack(server, async () => assertProblem(await rawOf(res), 400, 'validation'));
    assert.deepEqual(body.errors?.map((e) => e.code), ['required']);
  });

  it('hands an omitted optional body to the handler as undefined, not 415', async () => {
    const res = await attack(server, () => fetch(`${server.url}/records/1`, { method: 'PUT' }), { handlerCalls: 1 });
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { params: { id: '1' }, query: {}, oddPrototypes: [] });
  });

  it('never hands a chunked body with a bad chunk size to the handler (one packet)', async () => {
    const data = request('PUT', '/records/1', { ...JSON_TYPE, 'Transfer-Encoding': 'chunked' }, 'zz\r\n{}\r\n0\r\n\r\n');
    const { responses, closedByServer } = await attack(server, () => exchange(server.port, data));
    assert.equal(responses.length, 1);
    assertProblem(responses[0]!, 400, 'malformed-request');
    assert.ok(closedByServer, 'the connection is closed');
  });

  it('never hands a chunked body to the handler when a bad chunk size follows a good chunk', async () => {
    const { responses, closedByServer } = await attack(server, () =>
      exchange(server.port, (socket) => {
        socket.write(request('PUT', '/records/1', { ...JSON_TYPE, 'Transfer-Encoding': 'chunked' }, '2\r\n{}\r\n'));
        setTimeout(() => socket.write('-1\r\nx\r\n0\r\n\r\n'), 100);
      }),
    );
    assert.equal(responses.length, 1);
    assertProblem(responses[0]!, 400, 'malformed-request');
    assert.ok(closedByServer);
  });

  it('never hands a chunked body to the handler when its chunk size overflows', async () => {
    const data = request('PUT', '/records/1', { ...JSON_TYPE, 'Transfer-Encoding': 'chunked' }, 'fffffffffffffffffff\r\n{}\r\n0\r\n\r\n');
    const { responses } = await attack(server, () => exchange(server.port, data));
    assertProblem(responses[0]!, 400, 'malformed-request');
  });

  it('refuses integers beyond 2^53 in a JSON body with a clear 400 instead of rounding them', async () => {
    const body = await attack(server, async () => assertProblem(await rawOf(await post('/records', '{"name":"x","kind":"a","counter":9007199254740993}')), 400));
    assert.equal(body.errors?.[0]?.code, 'integer-precision');
    assert.match(body.detail ?? '', /9007199254740993 is an integer beyond/);
  });

  it('refuses 100,000 nested arrays with 400 before parsing them', async () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    const body = await attack(server, async () => assertProblem(await rawOf(await post('/anything', deep)), 400, 'malformed-body'));
    assert.equal(body.errors?.[0]?.code, 'depth');
  });

  it('refuses 20,000 nested objects against a recursive schema with 400, never a stack overflow', async () => {
    const deep = '{"children":['.repeat(20_000) + ']}'.repeat(20_000);
    const body = await attack(server, async () => assertProblem(await rawOf(await post('/trees', deep)), 400, 'malformed-body'));
    assert.equal(body.errors?.[0]?.code, 'depth');
  });

  it('accepts a body nested 200 levels deep, and brackets inside strings do not count', async () => {
    const deep = `["${'['.repeat(1000)}",` + '['.repeat(199) + ']'.repeat(199) + ']';
    const res = await attack(server, () => post('/anything', deep), { handlerCalls: 1 });
    assert.equal(res.status, 200);
  });

  it('answers malformed JSON with 400, never reaching the handler', async () => {
    await attack(server, async () => assertProblem(await rawOf(await post('/records', '{"name": "x",')), 400, 'malformed-body'));
  });

  it('answers a gzip bomb with 413 once it inflates past the limit', async () => {
    const bomb = gzipSync(Buffer.alloc(8 * 1024 * 1024, ' '));
    assert.ok(bomb.length < 1024 * 1024, 'the compressed body is under the limit');
    const data = request('POST', '/anything', { ...JSON_TYPE, 'Content-Encoding': 'gzip' }, bomb);
    const { responses } = await attack(server, () => send(data));
    assertProblem(responses[0]!, 413, 'too-large');
  });

  it('answers an unknown Content-Encoding with 415', async () => {
    const data = request('POST', '/anything', { ...JSON_TYPE, 'Content-Encoding': 'zstd-please' }, '{}');
    const { responses } = await attack(server, () => send(data));
    assertProblem(responses[0]!, 415, 'unsupported-media-type');
  });

  it('answers bytes that are not UTF-8 in a JSON body with 400', async () => {
    const data = request('POST', '/anything', JSON_TYPE, Buffer.from([0x22, 0xff, 0xfe, 0x22]));
    const { responses } = await attack(server, () => send(data));
    assertProblem(responses[0]!, 400, 'malformed-body');
  });

  it('answers malformed multipart with 400, never 500', async () => {
    const data = request('POST', '/uploads', { 'Content-Type': 'multipart/form-data; boundary=XX' }, '--XX\r\nthis is no part header\r\n\r\n--XX--\r\n');
    const { responses } = await attack(server, () => send(data));
    assertProblem(responses[0]!, 400, 'malformed-body');
  });

  it('answers multipart whose closing boundary never comes with 400', async () => {
    const body = multipart('XX', [{ headers: ['Content-Disposition: form-data; name="title"'], content: 'x' }], false);
    const data = request('POST', '/uploads', { 'Content-Type': 'multipart/form-data; boundary=XX' }, body);
    const { responses } = await attack(server, () => send(data));
    assertProblem(responses[0]!, 400, 'malformed-body');
  });

  it('answers multipart without a boundary with 400', async () => {
    const data = request('POST', '/uploads', { 'Content-Type': 'multipart/form-data' }, '--XX\r\n\r\n');
    const { responses } = await attack(server, () => send(data));
    assertProblem(responses[0]!, 400, 'malformed-body');
  });

  it('answers a NUL byte in a file name with 400, sent raw or percent-encoded', async () => {
    for (const disposition of ['form-data; name="file"; filename="a\0.png"', `form-data; name="file"; filename*=UTF-8''photo.png%00.exe`]) {
      const body = multipart('XX', [{ headers: [`Content-Disposition: ${disposition}`, 'Content-Type: image/png'], content: 'PNG' }]);
      const data = request('POST', '/uploads', { 'Content-Type': 'multipart/form-data; boundary=XX' }, body);
      const { responses } = await attack(server, () => send(data));
      assertProblem(responses[0]!, 400, 'malformed-body');
    }
  });

  it('answers more multipart parts than allowed with 413', async () => {
    const parts = Array.from({ length: 1100 }, (_, i) => ({ headers: [`Content-Disposition: form-data; name="f${i}"`], content: 'x' }));
    const data = request('POST', '/uploads', { 'Content-Type': 'multipart/form-data; boundary=XX' }, multipart('XX', parts));
    const { responses } = await attack(server, () => send(data));
    assertProblem(responses[0]!, 413, 'too-large');
  });

  it('refuses a multipart part holding JSON nested 100,000 deep, or with an integer beyond 2^53, with 400', async () => {
    for (const [content, code] of [
      ['['.repeat(100_000) + ']'.repeat(100_000), 'depth'],
      ['{"id":9007199254740993}', 'integer-precision'],
    ] as const) {
      const body = multipart('XX', [{ headers: ['Content-Disposition: form-data; name="meta"', 'Content-Type: application/json'], content }]);
      const data = request('POST', '/uploads', { 'Content-Type': 'multipart/form-data; boundary=XX' }, body);
      const { responses } = await attack(server, () => send(data));
      const problem = assertProblem(responses[0]!, 400, 'malformed-body');
      assert.equal(problem.errors?.[0]?.code, code);
    }
  });

  it('keeps a multipart part named tags[99999999] as that name, never a sparse array that long', async () => {
    const body = multipart('XX', [{ headers: ['Content-Disposition: form-data; name="tags[99999999]"'], content: 'x' }]);
    const data = request('POST', '/uploads', { 'Content-Type': 'multipart/form-data; boundary=XX' }, body);
    const { responses } = await attack(server, () => send(data), { handlerCalls: 1 });
    assert.equal(responses[0]!.status, 200);
    assert.deepEqual(JSON.parse(responses[0]!.body).body, { 'tags[99999999]': 'x' });
  });
});
