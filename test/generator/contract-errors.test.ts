// A bad contract is reported like a compiler reports code: every problem at its file:line:col in
// the file that holds it, exit status 1, and nothing written.
import assert from 'node:assert/strict';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runCli, tempProject } from '../helpers.js';

const at = (file: string): string => `test/fixtures/invalid/${file}`;

/** The located lines of stderr (`file:line:col severity [rule] …`), without hints. */
function located(stderr: string): string[] {
  return stderr.split('\n').filter((l) => /^\S+:\d+:\d+ (error|warning) /.test(l));
}

describe('invalid contracts', () => {
  let out: Awaited<ReturnType<typeof tempProject>>;
  before(async () => (out = await tempProject('invalid')));
  after(() => out.remove());

  const generate = (file: string) => runCli(['generate', at(file), '--out', out.dir]);

  it('points a $ref to a missing schema at the $ref itself', async () => {
    const r = await generate('bad-ref.yaml');
    assert.equal(r.code, 1);
    assert.deepEqual(located(r.stderr), [
      `${at('bad-ref.yaml')}:15:17 error ref $ref does not resolve: Missing $ref pointer "#/components/schemas/Thing". Token "Thing" does not exist.`,
    ]);
    assert.match(r.stderr, /hint: point the \$ref at something that exists/);
  });

  it('points a broken $ref in another file at that file', async () => {
    const r = await generate('multi/root.yaml');
    assert.equal(r.code, 1);
    assert.deepEqual(located(r.stderr).map((l) => l.split(' error ')[0]), [`${at('multi/paths/things.yaml')}:9:13`]);
  });

  it('reports every schema violation at once, each at its key', async () => {
    const r = await generate('wrong-type.yaml');
    assert.equal(r.code, 1);
    assert.deepEqual(located(r.stderr), [
      `${at('wrong-type.yaml')}:13:13 error schema type must be one of ["array","boolean","integer","number","object","string"]`,
      `${at('wrong-type.yaml')}:15:9 error schema 200 must have property "description"`,
      `${at('wrong-type.yaml')}:16:11 error schema unknown property "descripton" in 200`,
    ]);
    assert.match(r.stderr, /3 errors, 0 warnings: nothing was written\./);
  });

  it('names both places of a duplicate operation name, and an undeclared path parameter', async () => {
    const r = await generate('duplicate-operation-id.yaml');
    assert.equal(r.code, 1);
    const lines = located(r.stderr);
    assert.equal(lines.length, 3);
    assert.match(lines[0]!, /duplicate-operation-id\.yaml:8:7 error duplicate-operation-name GET \/a: .*collides with GET \/b \(.*duplicate-operation-id\.yaml:14:7\)/);
    assert.match(lines[1]!, /duplicate-operation-id\.yaml:14:7 error duplicate-operation-name GET \/b: operationId "get-thing" collides with GET \/a/);
    assert.match(lines[2]!, /duplicate-operation-id\.yaml:19:5 error path-parameter-undeclared GET \/c\/\{id\}: path parameter "id"/);
  });

  it('reports a YAML syntax error at its line and column', async () => {
    const r = await generate('bad-yaml.yaml');
    assert.equal(r.code, 1);
    assert.deepEqual(located(r.stderr), [`${at('bad-yaml.yaml')}:8:16 error yaml Nested mappings are not allowed in compact mappings`]);
  });

  it('writes nothing for any of them', async () => {
    assert.deepEqual((await readdir(out.dir)).sort(), ['package.json']);
    await readdir(join(out.dir, 'bad-ref')).then(
      () => assert.fail('bad-ref/ was written'),
      () => undefined,
    );
  });
});
