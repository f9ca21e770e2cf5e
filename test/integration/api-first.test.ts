// API requests are answered before Express's router (server/runtime/api-first.ts); what fails on
// the way is handed back to Express and answered by the error handlers. What a client and the log
// see must be what they saw when every request went through the router: one answer, one log line
// carrying the id the response echoed, the problem's `instance` as the client wrote the path
// (mount path included), 405 for an undeclared method.
import assert from 'node:assert/strict';
import type { Server } from 'node:http';
import express from 'express';
import { after, before, describe, it } from 'node:test';
import { api } from '../../server/petstore/generated/routes.js';
import { createApp } from '../../server/runtime/create-app.js';
import { serverUrl } from '../../server/runtime/lifecycle.js';
import { LogCapture, startServer, type RunningServer } from '../helpers.js';

const logs = new LogCapture();
const linesFor = (id: string | null) => logs.lines.filter((l) => (l.req as { id?: string } | undefined)?.id === id && String(l.msg).startsWith('request '));

describe('API requests answered before the router', () => {
  let running: RunningServer;
  let mounted: Server;
  let mountedUrl: string;

  before(async () => {
    running = await startServer({ apis: [api], logger: logs.logger });
    const host = express();
    host.use('/v1', createApp({ apis: [api], logger: logs.logger }));
    mounted = host.listen(0, '127.0.0.1');
    await new Promise((resolve) => mounted.once('listening', resolve));
    mountedUrl = serverUrl(mounted);
  });
  after(async () => {
    await running.close();
    await new Promise<void>((resolve) => mounted.close(() => resolve()));
  });

  it('answers an operation and logs it once, with the id the response echoed', async () => {
    const res = await fetch(`${running.url}/pets/1`);
    assert.equal(res.status, 200);
    const lines = linesFor(res.headers.get('x-request-id'));
    assert.equal(lines.length, 1, logs.text());
    assert.deepEqual([lines[0]!.msg, lines[0]!.req, lines[0]!.res], ['request completed', { id: res.headers.get('x-request-id'), method: 'GET', path: '/pets/1' }, { statusCode: 200 }]);
  });

  it('hands a request its plan refuses to the error handlers: one 400 problem, one log line, the same id', async () => {
    const res = await fetch(`${running.url}/pets/abc`);
    assert.equal(res.status, 400);
    assert.match(res.headers.get('content-type') ?? '', /^application\/problem\+json/);
    const body = (await res.json()) as { requestId: string; instance: string };
    assert.equal(body.requestId, res.headers.get('x-request-id'));
    assert.equal(body.instance, '/pets/abc');
    const lines = linesFor(body.requestId);
    assert.equal(lines.length, 1, logs.text());
    assert.equal(lines[0]!.msg, 'request refused');
  });

  it('still answers 405 naming the methods for a declared path with an undeclared method', async () => {
    const res = await fetch(`${running.url}/pets/1`, { method: 'PUT' });
    assert.equal(res.status, 405);
    assert.match(res.headers.get('allow') ?? '', /GET/);
  });

  it('serves the app mounted in a host Express app, the problem naming the path with its mount', async () => {
    assert.equal((await fetch(`${mountedUrl}/v1/pets/1`)).status, 200);
    const refused = await fetch(`${mountedUrl}/v1/pets/abc`);
    assert.equal(refused.status, 400);
    assert.equal(((await refused.json()) as { instance: string }).instance, '/v1/pets/abc');
  });
});
