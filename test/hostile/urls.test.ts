// Hostile and unusual URLs: query strings written the way browsers, curl and URLSearchParams write
// them (reserved characters unencoded, `+` for a space, a key repeated many times), numbers too
// large to be exact, broken percent-encoding in the query and in the path, HEAD, and a URL larger
// than the server takes.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assertProblem, attack, exchange, rawOf, request, serveFixture, type HostileServer } from './harness.js';

interface Echo {
  params: Record<string, unknown>;
  query: Record<string, unknown>;
}

describe('hostile URLs', () => {
  let server: HostileServer;
  before(async () => (server = await serveFixture()));
  after(() => server.close());

  async function echoOf(path: string): Promise<Echo> {
    const res = await attack(server, () => fetch(server.url + path), { handlerCalls: 1 });
    assert.equal(res.status, 200, await res.clone().text());
    return (await res.json()) as Echo;
  }

  it('reads + as a space and takes : / @ ? , unencoded in a query value', async () => {
    const echo = await echoOf('/search?q=a+b:c/d@e?f,g');
    assert.deepEqual(echo.query, { q: 'a b:c/d@e?f,g' });
  });

  it('takes an unencoded date-time in the query (?since=2024-01-01T00:00:00Z)', async () => {
    const echo = await echoOf('/search?since=2024-01-01T00:00:00Z');
    assert.deepEqual(echo.query, { since: '2024-01-01T00:00:00Z' });
  });

  it('keeps a query key repeated 21 and 1,000 times as a list of that many strings', async () => {
    for (const n of [21, 1000]) {
      const echo = await echoOf(`/search?${Array.from({ length: n }, (_, i) => `tags=t${i}`).join('&')}`);
      assert.deepEqual(echo.query.tags, Array.from({ length: n }, (_, i) => `t${i}`));
    }
  });

  it('refuses an integer query parameter beyond 2^53 with a clear 400 instead of rounding it', async () => {
    const res = await fetch(`${server.url}/search?big=9007199254740993`);
    const body = await attack(server, async () => assertProblem(await rawOf(res), 400, 'validation'));
    assert.deepEqual(body.errors?.map((e) => [e.in, e.name, e.code]), [['query', 'big', 'integer-precision']]);
  });

  it('refuses bad percent-encoding in the query with 400 naming the parameter in query', async () => {
    const { responses } = await attack(server, () => exchange(server.port, request('GET', '/search?q=%E0%A4%A'), { responses: 1 }));
    const body = assertProblem(responses[0]!, 400, 'validation');
    assert.deepEqual(body.errors?.map((e) => [e.in, e.name, e.code]), [['query', 'q', 'encoding']]);
  });

  it('still checks every other query parameter when one has bad percent-encoding', async () => {
    const { responses } = await attack(server, () => exchange(server.port, request('GET', '/search?q=%ZZ&big=many'), { responses: 1 }));
    const body = assertProblem(responses[0]!, 400, 'validation');
    assert.deepEqual(body.errors?.map((e) => [e.in, e.name, e.code]), [['query', 'q', 'encoding'], ['query', 'big', 'type']]);
  });

  it('refuses bad percent-encoding in the path with 400 naming the parameter in path', async () => {
    const { responses } = await attack(server, () => exchange(server.port, request('GET', '/records/%E0%A4%A'), { responses: 1 }));
    const body = assertProblem(responses[0]!, 400, 'validation');
    assert.deepEqual(body.errors?.map((e) => [e.in, e.name, e.code]), [['path', 'id', 'encoding']]);
  });

  it('answers HEAD wherever GET is allowed, with GET\'s headers and no body', async () => {
    const res = await attack(server, () => fetch(`${server.url}/records/1`, { method: 'HEAD' }), { handlerCalls: 1 });
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
    assert.equal(await res.text(), '');
  });

  it('answers a URL larger than maxHeaderSize with 431 problem+json and closes the connection', async () => {
    const { responses, closedByServer } = await attack(server, () => exchange(server.port, request('GET', `/search?q=${'a'.repeat(20 * 1024)}`)));
    assertProblem(responses[0]!, 431, 'headers-too-large');
    assert.ok(closedByServer);
  });

  it('answers a path of 1,000 segments with 404, not a crash', async () => {
    const res = await fetch(`${server.url}/records${'/x'.repeat(1000)}`);
    await attack(server, async () => assertProblem(await rawOf(res), 404, 'not-found'));
  });
});
