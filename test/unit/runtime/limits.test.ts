// The server's timeouts and limits: defaults, the SPECFIRST_* environment, createApp and listen
// options (later wins), and what the HTTP server is then made with.
import assert from 'node:assert/strict';
import type { Server } from 'node:http';
import { after, describe, it } from 'node:test';
import { pino } from 'pino';
import { api } from '../../../server/petstore/generated/routes.js';
import { createApp } from '../../../server/runtime/create-app.js';
import { listen } from '../../../server/runtime/lifecycle.js';
import { checkingIntervalMs, DEFAULT_LIMITS, limitsFromEnv, resolveLimits } from '../../../server/runtime/limits.js';

const silent = pino({ level: 'silent' });
/** Node keeps the option on the server, untyped; the hostile suite checks what it does. */
const headerSize = (server: Server): unknown => (server as Server & { maxHeaderSize?: number }).maxHeaderSize;

describe('server limits', () => {
  const saved = { ...process.env };
  after(() => {
    process.env = saved;
  });

  it('reads each limit from its SPECFIRST_* variable, leaving out those not set', () => {
    const env = { SPECFIRST_HEADERS_TIMEOUT_MS: '2000', SPECFIRST_REQUEST_TIMEOUT_MS: ' 9000 ', SPECFIRST_KEEP_ALIVE_TIMEOUT_MS: '65000', SPECFIRST_MAX_CONNECTIONS: '0', SPECFIRST_MAX_HEADER_SIZE: '' };
    assert.deepEqual(limitsFromEnv(env), { headersTimeoutMs: 2000, requestTimeoutMs: 9000, keepAliveTimeoutMs: 65000, maxConnections: 0 });
  });

  it('refuses a variable that is not a whole number, naming it', () => {
    assert.throws(() => limitsFromEnv({ SPECFIRST_REQUEST_TIMEOUT_MS: '30s' }), /SPECFIRST_REQUEST_TIMEOUT_MS must be a whole number of milliseconds, got "30s"/);
    assert.throws(() => limitsFromEnv({ SPECFIRST_MAX_CONNECTIONS: '-1' }), /SPECFIRST_MAX_CONNECTIONS must be a whole number, got "-1"/);
  });

  it('refuses a headers timeout longer than the request timeout, and a header size of 0', () => {
    assert.throws(() => resolveLimits({ headersTimeoutMs: 5000, requestTimeoutMs: 1000 }), /headersTimeoutMs \(5000\) must not exceed requestTimeoutMs \(1000\)/);
    assert.throws(() => resolveLimits({ maxHeaderSize: 0 }), /maxHeaderSize must be above 0/);
    assert.equal(resolveLimits({ headersTimeoutMs: 5000, requestTimeoutMs: 0 }).requestTimeoutMs, 0, '0 turns a timeout off');
  });

  it('checks for timed-out requests often enough to cut within a second of the bound', () => {
    assert.equal(checkingIntervalMs(DEFAULT_LIMITS), 1000);
    assert.equal(checkingIntervalMs({ ...DEFAULT_LIMITS, headersTimeoutMs: 1000, requestTimeoutMs: 2000 }), 250);
    assert.equal(checkingIntervalMs({ ...DEFAULT_LIMITS, headersTimeoutMs: 0, requestTimeoutMs: 0 }), 30_000);
  });

  it('makes the server with the defaults when nothing is set', async () => {
    for (const variable of Object.keys(process.env).filter((k) => k.startsWith('SPECFIRST_') && /TIMEOUT|MAX_/.test(k))) delete process.env[variable];
    const server = await listen(createApp({ apis: [api], logger: silent }), { port: 0, host: '127.0.0.1' });
    try {
      assert.deepEqual(
        [server.headersTimeout, server.requestTimeout, server.keepAliveTimeout, server.maxConnections, headerSize(server)],
        [10_000, 30_000, 5_000, 4_096, 16_384],
      );
    } finally {
      server.close();
    }
  });

  it('takes the environment, then createApp options, then listen options, later winning', async () => {
    process.env.SPECFIRST_HEADERS_TIMEOUT_MS = '3000';
    process.env.SPECFIRST_REQUEST_TIMEOUT_MS = '7000';
    process.env.SPECFIRST_MAX_CONNECTIONS = '50';
    const app = createApp({ apis: [api], logger: silent, limits: { requestTimeoutMs: 8000, maxHeaderSize: 4096 } });
    const server = await listen(app, { port: 0, host: '127.0.0.1', limits: { maxConnections: 60 } });
    try {
      assert.deepEqual([server.headersTimeout, server.requestTimeout, server.maxConnections, headerSize(server)], [3000, 8000, 60, 4096]);
    } finally {
      server.close();
      delete process.env.SPECFIRST_HEADERS_TIMEOUT_MS;
      delete process.env.SPECFIRST_REQUEST_TIMEOUT_MS;
      delete process.env.SPECFIRST_MAX_CONNECTIONS;
    }
  });
});
