// The runtime over real HTTP on 127.0.0.1 with the real validator: coerced and defaulted values
// reach handlers with the promised JavaScript types; forms and multipart work; every error is an
// RFC 9457 problem naming the failing field; a handler that breaks the contract gets a 500 and a
// log line naming the violation; the server keeps serving after all of it.
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { EventEmitter } from 'node:events';
import { join } from 'node:path';
import { shutdownOnSignals } from '../../server/runtime/lifecycle.js';
import { after, before, describe, it } from 'node:test';
import { fixture, generateInto, importApi, LogCapture, startServer, tempProject, type RunningServer } from '../helpers.js';

/** Test handlers replacing the generated stubs (all but stillAStub). */
const HANDLERS: Record<string, string> = {
  'get-thing.ts': `
import type { Handlers } from "../generated/operations.js";
const typed = (v: unknown) => ({ value: v, type: Array.isArray(v) ? "array" : typeof v });
export const getThing: Handlers["getThing"] = async ({ params, query, headers, cookies }) => ({
  status: 200,
  body: { id: typed(params.id), verbose: typed(query.verbose), limit: typed(query.limit), tags: typed(query.tags),
          count: typed(headers["X-Count"]), theme: typed(cookies.theme), level: typed(cookies.level) },
});`,
  'submit-form.ts': `
import type { Handlers } from "../generated/operations.js";
export const submitForm: Handlers["submitForm"] = async ({ body }) => ({ status: 200, body: { ...body, ageType: typeof body.age } });`,
  'upload.ts': `
import type { Handlers } from "../generated/operations.js";
export const upload: Handlers["upload"] = async ({ body }) => ({
  status: 201,
  body: { title: body.title, isFile: body.file instanceof File, name: (body.file as File).name, type: body.file.type, text: await body.file.text(), ...(body.meta ? { meta: body.meta } : {}) },
});`,
  'create-note.ts': `
import type { Handlers } from "../generated/operations.js";
export const createNote: Handlers["createNote"] = async ({ body }) => ({ status: 201, body });`,
  'get-report.ts': `
import type { Handlers } from "../generated/operations.js";
export const getReport: Handlers["getReport"] = async () => ({ status: 200, body: "all good" });`,
  'undeclared-status.ts': `
import type { Handlers } from "../generated/operations.js";
// Deliberately outside the contract, as a person's bug would be.
export const undeclaredStatus: Handlers["undeclaredStatus"] = async () => ({ status: 418, body: {} }) as never;`,
  'missing-field.ts': `
import type { Handlers } from "../generated/operations.js";
export const missingField: Handlers["missingField"] = async () => ({ status: 200, body: { id: 1 } }) as never;`,
  'bad-header.ts': `
import type { Handlers } from "../generated/operations.js";
// Without ?rate the required header is left out, as a person's bug would.
export const badHeader: Handlers["badHeader"] = async ({ query }) =>
  (query.rate === undefined ? { status: 200, body: {} } : { status: 200, headers: { "X-Rate": query.rate }, body: {} }) as never;`,
  'slow.ts': `
import type { Handlers } from "../generated/operations.js";
export const slow: Handlers["slow"] = async () => { await new Promise((r) => setTimeout(r, 400)); return { status: 200, body: { done: true } }; };`,
  'throws.ts': `
import type { Handlers } from "../generated/operations.js";
export const throws: Handlers["throws"] = async () => { throw new Error("secret internals: db password is hunter2"); };`,
};

describe('runtime', () => {
  let project: Awaited<ReturnType<typeof tempProject>>;
  let server: RunningServer;
  const logs = new LogCapture();

  before(async () => {
    project = await tempProject('runtime');
    await generateInto(fixture('runtime', 'runtime.yaml'), project.dir);
    for (const [file, code] of Object.entries(HANDLERS)) await writeFile(join(project.dir, 'runtime', 'handlers', file), code);
    server = await startServer({ apis: [await importApi(project.dir, 'runtime')], logger: logs.logger, bodyLimit: 64 * 1024, exposeErrors: false });
  });
  after(async () => {
    await server.close();
    await project.remove();
  });

  const get = (path: string, init?: RequestInit) => fetch(server.url + path, init);
  const postJson = (path: string, body: string) => get(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  async function problemOf(res: Response, status: number) {
    assert.equal(res.status, status);
    assert.match(res.headers.get('content-type') ?? '', /^application\/problem\+json/);
    const body = (await res.json()) as { status: number; type: string; title: string; instance: string; requestId: string; detail?: string; errors?: { in: string; name: string; pointer?: string; code?: string }[] };
    assert.equal(body.status, status);
    assert.equal(body.requestId, res.headers.get('x-request-id'));
    return body;
  }

  it('coerces path, query, header and cookie values and fills in defaults before the handler runs', async () => {
    const res = await get('/things/42?tags=a&tags=b', { headers: { 'X-Count': '7', cookie: 'level=3' } });
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), {
      id: { value: 42, type: 'number' },
      verbose: { value: false, type: 'boolean' },
      limit: { value: 10, type: 'number' },
      tags: { value: ['a', 'b'], type: 'array' },
      count: { value: 7, type: 'number' },
      theme: { value: 'light', type: 'string' },
      level: { value: 3, type: 'number' },
    });
  });

  it('rejects a path parameter of the wrong type with 400 naming it in path', async () => {
    const body = await problemOf(await get('/things/abc'), 400);
    assert.deepEqual(body.errors, [{ in: 'path', name: 'id', message: 'must be integer', code: 'type' }]);
    assert.equal(body.instance, '/things/abc');
  });

  it('names every failing query parameter at once, including unknown ones', async () => {
    const body = await problemOf(await get('/things/1?limit=99&verbose=maybe&nope=1'), 400);
    assert.deepEqual(body.errors?.map((e) => [e.in, e.name, e.code]).sort(), [['query', 'limit', 'maximum'], ['query', 'nope', 'unknown'], ['query', 'verbose', 'type']]);
    const unknown = await problemOf(await get('/things/1?nope=1'), 400);
    assert.deepEqual(unknown.errors?.map((e) => [e.in, e.name, e.code]), [['query', 'nope', 'unknown']]);
  });

  it('rejects a bad header and a bad cookie, naming them', async () => {
    const header = await problemOf(await get('/things/1', { headers: { 'X-Count': 'many' } }), 400);
    assert.deepEqual(header.errors?.map((e) => [e.in, e.name.toLowerCase()]), [['header', 'x-count']]);
    const cookie = await problemOf(await get('/things/1', { headers: { cookie: 'theme=neon' } }), 400);
    assert.deepEqual(cookie.errors?.map((e) => [e.in, e.name]), [['cookie', 'theme']]);
  });

  it('names each failing body field with a JSON pointer, and unknown fields where forbidden', async () => {
    const body = await problemOf(await postJson('/notes', '{"text": 5, "meta": {"priority": "high", "x": 1}}'), 400);
    const fields = body.errors?.map((e) => [e.in, e.pointer, e.code]).sort();
    assert.deepEqual(fields, [
      ['body', '/meta/priority', 'type'],
      ['body', '/meta/x', 'additionalProperties'],
      ['body', '/text', 'type'],
    ]);
  });

  it('answers malformed JSON with 400 problem, never reaching the handler', async () => {
    const body = await problemOf(await postJson('/notes', '{"text": '), 400);
    assert.equal(body.type, 'urn:specfirst:problem:malformed-body');
    assert.deepEqual(body.errors?.map((e) => [e.in, e.code]), [['body', 'parse']]);
  });

  it('answers a body over the limit with 413', async () => {
    const big = JSON.stringify({ text: 'x'.repeat(100 * 1024) });
    await problemOf(await postJson('/notes', big), 413);
  });

  it('answers an undeclared media type with 415', async () => {
    const res = await get('/notes', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'hello' });
    await problemOf(res, 415);
  });

  it('answers 406 when the client accepts none of the declared media types', async () => {
    await problemOf(await get('/report', { headers: { accept: 'application/json' } }), 406);
    const ok = await get('/report', { headers: { accept: 'text/*' } });
    assert.equal(ok.status, 200);
    assert.equal(await ok.text(), 'all good');
  });

  it('answers an unknown path with 404 and a known path with a wrong method with 405 and Allow', async () => {
    await problemOf(await get('/nowhere'), 404);
    const res = await get('/report', { method: 'DELETE' });
    const body = await problemOf(res, 405);
    assert.equal(res.headers.get('allow'), 'GET, HEAD', 'HEAD is served wherever GET is');
    assert.match(body.detail ?? '', /use GET/);
  });

  it('parses and coerces a form-urlencoded body', async () => {
    const res = await get('/forms', { method: 'POST', body: new URLSearchParams({ name: 'Ada', age: '36', tags: 'one' }) });
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { name: 'Ada', age: 36, tags: ['one'], ageType: 'number' }, 'an array field sent once is still an array');
    const bad = await problemOf(await get('/forms', { method: 'POST', body: new URLSearchParams({ age: '-1', extra: 'x' }) }), 400);
    assert.deepEqual(bad.errors?.map((e) => e.pointer).sort(), ['/age', '/extra', '/name']);
  });

  it('hands a multipart upload to the handler as a File next to the text fields', async () => {
    const form = new FormData();
    form.set('title', 'notes');
    form.set('file', new File(['hello file'], 'notes.txt', { type: 'text/plain' }));
    const res = await get('/uploads', { method: 'POST', body: form });
    assert.equal(res.status, 201);
    assert.deepEqual(await res.json(), { title: 'notes', isFile: true, name: 'notes.txt', type: 'text/plain', text: 'hello file' });
    const withMeta = new FormData();
    withMeta.set('title', 'tagged');
    withMeta.set('file', new File(['x'], 'x.txt', { type: 'text/plain' }));
    withMeta.set('meta', JSON.stringify({ tags: ['a', 'b'] }));
    const tagged = await get('/uploads', { method: 'POST', body: withMeta });
    assert.equal(tagged.status, 201);
    assert.deepEqual(((await tagged.json()) as { meta: unknown }).meta, { tags: ['a', 'b'] }, 'an object part arrives as the object its JSON says');
    const badMeta = new FormData();
    badMeta.set('title', 'tagged');
    badMeta.set('file', new File(['x'], 'x.txt', { type: 'text/plain' }));
    badMeta.set('meta', JSON.stringify({ tags: 'a', other: 1 }));
    const rejected = await problemOf(await get('/uploads', { method: 'POST', body: badMeta }), 400);
    assert.deepEqual(rejected.errors?.map((e) => e.pointer).sort(), ['/meta/other', '/meta/tags']);
    const missing = new FormData();
    missing.set('title', 'no file');
    const body = await problemOf(await get('/uploads', { method: 'POST', body: missing }), 400);
    assert.deepEqual(body.errors?.map((e) => [e.in, e.name]), [['body', 'file']]);
  });

  it('answers 500 when a handler returns a status the contract does not declare, and logs why', async () => {
    const body = await problemOf(await get('/bad/undeclared-status'), 500);
    assert.equal(body.type, 'urn:specfirst:problem:response-invalid');
    const line = logs.lines.find((l) => l.violation && String(l.violation).includes('status 418 is not declared'));
    assert.ok(line, logs.text());
  });

  it('answers 500 when a response body misses a required field, and the log line names the field', async () => {
    const res = await get('/bad/missing-field');
    const body = await problemOf(res, 500);
    assert.equal(body.errors, undefined, 'no internals for the client outside development');
    const line = logs.lines.find((l) => l.violation && String(l.violation).includes("must have required property 'name'"));
    assert.ok(line, logs.text());
    assert.equal((line as { req?: { id?: string } }).req?.id, body.requestId);
  });

  it('checks response headers: a missing required header or a value breaking its schema is a 500', async () => {
    assert.equal((await get('/bad/header?rate=5')).status, 200);
    assert.equal((await get('/bad/header?rate=5')).headers.get('x-rate'), '5');
    await problemOf(await get('/bad/header?rate=-1'), 500);
    assert.ok(logs.lines.some((l) => String(l.violation).includes('header X-Rate must be >= 0')), logs.text());
    await problemOf(await get('/bad/header'), 500);
    assert.ok(logs.lines.some((l) => String(l.violation).includes('required header X-Rate is missing')), logs.text());
  });

  it('answers 500 without internals when a handler throws', async () => {
    const res = await get('/bad/throws');
    const text = await res.clone().text();
    await problemOf(res, 500);
    assert.doesNotMatch(text, /hunter2|secret|at .*\.ts/);
    assert.ok(logs.text().includes('hunter2'), 'the log keeps the details for the developer');
  });

  it('answers 501 problem+json from an operation whose handler is still a stub', async () => {
    const body = await problemOf(await get('/stub'), 501);
    assert.match(body.detail ?? '', /stillAStub is not implemented yet/);
  });

  it('echoes a sane X-Request-Id and replaces an unsafe one', async () => {
    const mine = await get('/report', { headers: { 'x-request-id': 'abc-123' } });
    assert.equal(mine.headers.get('x-request-id'), 'abc-123');
    const unsafe = await get('/report', { headers: { 'x-request-id': 'a b<script>' } });
    assert.match(unsafe.headers.get('x-request-id') ?? '', /^[0-9a-f-]{36}$/);
  });

  it('keeps serving after all of the above', async () => {
    const res = await get('/things/5');
    assert.equal(res.status, 200);
    assert.equal((await get('/healthz')).status, 200);
  });

  it('on SIGTERM stops accepting, lets the in-flight request finish, then exits 0', async () => {
    const signals = new EventEmitter();
    const exited = new Promise<number>((resolve) => shutdownOnSignals(server.app, server.server, { signals, exit: resolve, log: () => {} }));
    const inFlight = get('/slow');
    await new Promise((r) => setTimeout(r, 100));
    signals.emit('SIGTERM');
    const res = await inFlight;
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { done: true });
    assert.equal(await exited, 0);
    await assert.rejects(get('/healthz'), 'no new connections after shutdown');
  });
});
