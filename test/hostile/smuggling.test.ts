// Request smuggling: framing a front proxy and this server could read differently — both
// Content-Length and Transfer-Encoding, two Content-Lengths, an obfuscated Transfer-Encoding, a
// signed length. Each is refused with 400 before any handler runs, the connection is closed, and
// what was hidden after the body is never answered as a request of its own.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assertProblem, attack, exchange, request, serveExample, type HostileServer } from './harness.js';

const KEY = { 'X-API-Key': 'specfirst-example-key', 'Content-Type': 'application/json' };
const SMUGGLED = 'GET /pets/2 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n';

describe('request smuggling', () => {
  let server: HostileServer;
  before(async () => (server = await serveExample()));
  after(() => server.close());

  async function refused(head: string, body: string): Promise<void> {
    const data = Buffer.from(`POST /pets HTTP/1.1\r\nHost: 127.0.0.1\r\nX-API-Key: specfirst-example-key\r\nContent-Type: application/json\r\n${head}\r\n${body}`, 'latin1');
    const { responses, closedByServer } = await attack(server, () => exchange(server.port, data));
    assert.equal(responses.length, 1, 'one answer: nothing hidden in the body is served as a request');
    assertProblem(responses[0]!, 400, 'malformed-request');
    assert.ok(closedByServer, 'the connection is closed');
  }

  it('refuses Content-Length together with Transfer-Encoding: chunked (CL.TE)', () =>
    refused('Content-Length: 4\r\nTransfer-Encoding: chunked\r\n', `0\r\n\r\n${SMUGGLED}`));

  it('refuses Transfer-Encoding: chunked together with Content-Length (TE.CL)', () =>
    refused('Transfer-Encoding: chunked\r\nContent-Length: 60\r\n', `5\r\n{"a":\r\n0\r\n\r\n${SMUGGLED}`));

  it('refuses two Content-Length headers that disagree', () => refused('Content-Length: 2\r\nContent-Length: 40\r\n', `{}${SMUGGLED}`));

  it('refuses a Transfer-Encoding that is not chunked at the end (chunked, identity)', () =>
    refused('Transfer-Encoding: chunked, identity\r\n', `2\r\n{}\r\n0\r\n\r\n${SMUGGLED}`));

  it('refuses an obfuscated Transfer-Encoding (xchunked)', () => refused('Transfer-Encoding: xchunked\r\n', `2\r\n{}\r\n0\r\n\r\n${SMUGGLED}`));

  it('refuses a Content-Length with a sign (+2)', () => refused('Content-Length: +2\r\n', `{}${SMUGGLED}`));

  it('refuses a Content-Length that is a list (2, 2)', () => refused('Content-Length: 2, 2\r\n', `{}${SMUGGLED}`));

  it('refuses a space before the colon of Content-Length', () => refused('Content-Length : 2\r\n', `{}${SMUGGLED}`));

  it('refuses a chunk whose data is longer than its size says', () =>
    refused('Transfer-Encoding: chunked\r\n', `2\r\n{}xx\r\n0\r\n\r\n${SMUGGLED}`));

  it('answers two honest pipelined requests in order, once each', async () => {
    const body = JSON.stringify({ species: 'cat', name: 'Piped' });
    const data = Buffer.concat([request('POST', '/pets', KEY, body), request('GET', '/pets/1')]);
    const { responses } = await attack(server, () => exchange(server.port, data, { responses: 2 }), { handlerCalls: 2 });
    assert.deepEqual(responses.map((r) => r.status), [201, 200]);
  });
});
