// Streamed responses and requests (OpenAPI 3.2 itemSchema, issue 19) over real HTTP: items are
// framed and checked one by one, an invalid item is never sent, a client that leaves stops the
// handler, memory stays flat for a slow reader, and an upload's bad item is answered at once.
// Fixture: test/fixtures/streams/streams.yaml; the handlers are written here, typed loosely.
import assert from 'node:assert/strict';
import { request, type IncomingMessage } from 'node:http';
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import { after, before, describe, it } from 'node:test';
import { parse } from 'yaml';
import type { ApiDefinition, RouteBinding } from '../../server/runtime/api.js';
import { splitItems } from '../../server/runtime/contract/sequences.js';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { fixture, generateInto, LogCapture, startServer, tempProject, type RunningServer } from '../helpers.js';

type Handler = RouteBinding['handler'];
const tick = (n: number, size = 0) => ({ n, ...(size > 0 ? { label: 'x'.repeat(size) } : {}) });

/** Resolves when a handler's `finally` ran, per test. */
let stopped = resolvable();

function resolvable(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

async function* ticks(count: number, bad: number | undefined, size = 0): AsyncGenerator<unknown> {
  for (let n = 0; n < count; n++) yield n === bad ? { n: 'not a number' } : tick(n, size);
}

const handlers: Record<string, Handler> = {
  events: ({ query, headers }: { query: { count?: number; bad?: number }; headers: Record<string, string> }) => ({
    status: 200,
    body: (async function* () {
      const from = Number(headers['Last-Event-ID'] ?? -1) + 1;
      for await (const t of ticks(query.count ?? 3, query.bad)) {
        const n = (t as { n: number }).n;
        yield { event: 'tick', id: String(typeof n === 'number' ? n + from : n), data: typeof n === 'number' ? { n: n + from } : t };
      }
    })(),
  }),
  lines: ({ query }: { query: { count?: number; bad?: number; size?: number; forever?: boolean } }, context: { signal: AbortSignal }) => ({
    status: 200,
    body: query.forever
      ? (async function* () {
          try {
            for (let n = 0; ; n++) {
              yield tick(n);
              await sleep(5, undefined, { signal: context.signal }).catch(() => {});
            }
          } finally {
            stopped.resolve();
          }
        })()
      : ticks(query.count ?? 3, query.bad, query.size),
  }),
  alerts: (request, context) => handlers.events!(request, context),
  sequence: () => ({ status: 200, body: [tick(0), tick(1)] }),
  upload: async ({ body }: { body: AsyncIterable<unknown> }) => {
    let count = 0;
    for await (const _ of body) count++;
    return { status: 200, body: { count } };
  },
};

function api(): ApiDefinition {
  const document = parse(readFileSync(fixture('streams', 'streams.yaml'), 'utf8')) as { paths: Record<string, Record<string, { operationId: string; parameters?: { name: string; in: string }[]; requestBody?: { content: object }; responses: Record<string, { content?: object }> }>> };
  const routes: RouteBinding[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, op] of Object.entries(item)) {
      const names = (where: string) => (op.parameters ?? []).filter((p) => p.in === where).map((p) => p.name);
      routes.push({
        operation: op.operationId,
        method: method as RouteBinding['method'],
        path,
        expressPath: path,
        parameters: { path: [], query: names('query'), header: names('header'), cookie: [] },
        requestMediaTypes: Object.keys(op.requestBody?.content ?? {}),
        security: null,
        responses: Object.fromEntries(Object.entries(op.responses).map(([status, r]) => [status, Object.keys(r.content ?? {})])),
        handler: handlers[op.operationId]!,
      });
    }
  }
  return { name: 'streams', title: 'Streams', version: '1.0.0', document, securitySchemes: {}, routes };
}

v8.setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

/** Reads a stream as a slow reader does: every 10 MB it stops reading for a while (and calls `paused` then). */
function read(url: string, paused: () => void = () => {}): Promise<{ received: number; lines: number }> {
  let received = 0;
  let lines = 0;
  let sincePause = 0;
  return new Promise((resolve, reject) => {
    request(url, (res: IncomingMessage) => {
      res.on('data', (chunk: Buffer) => {
        received += chunk.length;
        for (const b of chunk) if (b === 0x0a) lines++;
        sincePause += chunk.length;
        if (sincePause > 10_000_000) {
          sincePause = 0;
          res.pause();
          setTimeout(() => {
            paused();
            res.resume();
          }, 100);
        }
      });
      res.on('end', () => resolve({ received, lines }));
      res.on('error', reject);
    })
      .on('error', reject)
      .end();
  });
}

describe('streamed responses and requests (itemSchema)', () => {
  let server: RunningServer;
  const logs = new LogCapture();
  before(async () => {
    server = await startServer({ apis: [api()], logger: logs.logger });
  });
  after(() => server.close());

  describe('the generated client', () => {
    type Client = {
      createApiClient: (o: { baseUrl: string }) => { GET: (path: string, init: object) => Promise<{ response: Response }> };
      eventsItems: (r: Response) => AsyncGenerator<{ event: string; id: string; data: { n: number } }>;
      linesItems: (r: Response) => AsyncGenerator<{ n: number }>;
      sequenceItems: (r: Response) => AsyncGenerator<{ n: number }>;
      readItems: <T>(r: Response, kind: string, jsonData?: boolean) => AsyncGenerator<T>;
    };
    let client: Client;
    let project: Awaited<ReturnType<typeof tempProject>>;
    before(async () => {
      project = await tempProject('stream-client');
      await generateInto(fixture('streams', 'streams.yaml'), project.dir);
      client = (await import(pathToFileURL(join(project.dir, 'streams', 'generated', 'client.ts')).href)) as Client;
    });
    after(() => project.remove());

    const collect = async <T>(items: AsyncIterable<T>): Promise<T[]> => {
      const out: T[] = [];
      for await (const item of items) out.push(item);
      return out;
    };

    it('reads SSE events with their JSON data decoded, JSON Lines and json-seq as typed items', async () => {
      const api = client.createApiClient({ baseUrl: server.url });
      const events = await collect(client.eventsItems((await api.GET('/events', { params: { query: { count: 2 } }, parseAs: 'stream' })).response));
      assert.deepEqual(events, [{ event: 'tick', id: '0', data: { n: 0 } }, { event: 'tick', id: '1', data: { n: 1 } }]);
      assert.deepEqual(await collect(client.linesItems((await api.GET('/lines', { params: { query: { count: 3 } }, parseAs: 'stream' })).response)), [{ n: 0 }, { n: 1 }, { n: 2 }]);
      assert.deepEqual(await collect(client.sequenceItems((await api.GET('/sequence', { parseAs: 'stream' })).response)), [{ n: 0 }, { n: 1 }]);
    });

    it('decodes items split anywhere across chunks, multi-line data, comments and CRLF', async () => {
      const text = ': comment\r\nevent: a\r\ndata: line one\r\ndata: line two\r\nid: 7\r\nretry: 100\r\n\r\ndata: {"n":1}\n\n';
      const chunked = (t: string) => new Response(new ReadableStream({ start(c) { for (const ch of t) c.enqueue(new TextEncoder().encode(ch)); c.close(); } }));
      assert.deepEqual(await collect(client.readItems(chunked(text), 'event-stream', true)), [
        { event: 'a', data: 'line one\nline two', id: '7', retry: 100 },
        { data: { n: 1 } },
      ]);
      assert.deepEqual(await collect(client.readItems(chunked('{"n":1}\n\n{"n":2}'), 'json-lines')), [{ n: 1 }, { n: 2 }]);
      assert.deepEqual(await collect(client.readItems(chunked('\x1e{"n":1}\n\x1e{\n"n":2}\n'), 'json-seq')), [{ n: 1 }, { n: 2 }]);
    });

    it("leaving the loop early cancels the stream, and the server stops the handler's iterator", async () => {
      stopped = resolvable();
      const api = client.createApiClient({ baseUrl: server.url });
      const { response } = await api.GET('/lines', { params: { query: { forever: true } }, parseAs: 'stream' });
      for await (const item of client.linesItems(response)) if (item.n === 2) break;
      assert.equal(await Promise.race([stopped.promise.then(() => 'stopped'), sleep(10_000, 'still running')]), 'stopped');
    });
  });

  it('sends N Server-Sent Events in order, each framed, with headers that keep proxies from buffering', async () => {
    const res = await fetch(`${server.url}/events?count=5`, { headers: { 'Last-Event-ID': '9' } });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'text/event-stream; charset=utf-8');
    assert.equal(res.headers.get('cache-control'), 'no-cache');
    assert.equal(res.headers.get('x-accel-buffering'), 'no');
    assert.equal(res.headers.get('content-encoding'), null);
    const text = await res.text();
    assert.ok(text.startsWith('event: tick\nid: 10\ndata: {"n":10}\n\n'), text);
    const events = splitItems('event-stream', text).map((i) => ('event' in i ? i.event : i));
    assert.deepEqual(events.map((e) => JSON.parse((e as { data: string }).data).n), [10, 11, 12, 13, 14]);
  });

  it('sends N JSON Lines in order, and a JSON text sequence with record separators', async () => {
    const lines = await (await fetch(`${server.url}/lines?count=4`)).text();
    assert.equal(lines, '{"n":0}\n{"n":1}\n{"n":2}\n{"n":3}\n');
    const seq = await fetch(`${server.url}/sequence`);
    assert.equal(seq.headers.get('content-type'), 'application/json-seq');
    assert.equal(await seq.text(), '\x1e{"n":0}\n\x1e{"n":1}\n');
  });

  for (const [path, kind] of [['/events', 'event-stream'], ['/lines', 'json-lines']] as const) {
    it(`ends a ${kind} stream cleanly before an invalid item: exactly the 3 valid ones arrive, one log line names item 3`, async () => {
      const before = logs.lines.length;
      const res = await fetch(`${server.url}${path}?count=6&bad=3`);
      assert.equal(res.status, 200);
      const items = splitItems(kind, await res.text());
      assert.equal(items.length, 3);
      const named = logs.lines.slice(before).filter((l) => l.item !== undefined);
      assert.equal(named.length, 1);
      assert.equal(named[0]!.item, 3);
      assert.equal(named[0]!.operation, path.slice(1));
      assert.equal(named[0]!.pointer, kind === 'event-stream' ? '/data/n' : '/n');
      assert.match(String(named[0]!.msg), new RegExp(`GET ${path} \\(${path.slice(1)}\\): stream item 3 breaks the contract`));
    });
  }

  it('ends an SSE stream whose contract admits an `error` event with one, after the 3 valid items', async () => {
    const before = logs.lines.length;
    const res = await fetch(`${server.url}/alerts?count=6&bad=3`);
    assert.equal(res.status, 200);
    const text = await res.text();
    const events = splitItems('event-stream', text).map((i) => ('event' in i ? i.event : {})) as { event?: string; data: string }[];
    assert.deepEqual(events.map((e) => e.event), ['tick', 'tick', 'tick', 'error']);
    assert.deepEqual(events.slice(0, 3).map((e) => JSON.parse(e.data)), [{ n: 0 }, { n: 1 }, { n: 2 }]);
    assert.match(events[3]!.data, /an item broke the contract/);
    assert.ok(text.endsWith('\n\n'), 'the error event is framed whole, and nothing follows it');
    const named = logs.lines.slice(before).filter((l) => l.item !== undefined);
    assert.deepEqual(named.map((l) => [l.operation, l.item]), [['alerts', 3]]);
  });

  it('sends no `error` event on an SSE stream whose contract does not admit one', async () => {
    const text = await (await fetch(`${server.url}/events?count=6&bad=3`)).text();
    assert.doesNotMatch(text, /^event: error$/m);
    assert.equal(splitItems('event-stream', text).length, 3);
  });

  it("stops the handler's iterator when the client goes away: its finally runs", async () => {
    stopped = resolvable();
    const abort = new AbortController();
    const res = await fetch(`${server.url}/lines?forever=true`, { signal: abort.signal });
    const reader = res.body!.getReader();
    let seen = '';
    while (splitItems('json-lines', seen).length < 3) seen += new TextDecoder().decode((await reader.read()).value);
    abort.abort();
    const outcome = await Promise.race([stopped.promise.then(() => 'stopped'), sleep(10_000, 'still running')]);
    assert.equal(outcome, 'stopped');
  });

  it('keeps memory flat for 100,000 items to a reader that pauses (back-pressure)', async () => {
    // A first, shorter stream brings the heap to its working size: that is the start.
    await read(`${server.url}/lines?count=20000&size=1000`);
    collectGarbage();
    const start = process.memoryUsage().rss;
    // Measured while the reader pauses (the server holds what it could not send yet), after a
    // collection, so garbage not yet collected is not counted as held.
    const during: number[] = [];
    const { received, lines } = await read(`${server.url}/lines?count=100000&size=1000`, () => {
      collectGarbage();
      during.push(process.memoryUsage().rss);
    });
    assert.equal(lines, 100_000);
    assert.ok(received > 100_000_000);
    assert.ok(during.length >= 5);
    const grew = (Math.max(...during) - start) / 1024 / 1024;
    assert.ok(grew < 50, `RSS grew by ${grew.toFixed(1)} MB while sending ${(received / 1e6).toFixed(0)} MB`);
  });

  it('answers a JSON Lines upload with a bad 5th line 400, naming item 4, before the body ends', async () => {
    const req = request(`${server.url}/uploads`, { method: 'POST', headers: { 'content-type': 'application/jsonl' } });
    const answered = new Promise<{ status: number; body: string }>((resolve, reject) => {
      req.on('response', (res) => {
        let body = '';
        res.on('data', (d: Buffer) => (body += d.toString()));
        res.on('end', () => resolve({ status: res.statusCode!, body }));
      });
      req.on('error', reject);
    });
    req.write('{"n":0}\n{"n":1}\n{"n":2}\n{"n":3}\n{"n":"four"}\n');
    // The body never ends: the answer must come anyway.
    const { status, body } = await answered;
    req.destroy();
    assert.equal(status, 400);
    const problem = JSON.parse(body) as { detail: string; errors: { pointer: string; message: string }[] };
    assert.match(problem.detail, /Item 4 /);
    assert.deepEqual(problem.errors.map((e) => `${e.pointer} ${e.message}`), ['/4/n must be integer']);
  });

  it('hands a valid JSON Lines upload to the handler item by item', async () => {
    const res = await fetch(`${server.url}/uploads`, { method: 'POST', headers: { 'content-type': 'application/x-ndjson' }, body: '{"n":0}\n\n{"n":1}\r\n{"n":2}' }).catch(() => null);
    // application/x-ndjson is not declared: 415. The declared one works:
    assert.equal(res?.status, 415);
    const ok = await fetch(`${server.url}/uploads`, { method: 'POST', headers: { 'content-type': 'application/jsonl' }, body: '{"n":0}\n\n{"n":1}\r\n{"n":2}' });
    assert.equal(ok.status, 200);
    assert.deepEqual(await ok.json(), { count: 3 });
  });
});
