// A bad contract is reported like a compiler reports code: every problem at its file:line:col in
// the file that holds it. A problem that leaves nothing to compile (YAML syntax, a $ref to
// nothing) stops generation with exit status 1; any other one is reported and the code is still
// written, so that the operations it does not concern can be served.
import assert from 'node:assert/strict';
import { readdir } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import { runCli, tempProject } from '../helpers.js';

const at = (file: string): string => `test/fixtures/invalid/${file}`;

/** The located lines of stderr (`file:line:col severity [rule] …`), without hints. */
function located(stderr: string, severity = 'error|warning'): string[] {
  return stderr.split('\n').filter((l) => new RegExp(`^\\S+:\\d+:\\d+ (${severity}) `).test(l));
}

describe('invalid contracts', () => {
  let out: Awaited<ReturnType<typeof tempProject>>;
  before(async () => (out = await tempProject('invalid')));
  after(() => out.remove());

  const generate = (file: string) => runCli(['generate', at(file), '--out', out.dir]);

  it('points a $ref to a missing schema at the $ref itself, and still generates (its operations answer 500)', async () => {
    const r = await generate('bad-ref.yaml');
    assert.equal(r.code, 0);
    assert.deepEqual(located(r.stderr, 'error'), [
      `${at('bad-ref.yaml')}:15:17 error ref $ref does not resolve: "#/components/schemas/Thing": this file has no "Thing" under /components/schemas`,
    ]);
    assert.match(r.stderr, /hint: point the \$ref at something that exists/);
    assert.match(r.stderr, /generated anyway/);
  });

  it('points a broken $ref in another file at that file', async () => {
    const r = await generate('multi/root.yaml');
    assert.equal(r.code, 0);
    assert.deepEqual(located(r.stderr, 'error').map((l) => l.split(' error ')[0]), [`${at('multi/paths/things.yaml')}:9:13`]);
  });

  it('reports every schema violation at once, each at its key, and still generates', async () => {
    const r = await generate('wrong-type.yaml');
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(located(r.stderr), [
      `${at('wrong-type.yaml')}:13:13 error schema type must be one of ["array","boolean","integer","number","object","string"]`,
      `${at('wrong-type.yaml')}:15:9 error schema 200 must have property "description"`,
      `${at('wrong-type.yaml')}:16:11 error schema unknown property "descripton" in 200`,
    ]);
    assert.match(r.stderr, /3 errors, 0 warnings in the contract: generated anyway/);
  });

  it('gives colliding operation names a numbered one, reports an undeclared path parameter, and still generates', async () => {
    const r = await generate('duplicate-operation-id.yaml');
    assert.equal(r.code, 0, r.stderr);
    const lines = located(r.stderr);
    assert.equal(lines.length, 2);
    assert.match(lines[0]!, /duplicate-operation-id\.yaml:14:7 warning operation-name-collision GET \/b: operationId "get-thing" would be named getThing, which clashes with GET \/a's getThing .*this handler is named getThing2 \(handlers\/get-thing2\.ts\)/);
    assert.match(lines[1]!, /duplicate-operation-id\.yaml:19:5 error path-parameter-undeclared GET \/c\/\{id\}: path parameter "id"/);
  });

  it('reports a YAML syntax error at its line and column', async () => {
    const r = await generate('bad-yaml.yaml');
    assert.equal(r.code, 1);
    assert.deepEqual(located(r.stderr), [`${at('bad-yaml.yaml')}:8:16 error yaml Nested mappings are not allowed in compact mappings`]);
  });

  it('writes nothing for the problems that stop generation, and the code for the others', async () => {
    assert.deepEqual((await readdir(out.dir)).sort(), ['bad-ref', 'duplicate-operation-id', 'package.json', 'root', 'wrong-type']);
  });
});
