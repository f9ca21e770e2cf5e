// A schema with properties and no type is an object to the validator as to the generated types
// (issue 16, item 6): a string, array or number body is refused naming the body; an object is
// served. Fixture: test/fixtures/real-world/object-without-type.yaml.
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pino } from 'pino';
import { lintContractFile } from '../../generator/lint/lint-contract.js';
import { fixture, generateInto, importApi, startServer, tempProject, type RunningServer } from '../helpers.js';

const CONTRACT = fixture('real-world', 'object-without-type.yaml');

describe('a schema with properties and no type', () => {
  let project: Awaited<ReturnType<typeof tempProject>>;
  let server: RunningServer;
  before(async () => {
    project = await tempProject('object-without-type');
    await generateInto(CONTRACT, project.dir);
    const handlers = join(project.dir, 'object-without-type', 'handlers');
    await writeFile(join(handlers, 'create-note.ts'), 'import type { Handlers } from "../generated/operations.js";\nexport const createNote: Handlers["createNote"] = async ({ body }) => ({ status: 200, body: { ...body } });\n');
    await writeFile(join(handlers, 'create-link.ts'), 'import type { Handlers } from "../generated/operations.js";\nexport const createLink: Handlers["createLink"] = async () => ({ status: 204 });\n');
    server = await startServer({ apis: [await importApi(project.dir, 'object-without-type')], logger: pino({ level: 'silent' }) });
  });
  after(async () => {
    await server.close();
    await project.remove();
  });

  const post = (path: string, body: unknown) => fetch(`${server.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  for (const [kind, value] of [['string', 'a'], ['array', ['a']], ['number', 5]] as const) {
    it(`refuses ${kind === 'array' ? 'an' : 'a'} ${kind} body with 400 naming the body`, async () => {
      const res = await post('/notes', value);
      assert.equal(res.status, 400);
      const problem = (await res.json()) as { errors: { in: string; message: string }[] };
      assert.deepEqual(problem.errors.map((e) => `${e.in}: ${e.message}`), ['body: must be object']);
    });
  }

  it('serves an object body', async () => {
    const res = await post('/notes', { a: 'x' });
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { a: 'x' });
  });

  it('still accepts null for an allOf whose other member admits null, and still refuses a string there', async () => {
    assert.equal((await post('/links', null)).status, 204);
    assert.equal((await post('/links', { url: 'u', title: 't' })).status, 204);
    assert.equal((await post('/links', 'a')).status, 400);
  });

  it('is reported by lint once per schema, at the schema', async () => {
    const { diagnostics } = await lintContractFile(CONTRACT);
    const found = diagnostics.filter((d) => d.rule === 'object-without-type').map((d) => `${d.severity} ${d.line}: ${d.message}`);
    assert.deepEqual(found, ['warning 13: properties without type: specfirst treats it as type: object, as the generated type says; a value of another type is refused']);
  });
});
