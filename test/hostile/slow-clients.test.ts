// Slow clients: headers a line at a time, a body a byte at a time, a connection that says nothing,
// an idle keep-alive connection, more connections than allowed. The server is given small limits
// and each such client must be cut off (never how fast: only that the server closes), answered
// 408 problem+json where nothing was answered yet, and logged once. A handler that is slow after
// the whole request arrived is not the client's fault and is never cut.
import assert from 'node:assert/strict';
import type { Socket } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { assertProblem, attack, exchange, request, serveExample, type HostileServer } from './harness.js';

const LIMITS = { headersTimeoutMs: 1_000, requestTimeoutMs: 2_000, keepAliveTimeoutMs: 1_500, maxConnections: 6 };

/** Writes `pieces` one after another every `everyMs`, stopping when the connection closes. */
function trickle(first: string | Buffer, piece: string, everyMs = 200): (socket: Socket) => void {
  return (socket) => {
    socket.write(first);
    const timer = setInterval(() => socket.writable && socket.write(piece), everyMs);
    socket.once('close', () => clearInterval(timer));
  };
}

describe('slow clients', () => {
  let server: HostileServer;
  before(
    async () =>
      (server = await serveExample({
        limits: LIMITS,
        // X-Tenant: slow makes listPets outlast the request timeout after the request has arrived.
        before: async (operation, request) => {
          if (operation === 'listPets' && request.headers['X-Tenant'] === 'slow') await new Promise((r) => setTimeout(r, LIMITS.requestTimeoutMs + 1_000));
        },
      })),
  );
  after(() => server.close());

  const cutLines = () => server.logs.lines.filter((l) => String(l.msg).startsWith('connection cut'));

  it('cuts a client sending its headers a line at a time, answers 408 and logs it once', async () => {
    const before = cutLines().length;
    const { responses, closedByServer } = await attack(server, () => exchange(server.port, trickle('GET /pets HTTP/1.1\r\nHost: 127.0.0.1\r\n', 'X-Slow: 1\r\n')));
    assert.ok(closedByServer, 'the server closed the connection');
    const body = assertProblem(responses[0]!, 408, 'request-timeout');
    assert.match(body.detail ?? '', /headers did not arrive within 1000 ms/);
    const lines = cutLines().slice(before);
    assert.equal(lines.length, 1, 'logged once');
    assert.equal((lines[0] as { req: { id: string } }).req.id, body.requestId);
  });

  it('cuts a connection that sends nothing at all', async () => {
    const { responses, closedByServer } = await attack(server, () => exchange(server.port, ''));
    assert.ok(closedByServer);
    assertProblem(responses[0]!, 408, 'request-timeout');
  });

  it('cuts a client sending its body a byte at a time before any handler runs, and logs it once', async () => {
    const before = server.logs.lines.length;
    const head = request('POST', '/pets', { 'X-API-Key': 'specfirst-example-key', 'Content-Type': 'application/json', 'Content-Length': '100' });
    const { responses, closedByServer } = await attack(server, () => exchange(server.port, trickle(head, ' ')));
    assert.ok(closedByServer);
    const body = assertProblem(responses[0]!, 408, 'request-timeout');
    assert.equal(body.instance, '/pets');
    assert.match(body.detail ?? '', /body did not arrive within 2000 ms/);
    const about = server.logs.lines.slice(before).filter((l) => (l as { req?: { id?: string } }).req?.id === body.requestId);
    assert.deepEqual(about.map((l) => l.msg), ['connection cut: the request body did not arrive within 2000 ms (requestTimeout)'], 'one line for this request');
  });

  it('cuts a client sending a chunked body in tiny chunks', async () => {
    const head = request('PATCH', '/pets/1', { 'X-API-Key': 'specfirst-example-key', 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' });
    const { responses, closedByServer } = await attack(server, () => exchange(server.port, trickle(Buffer.concat([head, Buffer.from('1\r\n{\r\n')]), '1\r\n \r\n')));
    assert.ok(closedByServer);
    assertProblem(responses[0]!, 408, 'request-timeout');
  });

  it('never cuts a handler that is slow after the whole request arrived', async () => {
    const res = await attack(server, () => fetch(`${server.url}/pets`, { headers: { 'X-Tenant': 'slow' } }), { handlerCalls: 1 });
    assert.equal(res.status, 200);
    assert.ok(Array.isArray(await res.json()));
  });

  it('closes an idle keep-alive connection after its answer', async () => {
    const { responses, closedByServer } = await attack(server, () => exchange(server.port, request('GET', '/pets/1')), { handlerCalls: 1 });
    assert.deepEqual(responses.map((r) => r.status), [200]);
    assert.ok(closedByServer, 'the server closed the idle connection');
  });

  it('refuses connections beyond maxConnections as they arrive, logs it, and serves again once they close', async () => {
    const held: Socket[] = [];
    try {
      // Fill every slot with a keep-alive connection that has been answered (so it surely counts).
      while ((await server.connections()) < LIMITS.maxConnections) {
        await exchange(server.port, (socket) => {
          held.push(socket);
          socket.write(request('GET', '/healthz'));
        }, { responses: 1, keepOpen: true });
      }
      const refused = await exchange(server.port, request('GET', '/healthz'));
      assert.ok(refused.closedByServer, 'the extra connection is closed');
      assert.equal(refused.responses.length, 0, 'without an answer: the server cannot afford one');
      assert.ok(server.logs.lines.some((l) => String(l.msg).startsWith('connection refused: 6 connections are already open')), server.logs.text());
    } finally {
      for (const socket of held) socket.destroy();
    }
    while ((await server.connections()) >= LIMITS.maxConnections) await new Promise((r) => setTimeout(r, 20));
    await attack(server, async () => undefined);
  });
});
