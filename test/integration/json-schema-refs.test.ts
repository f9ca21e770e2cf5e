// One operation whose body schema holds a boolean subschema, a `$ref` to an `$anchor`, a `$ref`
// with `%25` in its pointer, one with empty pointer tokens and a `__proto__` property, beside plain
// operations (issue 22): the contract generates, its code compiles, and every operation is served
// with the meaning JSON Schema gives. Fixture: test/fixtures/real-world/json-schema-refs31.yaml.
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pino } from 'pino';
import type { Diagnostic } from '../../generator/contract/diagnostics.js';
import { fixture, generateInto, importApi, startServer, tempProject, typeErrorsUnder, type RunningServer } from '../helpers.js';

const HANDLERS: Record<string, string> = {
  postTricky: 'async () => ({ status: 204 })',
  postPlain: 'async () => ({ status: 204 })',
  getPlain: 'async () => ({ status: 200, body: { name: "plain" } })',
};

describe('json-schema-refs31.yaml: boolean subschemas, anchors and escaped pointers beside plain operations', () => {
  let project: Awaited<ReturnType<typeof tempProject>>;
  let server: RunningServer;
  let diagnostics: Diagnostic[];
  let typeErrors: string[];
  before(async () => {
    project = await tempProject('json-schema-refs');
    const plan = await generateInto(fixture('real-world', 'json-schema-refs31.yaml'), project.dir);
    diagnostics = plan.diagnostics;
    const dir = join(project.dir, plan.name);
    for (const op of plan.model!.operations) {
      await writeFile(join(dir, 'handlers', `${op.fileStem}.ts`), `import type { Handlers } from "../generated/operations.js";\nexport const ${op.name}: Handlers[${JSON.stringify(op.name)}] = ${HANDLERS[op.name]};\n`);
    }
    typeErrors = await typeErrorsUnder(dir);
    server = await startServer({ apis: [await importApi(project.dir, plan.name)], logger: pino({ level: 'silent' }) });
  });
  after(async () => {
    await server?.close();
    await project?.remove();
  });

  const post = async (path: string, text: string) => {
    const res = await fetch(server.url + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: text });
    await res.arrayBuffer();
    return res.status;
  };

  it('generates with no error: the anchor and the %25 pointer resolve, no schema fails to compile', () => {
    assert.deepEqual(diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.line}:${d.column} ${d.rule} ${d.message}`), []);
  });

  it('generated code and handlers compile under --strict', () => assert.deepEqual(typeErrors, []));

  it('serves the plain operations', async () => {
    assert.equal(await post('/plain', '{"name":"a"}'), 204);
    assert.equal(await post('/plain', '{}'), 400);
    const res = await fetch(`${server.url}/plain`);
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { name: 'plain' });
  });

  it('follows a $ref whose pointer has %25 in it to the key with %', async () => {
    assert.equal(await post('/tricky', '{"percent":1}'), 204);
    assert.equal(await post('/tricky', '{"percent":"x"}'), 400);
  });

  it('follows a $ref to an $anchor', async () => {
    assert.equal(await post('/tricky', '{"anchored":1}'), 204);
    assert.equal(await post('/tricky', '{"anchored":-1}'), 400);
  });

  it('follows a $ref whose pointer has empty tokens', async () => {
    assert.equal(await post('/tricky', '{"empty":"s"}'), 204);
    assert.equal(await post('/tricky', '{"empty":1}'), 400);
  });

  it('reads boolean subschemas: allOf [true, true] accepts anything, false nothing', async () => {
    assert.equal(await post('/tricky', '{"anything":[1,{"a":null}]}'), 204);
    assert.equal(await post('/tricky', '{"never":1}'), 400);
  });

  it('validates a property named __proto__ like any other', async () => {
    assert.equal(await post('/tricky', '{"__proto__":1}'), 204);
    assert.equal(await post('/tricky', '{"__proto__":"foo"}'), 400);
  });
});
