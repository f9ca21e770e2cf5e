// Hostile request headers: more bytes than the server takes (many headers, one huge cookie),
// characters HTTP does not allow in names and values, line folding, bare line feeds, and a
// request line that is not HTTP. Each is refused by the parser with problem+json before any
// handler runs; a header the contract declares is still checked against its schema.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assertProblem, attack, exchange, request, serveExample, type HostileServer } from './harness.js';

describe('hostile headers', () => {
  let server: HostileServer;
  before(async () => (server = await serveExample({ limits: { maxHeaderSize: 8 * 1024 } })));
  after(() => server.close());

  async function cut(data: Buffer | string, status: number, type: string) {
    const { responses, closedByServer } = await attack(server, () => exchange(server.port, data));
    assert.equal(responses.length, 1);
    assert.ok(closedByServer, 'the connection is closed');
    return assertProblem(responses[0]!, status, type);
  }

  it('answers headers over maxHeaderSize (many of them) with 431 and closes', async () => {
    const headers = Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`X-Filler-${i}`, 'x'.repeat(50)]));
    const body = await cut(request('GET', '/pets', headers), 431, 'headers-too-large');
    assert.match(body.detail ?? '', /over 8192 bytes \(maxHeaderSize\)/);
  });

  it('answers one cookie larger than maxHeaderSize with 431 and closes', async () => {
    await cut(request('GET', '/pets/1', { Cookie: `view=${'x'.repeat(10 * 1024)}` }), 431, 'headers-too-large');
  });

  it('answers a header name with a space in it with 400', async () => {
    await cut('GET /pets HTTP/1.1\r\nHost: 127.0.0.1\r\nX Tenant: a\r\n\r\n', 400, 'malformed-request');
  });

  it('answers a NUL byte in a header value with 400', async () => {
    await cut('GET /pets HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Tenant: a\0b\r\n\r\n', 400, 'malformed-request');
  });

  it('answers a folded header line (obs-fold) with 400', async () => {
    await cut('GET /pets HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Tenant: a\r\n b\r\n\r\n', 400, 'malformed-request');
  });

  it('answers header lines ended by a bare line feed with 400', async () => {
    await cut('GET /pets HTTP/1.1\r\nHost: 127.0.0.1\nX-Tenant: a\r\n\r\n', 400, 'malformed-request');
  });

  it('answers a request line that is not HTTP with 400', async () => {
    await cut('HELLO THERE\r\n\r\n', 400, 'malformed-request');
  });

  it('answers an HTTP/2 preface sent to this HTTP/1.1 server with 400', async () => {
    await cut('PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n', 400, 'malformed-request');
  });

  it('checks a declared header against its schema: X-Tenant ../../etc is 400 naming it', async () => {
    const { responses } = await attack(server, () => exchange(server.port, request('GET', '/pets', { 'X-Tenant': '../../etc' }), { responses: 1 }));
    const body = assertProblem(responses[0]!, 400, 'validation');
    assert.deepEqual(body.errors?.map((e) => [e.in, e.name, e.code]), [['header', 'X-Tenant', 'pattern']]);
  });

  it('replaces an X-Request-Id that is not a sane token instead of echoing it into logs', async () => {
    const { responses } = await attack(server, () => exchange(server.port, request('GET', '/pets/1', { 'X-Request-Id': `a"}\t{"admin":true ${'x'.repeat(200)}` }), { responses: 1 }), { handlerCalls: 1 });
    assert.equal(responses[0]!.status, 200);
    assert.match(responses[0]!.headers['x-request-id'] ?? '', /^[0-9a-f-]{36}$/);
  });
});
