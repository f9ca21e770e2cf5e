// What every hostile case is built from: a server whose handlers count their calls (the example
// API, or the small contract in test/fixtures/hostile/ with handlers that describe what they
// received), a client writing raw bytes to a socket for what fetch cannot send, and the checks
// each case ends with — no handler ran, Object.prototype is untouched, the server still answers.
import assert from 'node:assert/strict';
import net from 'node:net';
import type { ApiDefinition, RouteBinding } from '../../server/runtime/api.js';
import type { AppOptions } from '../../server/runtime/create-app.js';
import { listen, serverUrl } from '../../server/runtime/lifecycle.js';
import type { ServerLimits } from '../../server/runtime/limits.js';
import { createApp } from '../../server/runtime/create-app.js';
import { api as petstore } from '../../server/petstore/generated/routes.js';
import { fixture, generateInto, importApi, LogCapture, tempProject } from '../helpers.js';

export interface HostileServer {
  url: string;
  port: number;
  /** How many times any handler has run. */
  calls(): number;
  logs: LogCapture;
  /** Connections the server holds open now. */
  connections(): Promise<number>;
  /** A request that must still succeed after every case: `[path, status]`. */
  probe: [string, number];
  close(): Promise<void>;
}

type Handler = RouteBinding['handler'];

export interface ServeOptions {
  limits?: Partial<ServerLimits>;
  bodyLimit?: number;
  /** Runs inside every handler before it answers (to make one slow, say). */
  before?: (operation: string, request: { headers: Record<string, unknown> }) => Promise<void>;
}

/** The example API with its own handlers, counted. */
export async function serveExample(options: ServeOptions = {}): Promise<HostileServer> {
  return serve(petstore as unknown as ApiDefinition, (route) => route.handler, ['/pets/1', 200], options);
}

/** test/fixtures/hostile/hostile.yaml, generated, with handlers that answer with what they received. */
export async function serveFixture(options: ServeOptions = {}): Promise<HostileServer> {
  const project = await tempProject('hostile');
  await generateInto(fixture('hostile', 'hostile.yaml'), project.dir);
  const api = await importApi(project.dir, 'hostile');
  const running = await serve(api, (route) => describing(route), ['/records/probe', 200], options);
  return {
    ...running,
    close: async () => {
      await running.close();
      await project.remove();
    },
  };
}

async function serve(api: ApiDefinition, handlerOf: (route: RouteBinding) => Handler, probe: [string, number], options: ServeOptions): Promise<HostileServer> {
  let calls = 0;
  const counted: ApiDefinition = {
    ...api,
    routes: api.routes.map((route) => {
      const handler = handlerOf(route);
      return {
        ...route,
        handler: async (request: { headers: Record<string, unknown> }, context: unknown) => {
          calls++;
          await options.before?.(route.operation, request);
          return handler(request, context);
        },
      };
    }),
  };
  const logs = new LogCapture();
  const app = createApp({ apis: [counted], logger: logs.logger, exposeErrors: false, ...(options.bodyLimit ? { bodyLimit: options.bodyLimit } : {}) } satisfies AppOptions);
  const server = await listen(app, { port: 0, host: '127.0.0.1', ...(options.limits ? { limits: options.limits } : {}) });
  const url = serverUrl(server);
  return {
    url,
    port: Number(new URL(url).port),
    calls: () => calls,
    connections: () => new Promise((resolve, reject) => server.getConnections((error, n) => (error ? reject(error) : resolve(n)))),
    logs,
    probe,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A handler answering its first 2xx status with what it received, as JSON-safe data. */
function describing(route: RouteBinding): Handler {
  const status = Number(Object.keys(route.responses).find((k) => k.startsWith('2')) ?? 200);
  return async (request: Record<string, unknown>) => {
    const odd: string[] = [];
    return {
      status,
      body: {
        params: asData(request.params, '/params', odd),
        query: asData(request.query, '/query', odd),
        body: asData(request.body, '/body', odd),
        /** Where an object's prototype is not Object.prototype or Array.prototype. */
        oddPrototypes: odd,
      },
    };
  };
}

function asData(value: unknown, at: string, odd: string[], depth = 0): unknown {
  if (value instanceof File) return { file: value.name, type: value.type, size: value.size };
  if (typeof value !== 'object' || value === null || depth > 300) return value;
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== Array.prototype) odd.push(`${at}: ${proto === null ? 'null' : describeProto(proto)}`);
  if (Array.isArray(value)) return value.map((v, i) => asData(v, `${at}/${i}`, odd, depth + 1));
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    Object.defineProperty(out, key, { value: asData((value as Record<string, unknown>)[key], `${at}/${key}`, odd, depth + 1), enumerable: true, writable: true, configurable: true });
  }
  return out;
}

function describeProto(proto: unknown): string {
  return Array.isArray(proto) ? 'an array' : typeof proto === 'object' ? `an object with keys ${Object.keys(proto as object).join(',')}` : String(proto);
}

// --- raw HTTP over a socket ---------------------------------------------------------------

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface Exchange {
  responses: RawResponse[];
  /** The server ended or reset the connection (not this client, nor the safety cap). */
  closedByServer: boolean;
}

export interface ExchangeOptions {
  /** Stop once this many complete responses arrived (default: wait for the server to close). */
  responses?: number;
  /** Safety cap, never an assertion: the connection is dropped after this long. Default 20 s. */
  capMs?: number;
  /** Leave the connection open once the responses arrived (the caller holds it). */
  keepOpen?: boolean;
}

/** Opens a connection, lets `send` write to it (at once or bit by bit), and collects what comes back. */
export function exchange(port: number, send: string | Buffer | ((socket: net.Socket) => void), options: ExchangeOptions = {}): Promise<Exchange> {
  const { responses: wanted, capMs = 20_000, keepOpen = false } = options;
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    let settled = false;
    const finish = (closedByServer: boolean): void => {
      if (settled) return;
      settled = true;
      clearTimeout(cap);
      if (!keepOpen || closedByServer) socket.destroy();
      resolve({ responses: parseResponses(Buffer.concat(chunks)), closedByServer });
    };
    const cap = setTimeout(() => finish(false), capMs);
    socket.on('data', (data: Buffer) => {
      chunks.push(data);
      if (wanted !== undefined && parseResponses(Buffer.concat(chunks)).length >= wanted) finish(false);
    });
    socket.on('error', () => finish(true));
    socket.on('end', () => finish(true));
    socket.on('close', () => finish(true));
    socket.on('connect', () => {
      if (typeof send === 'function') send(socket);
      else socket.write(send);
    });
  });
}

/** Complete HTTP/1.1 responses in `bytes`, in order (Content-Length or chunked bodies). */
export function parseResponses(bytes: Buffer): RawResponse[] {
  const out: RawResponse[] = [];
  let at = 0;
  while (at < bytes.length) {
    const end = bytes.indexOf('\r\n\r\n', at);
    if (end < 0) break;
    const [statusLine = '', ...lines] = bytes.subarray(at, end).toString('latin1').split('\r\n');
    const headers: Record<string, string> = {};
    for (const line of lines) {
      const colon = line.indexOf(':');
      headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
    }
    let from = end + 4;
    let body: Buffer;
    if (headers['transfer-encoding'] === 'chunked') {
      const parts: Buffer[] = [];
      for (;;) {
        const lineEnd = bytes.indexOf('\r\n', from);
        if (lineEnd < 0) return out;
        const size = parseInt(bytes.subarray(from, lineEnd).toString('latin1'), 16);
        if (bytes.length < lineEnd + 2 + size + 2) return out;
        parts.push(bytes.subarray(lineEnd + 2, lineEnd + 2 + size));
        from = lineEnd + 2 + size + 2;
        if (size === 0) break;
      }
      body = Buffer.concat(parts);
    } else {
      const length = Number(headers['content-length'] ?? 0);
      if (bytes.length < from + length) break;
      body = bytes.subarray(from, from + length);
      from += length;
    }
    out.push({ status: Number(statusLine.split(' ')[1]), headers, body: body.toString('utf8') });
    at = from;
  }
  return out;
}

/** A request as bytes: `Content-Length` added for a body unless the headers say otherwise. */
export function request(method: string, path: string, headers: Record<string, string> = {}, body?: string | Buffer): Buffer {
  const all: Record<string, string> = { Host: '127.0.0.1', ...headers };
  const lower = Object.keys(all).map((k) => k.toLowerCase());
  if (body !== undefined && !lower.includes('content-length') && !lower.includes('transfer-encoding')) all['Content-Length'] = String(Buffer.byteLength(body));
  const head = `${method} ${path} HTTP/1.1\r\n${Object.entries(all).map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n`;
  return Buffer.concat([Buffer.from(head, 'latin1'), Buffer.from(body ?? '')]);
}

// --- what every case ends with ------------------------------------------------------------

const OBJECT_PROTOTYPE = Object.getOwnPropertyDescriptors(Object.prototype);
const ARRAY_PROTOTYPE = Object.getOwnPropertyDescriptors(Array.prototype);

export function assertPrototypesUntouched(): void {
  assert.deepEqual(Object.getOwnPropertyDescriptors(Object.prototype), OBJECT_PROTOTYPE, 'Object.prototype is untouched');
  assert.deepEqual(Object.getOwnPropertyDescriptors(Array.prototype), ARRAY_PROTOTYPE, 'Array.prototype is untouched');
  assert.equal(Object.getPrototypeOf({}), Object.prototype);
}

export async function assertStillServes(server: HostileServer): Promise<void> {
  const health = await fetch(`${server.url}/healthz`);
  assert.equal(health.status, 200, 'the server still answers /healthz');
  const [path, status] = server.probe;
  const res = await fetch(server.url + path);
  await res.arrayBuffer();
  assert.equal(res.status, status, `the server still serves ${path}`);
}

/**
 * Runs one attack, then checks what every case must hold: the handlers ran `handlerCalls` times
 * (none, by default), the prototypes are untouched, and the server still answers.
 */
export async function attack<T>(server: HostileServer, run: () => Promise<T>, { handlerCalls = 0 } = {}): Promise<T> {
  const before = server.calls();
  const result = await run();
  assert.equal(server.calls() - before, handlerCalls, handlerCalls === 0 ? 'no handler ran' : `a handler ran ${handlerCalls} time(s)`);
  assertPrototypesUntouched();
  await assertStillServes(server);
  return result;
}

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  requestId?: string;
  errors?: { in: string; name: string; pointer?: string; message: string; code?: string }[];
}

/** The response is an RFC 9457 problem with this status; returns its body. */
export function assertProblem(res: RawResponse, status: number, type?: string): ProblemBody {
  assert.equal(res.status, status, `status ${res.status}: ${res.body}`);
  assert.match(res.headers['content-type'] ?? '', /^application\/problem\+json/);
  const body = JSON.parse(res.body) as ProblemBody;
  assert.equal(body.status, status);
  assert.match(body.type, /^urn:specfirst:problem:[a-z-]+$/);
  assert.equal(typeof body.title, 'string');
  if (type) assert.equal(body.type, `urn:specfirst:problem:${type}`);
  if (res.headers['x-request-id']) assert.equal(body.requestId, res.headers['x-request-id']);
  return body;
}

/** fetch's Response as a RawResponse, for assertProblem. */
export async function rawOf(res: Response): Promise<RawResponse> {
  const headers: Record<string, string> = {};
  res.headers.forEach((value, name) => (headers[name] = value));
  return { status: res.status, headers, body: await res.text() };
}
