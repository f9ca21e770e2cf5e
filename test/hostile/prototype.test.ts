// `__proto__`, `constructor` and `prototype` as names a client chooses — JSON keys, form fields,
// multipart parts, query keys, deepObject keys — arrive as plain data: own properties of ordinary
// objects, never a prototype, never a 500, and Object.prototype stays as it was.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assertProblem, attack, exchange, rawOf, request, serveFixture, type HostileServer } from './harness.js';

interface Echo {
  params: Record<string, unknown>;
  query: Record<string, unknown>;
  body: unknown;
  oddPrototypes: string[];
}

/** An object literal with an own `__proto__` data property (a computed key, as JSON.parse makes). */
const own = (entries: [string, unknown][]): Record<string, unknown> => {
  const out: Record<string, unknown> = {};
  for (const [k, v] of entries) Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
  return out;
};

describe('prototype names as plain data', () => {
  let server: HostileServer;
  before(async () => (server = await serveFixture()));
  after(() => server.close());

  async function accepted(res: Promise<Response>): Promise<Echo> {
    const response = await attack(server, () => res, { handlerCalls: 1 });
    assert.equal(response.status, 200, await response.clone().text());
    const echo = (await response.json()) as Echo;
    assert.deepEqual(echo.oddPrototypes, [], 'every object the handler got has Object.prototype (or Array.prototype)');
    return echo;
  }

  it('keeps __proto__, constructor and prototype keys of a JSON body as data', async () => {
    const text = '{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":2}},"prototype":3}';
    const echo = await accepted(fetch(`${server.url}/anything`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: text }));
    assert.deepEqual(echo.body, own([['__proto__', { polluted: 1 }], ['constructor', { prototype: { polluted: 2 } }], ['prototype', 3]]));
  });

  it('refuses a __proto__ key where the schema forbids extra properties, naming it', async () => {
    const res = await fetch(`${server.url}/records`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"name":"x","kind":"a","__proto__":{"kind":"b"}}' });
    const body = await attack(server, async () => assertProblem(await rawOf(res), 400, 'validation'));
    assert.deepEqual(body.errors?.map((e) => [e.pointer, e.code]), [['/__proto__', 'additionalProperties']]);
  });

  it('validates only what was sent: properties named constructor and toString are not inherited', async () => {
    for (const [type, sent, missing] of [
      ['application/json', '{"constructor":"x"}', '{}'],
      ['application/x-www-form-urlencoded', 'constructor=x', 'other=1'],
    ] as const) {
      const echo = await accepted(fetch(`${server.url}/reserved`, { method: 'POST', headers: { 'content-type': type }, body: sent }));
      assert.deepEqual(echo.body, { constructor: 'x' });
      const res = await fetch(`${server.url}/reserved`, { method: 'POST', headers: { 'content-type': type }, body: missing });
      const body = await attack(server, async () => assertProblem(await rawOf(res), 400, 'validation'));
      assert.deepEqual(body.errors?.map((e) => [e.pointer, e.code]), [['/constructor', 'required']], 'missing, not "must be string"');
    }
  });

  it('keeps form fields named __proto__, constructor and prototype as data, repeated or not', async () => {
    const form = '__proto__=a&__proto__=b&constructor=c&prototype=d&name=n';
    const echo = await accepted(fetch(`${server.url}/forms`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form }));
    assert.deepEqual(echo.body, own([['__proto__', ['a', 'b']], ['constructor', 'c'], ['prototype', 'd'], ['name', 'n']]));
  });

  it('keeps multipart parts named __proto__, constructor, prototype and __proto__[polluted] as data', async () => {
    const form = new FormData();
    for (const name of ['__proto__', 'constructor', 'prototype', '__proto__[polluted]', 'constructor[prototype][polluted]']) form.append(name, 'x');
    form.append('__proto__', 'y');
    const echo = await accepted(fetch(`${server.url}/uploads`, { method: 'POST', body: form }));
    assert.deepEqual(
      echo.body,
      own([
        ['__proto__', ['x', 'y']],
        ['constructor', 'x'],
        ['prototype', 'x'],
        ['__proto__[polluted]', 'x'],
        ['constructor[prototype][polluted]', 'x'],
      ]),
    );
  });

  it('keeps a file part named __proto__ as a file under that name', async () => {
    const form = new FormData();
    form.append('__proto__', new File(['hello'], 'hello.txt', { type: 'text/plain' }));
    const echo = await accepted(fetch(`${server.url}/uploads`, { method: 'POST', body: form }));
    assert.deepEqual(echo.body, own([['__proto__', { file: 'hello.txt', type: 'text/plain', size: 5 }]]));
  });

  it('keeps query keys __proto__, constructor and prototype of a free-form object parameter as data', async () => {
    const echo = await accepted(fetch(`${server.url}/bag?__proto__=a&constructor=c&prototype=d`));
    assert.deepEqual(echo.query, { bag: own([['__proto__', 'a'], ['constructor', 'c'], ['prototype', 'd']]) });
  });

  it('validates a repeated __proto__ query key as the list it is (a list set as a prototype would pass unseen)', async () => {
    const res = await fetch(`${server.url}/bag?__proto__=a&__proto__=b`);
    const body = await attack(server, async () => assertProblem(await rawOf(res), 400, 'validation'));
    assert.deepEqual(body.errors?.map((e) => [e.in, e.name, e.code]), [['query', 'bag.__proto__', 'type']]);
  });

  it('keeps deepObject keys filter[__proto__] and filter[constructor] as data', async () => {
    const echo = await accepted(fetch(`${server.url}/search?filter[__proto__]=a&filter[constructor]=b`));
    assert.deepEqual(echo.query, { filter: own([['__proto__', 'a'], ['constructor', 'b']]) });
  });

  it('answers an undeclared __proto__ query key with 400 naming it, not 500', async () => {
    const res = await fetch(`${server.url}/records/1?__proto__[polluted]=1&constructor=x`);
    const body = await attack(server, async () => assertProblem(await rawOf(res), 400, 'validation'));
    assert.deepEqual(body.errors?.map((e) => [e.in, e.name, e.code]), [['query', '__proto__[polluted]', 'unknown'], ['query', 'constructor', 'unknown']]);
  });

  it('ignores headers and cookies named __proto__ as it ignores any undeclared one', async () => {
    const data = request('GET', '/records/1', { ['__proto__']: 'x', Cookie: '__proto__=y; constructor=z' });
    const { responses } = await attack(server, () => exchange(server.port, data, { responses: 1 }), { handlerCalls: 1 });
    assert.equal(responses[0]!.status, 200);
    assert.deepEqual((JSON.parse(responses[0]!.body) as Echo).oddPrototypes, []);
  });
});
