// Values that look right and are not: a date that does not exist, a date-time with month 19 and
// hour 29, an e-mail address without a domain. Checked exactly (ajv-formats' full mode), so they
// never reach a handler, get stored, and come back in a response that breaks the contract.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assertProblem, attack, rawOf, serveFixture, type HostileServer } from './harness.js';

describe('formats checked exactly', () => {
  let server: HostileServer;
  before(async () => (server = await serveFixture()));
  after(() => server.close());

  const create = (fields: Record<string, unknown>) =>
    fetch(`${server.url}/records`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'x', kind: 'a', ...fields }) });

  for (const [field, value, pointer] of [
    ['born', '2024-02-30', '/born'],
    ['born', '2023-02-29', '/born'],
    ['seen', '2024-19-39T29:59:59Z', '/seen'],
    ['seen', '2024-01-01T00:00:00', '/seen'],
    ['email', 'a@b', '/email'],
  ] as const) {
    it(`refuses ${field} ${value} with 400 naming ${pointer}`, async () => {
      const body = await attack(server, async () => assertProblem(await rawOf(await create({ [field]: value })), 400, 'validation'));
      assert.deepEqual(body.errors?.map((e) => [e.in, e.pointer, e.code]), [['body', pointer, 'format']]);
    });
  }

  it('accepts the same fields when they are exact: 2024-02-29, 2024-01-01T00:00:00Z, a@example.com', async () => {
    const res = await attack(server, () => create({ born: '2024-02-29', seen: '2024-01-01T00:00:00Z', email: 'a@example.com' }), { handlerCalls: 1 });
    assert.equal(res.status, 201);
  });

  it('refuses a date-time that does not exist in the query with 400 naming it', async () => {
    const res = await fetch(`${server.url}/search?since=2024-02-30T10:00:00Z`);
    const body = await attack(server, async () => assertProblem(await rawOf(res), 400, 'validation'));
    assert.deepEqual(body.errors?.map((e) => [e.in, e.name, e.code]), [['query', 'since', 'format']]);
  });
});
