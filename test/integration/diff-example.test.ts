// specfirst diff over the example, as a team would meet it: ten edits to contracts/petstore.yaml
// (in a copy of the example project), each on its own, each reported with its id, level and the
// lines of both versions, plus what only specfirst can tell: the handler that stops compiling
// (file:line:col) and whether a caller of the base's generated client still compiles.
import assert from 'node:assert/strict';
import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { measureImpact } from '../../generator/commands/diff-impact.js';
import { loadContract } from '../../generator/contract/load.js';
import { diffContracts } from '../../generator/diff/diff-contracts.js';
import { TypeChecker } from '../../generator/typecheck/typecheck.js';
import { ROOT, tempProject } from '../helpers.js';

interface Edit {
  name: string;
  edit: (text: string) => string;
  id: string;
  level: 'breaking' | 'warning';
  operation: string;
  /** Text on the base's and the revision's line of the change. */
  baseLine: string;
  revisionLine: string;
  /** A new type error in this handler file (null: none), and whether the base client's caller still compiles. */
  handler: RegExp | null;
  client: 'compiles' | 'fails';
}

function replaceOnce(from: string, to: string): (text: string) => string {
  return (text) => {
    assert.ok(text.includes(from), `the example contract no longer holds ${JSON.stringify(from)}`);
    return text.replace(from, to);
  };
}

const EDITS: Edit[] = [
  {
    name: 'remove an operation',
    edit: (t) => t.slice(0, t.indexOf('    delete:\n      operationId: deletePet')) + t.slice(t.indexOf('  /pets/{petId}/photo:')),
    id: 'api-removed-without-deprecation', level: 'breaking', operation: 'DELETE /pets/{petId}', baseLine: 'delete:', revisionLine: '/pets/{petId}:', handler: null, client: 'fails',
  },
  {
    name: 'add a required query parameter',
    edit: replaceOnce('        - name: limit\n', '        - name: shop\n          in: query\n          required: true\n          schema: { type: string }\n        - name: limit\n'),
    id: 'request-parameter-added-required', level: 'breaking', operation: 'GET /pets', baseLine: 'get:', revisionLine: 'name: shop', handler: null, client: 'fails',
  },
  {
    name: 'narrow an enum',
    edit: replaceOnce('            enum: [cat, dog]\n', '            enum: [cat]\n'),
    id: 'request-parameter-enum-value-removed', level: 'breaking', operation: 'GET /pets', baseLine: 'enum: [cat, dog]', revisionLine: 'enum: [cat]', handler: null, client: 'fails',
  },
  {
    name: 'remove a response property',
    edit: (t) => replaceOnce('        indoor:\n          type: boolean\n          description: Whether the cat lives indoors only.\n', '')(t).replace('required: [id, species, name, tags, birthDate, createdAt, indoor]', 'required: [id, species, name, tags, birthDate, createdAt]'),
    id: 'response-property-removed-required', level: 'breaking', operation: 'GET /pets/{petId}', baseLine: 'indoor:', revisionLine: 'properties:',
    // The example's store builds cats with `indoor`: the handlers' own code stops compiling.
    handler: /server\/petstore\/store\/pets\.ts:\d+:\d+ Object literal may only specify known properties, and 'indoor' does not exist/, client: 'fails',
  },
  {
    name: 'add a security scope',
    edit: replaceOnce('        - bearerAuth: [pets:write]\n', '        - bearerAuth: [pets:write, pets:admin]\n'),
    id: 'security-scope-added', level: 'breaking', operation: 'DELETE /pets/{petId}', baseLine: 'security:', revisionLine: 'security:', handler: null, client: 'compiles',
  },
  {
    name: 'change a path parameter type',
    edit: replaceOnce('      schema:\n        type: integer\n        format: int32\n        minimum: 1\n', '      schema:\n        type: string\n'),
    id: 'request-parameter-type-changed', level: 'breaking', operation: 'GET /pets/{petId}', baseLine: 'type: integer', revisionLine: 'type: string', handler: /handlers\/get-pet\.ts:\d+:\d+ .*'string' is not assignable to parameter of type 'number'/, client: 'fails',
  },
  {
    name: 'make a request property required',
    edit: replaceOnce('      required: [species, name]\n', '      required: [species, name, tags]\n'),
    id: 'request-property-became-required', level: 'breaking', operation: 'POST /pets', baseLine: 'tags:', revisionLine: 'required: [species, name, tags]', handler: null, client: 'fails',
  },
  {
    name: 'remove a success status',
    edit: (t) => t.replace(/      responses:\n        '201':\n[\s\S]*?(        '400':)/, '      responses:\n$1'),
    id: 'response-success-status-removed', level: 'breaking', operation: 'POST /pets', baseLine: "'201':", revisionLine: 'responses:', handler: /handlers\/create-pet\.ts:\d+:\d+ /,
    // A caller reading the 201 body gets `undefined` now, which its `Pet | undefined` accepts: it compiles (and breaks at run time).
    client: 'compiles',
  },
  {
    name: 'lower a maximum',
    edit: replaceOnce('            maximum: 100\n', '            maximum: 50\n'),
    id: 'request-parameter-max-decreased', level: 'breaking', operation: 'GET /pets', baseLine: 'maximum: 100', revisionLine: 'maximum: 50', handler: null, client: 'compiles',
  },
  {
    name: 'rename an operationId',
    edit: replaceOnce('      operationId: listPets\n', '      operationId: listAllPets\n'),
    id: 'operation-id-changed', level: 'breaking', operation: 'GET /pets', baseLine: 'operationId: listPets', revisionLine: 'operationId: listAllPets', handler: null, client: 'compiles',
  },
];

describe('specfirst diff over ten edits to the example contract', () => {
  let project: Awaited<ReturnType<typeof tempProject>>;
  let base: string;
  let checker: TypeChecker;
  before(async () => {
    project = await tempProject('diff-example', { linkSpecfirst: true });
    await mkdir(join(project.dir, 'contracts'));
    base = join(project.dir, 'contracts', 'petstore.yaml');
    await cp(join(ROOT, 'contracts', 'petstore.yaml'), base);
    checker = new TypeChecker(project.dir);
    await cp(join(ROOT, 'server', 'petstore'), join(project.dir, 'server', 'petstore'), { recursive: true, filter: (src) => !src.includes(`${join('petstore', 'generated')}`) });
  });
  after(() => project.remove());

  const lineOf = async (file: string, line: number) => (await readFile(resolve(file), 'utf8')).split('\n')[line - 1] ?? '';

  for (const [i, e] of EDITS.entries()) {
    it(`${i + 1}. ${e.name}: ${e.level} ${e.id} on ${e.operation}, handler ${e.handler ? 'error' : 'unchanged'}, client ${e.client}`, async () => {
      const revision = join(project.dir, `rev-${i}`, 'petstore.yaml');
      await mkdir(join(project.dir, `rev-${i}`));
      await writeFile(revision, e.edit(await readFile(base, 'utf8')));
      const [b, r] = await Promise.all([loadContract(base), loadContract(revision)]);
      const changes = diffContracts(b.contract!, r.contract!, { today: '2026-06-01' });
      const change = changes.find((c) => c.id === e.id && c.operation === e.operation);
      assert.ok(change, `${e.id} on ${e.operation} among ${JSON.stringify(changes.map((c) => `${c.id} ${c.operation}`))}`);
      assert.equal(change.level, e.level);
      assert.ok((await lineOf(change.base!.file, change.base!.line)).includes(e.baseLine), `base ${change.base!.file}:${change.base!.line}`);
      assert.ok((await lineOf(change.revision!.file, change.revision!.line)).includes(e.revisionLine), `revision ${change.revision!.file}:${change.revision!.line}`);
      const impact = await measureImpact(base, revision, project.dir, join(project.dir, 'server'), checker);
      const handlerErrors = [...impact.handlers.values()].flat().map((d) => `${d.file}:${d.line}:${d.column} ${d.message}`);
      if (e.handler) assert.ok(handlerErrors.some((h) => e.handler!.test(h)), handlerErrors.join('\n'));
      else assert.deepEqual(handlerErrors, []);
      assert.equal(impact.client.has(e.operation) ? 'fails' : 'compiles', e.client, JSON.stringify([...impact.client.keys()]));
    });
  }
});
