// project.ts: where a project's contracts and type-check roots are.
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { contractsFrom, typeCheckRoots } from '../../../generator/paths/project.js';

let dir: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'specfirst-project-'));
  await mkdir(join(dir, 'contracts', 'pieces'), { recursive: true });
  for (const name of ['pets.yaml', 'Orders.JSON', 'users.yml', 'notes.md', 'pieces/pet.yaml']) await writeFile(join(dir, 'contracts', name), '');
});
after(() => rm(dir, { recursive: true, force: true }));

describe('contractsFrom', () => {
  it('takes every top-level YAML or JSON file of contracts/, sorted; sub-folders hold pieces', async () => {
    assert.deepEqual(await contractsFrom([], dir), ['Orders.JSON', 'pets.yaml', 'users.yml'].map((n) => join(dir, 'contracts', n)));
  });

  it('takes the contracts named on the command line instead, resolved from the working directory', async () => {
    assert.deepEqual(await contractsFrom(['api/one.yaml', '/abs/two.json'], dir), [join(dir, 'api', 'one.yaml'), '/abs/two.json']);
  });

  it('finds none in a project without contracts/', async () => {
    assert.deepEqual(await contractsFrom([], join(dir, 'contracts', 'pieces', 'nothing')), []);
  });
});

describe('typeCheckRoots', () => {
  it("checks every API's routes.ts, and server/main.ts only when there is one", async () => {
    const server = join(dir, 'server');
    assert.deepEqual(typeCheckRoots(server, ['pets', 'orders']), [join(server, 'pets', 'generated', 'routes.ts'), join(server, 'orders', 'generated', 'routes.ts')]);
    await mkdir(server, { recursive: true });
    await writeFile(join(server, 'main.ts'), '');
    assert.deepEqual(typeCheckRoots(server, ['pets']), [join(server, 'pets', 'generated', 'routes.ts'), join(server, 'main.ts')]);
  });
});
