// Numbers in paths, queries, headers and cookies are text: the text must be a number as written,
// not whatever JavaScript's `+text` makes of it. Found by `specfirst fuzz` (POST /pets/2%20/photo
// stored a photo for pet 2).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { pino } from 'pino';
import { api } from '../../server/petstore/generated/routes.js';
import { startServer, type RunningServer } from '../helpers.js';

describe('numeric parameters', () => {
  let server: RunningServer;
  before(async () => (server = await startServer({ apis: [api], logger: pino({ level: 'silent' }) })));
  after(() => server.close());

  for (const text of ['2%20', '%202', '%092', '0x2', '+2', 'Infinity']) {
    it(`rejects the integer path parameter ${decodeURIComponent(text)} with 400 naming it`, async () => {
      const res = await fetch(`${server.url}/pets/${text}`);
      assert.equal(res.status, 400);
      const body = (await res.json()) as { errors: { in: string; name: string; message: string }[] };
      assert.deepEqual(body.errors, [{ in: 'path', name: 'petId', message: 'must be integer', code: 'type' }]);
    });
  }

  it('rejects a query integer with spaces around it', async () => {
    const res = await fetch(`${server.url}/pets?limit=%205`);
    assert.equal(res.status, 400);
    assert.deepEqual(((await res.json()) as { errors: unknown[] }).errors, [{ in: 'query', name: 'limit', message: 'must be integer', code: 'type' }]);
  });

  it('accepts integers written as numbers: 2, 02, 2.0 and 2e0 are all two', async () => {
    for (const text of ['2', '02', '2.0', '2e0']) {
      const res = await fetch(`${server.url}/pets/${text}`);
      assert.equal(res.status, 200, text);
      assert.equal(((await res.json()) as { id: number }).id, 2);
    }
  });
});
