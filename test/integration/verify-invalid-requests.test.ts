// `specfirst verify`'s invalid requests are invalid (issue 16, item 10): each broken value is one
// the server's validator refuses, and an operation where nothing can be broken is listed as "no
// invalid request possible", neither a server failure nor counted as an invalid request rejected.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runCli } from '../helpers.js';

const FILE = 'test/fixtures/verify/no-invalid-request.yaml';

interface Row {
  operations: number;
  validOk: number;
  invalidRejected: number;
  noInvalidRequest: string[];
  failures: string[];
}

describe('specfirst verify: invalid requests', () => {
  it('lists operations that accept every request as "no invalid request possible", not as failures', async () => {
    const r = await runCli(['verify', '--json', FILE]);
    const [row] = JSON.parse(r.stdout) as Row[];
    assert.deepEqual(row!.failures, []);
    assert.deepEqual(
      row!.noInvalidRequest.map((n) => n.split(':')[0]),
      ['POST /anything', 'GET /ping', 'POST /note'],
    );
    assert.equal(row!.validOk, 5);
    // /loose refuses an unknown query parameter; /codes/{code} refuses a code outside its enum.
    assert.equal(row!.invalidRejected, 2);
    assert.equal(r.code, 0);
  });

  it('prints the count in its own column and lists the operations', async () => {
    const r = await runCli(['verify', FILE]);
    assert.match(r.stdout, /invalid rejected {2}no invalid/);
    assert.match(r.stdout, /no invalid request possible \(3\):\n\s+POST \/anything: /);
    assert.equal(r.code, 0);
  });
});
