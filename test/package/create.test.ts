// `npm create specfirst my-api` as a user runs it: the create-specfirst package (generator/create)
// packed, run through `npm exec` from its tarball in an empty folder, with SPECFIRST_PACKAGE and
// SPECFIRST_RUNTIME_PACKAGE pointing at the packed tarballs and SPECFIRST_LOCKFILE at the pinned
// lockfile that lets npm install offline (see install.test.ts). Then `npm run build`, `npm start`,
// a 400 and a 501.
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ROOT } from '../helpers.js';
import { lockFor, npmStart, ok, pack, packBoth, run } from './offline-install.js';

describe('npm create specfirst', () => {
  let dir: string;
  let create: string;
  let env: Record<string, string>;
  const createSpecfirst = (args: string[], cwd = dir) => run('npm', ['exec', '--offline', '--yes', '--package', create, '--', 'create-specfirst', ...args], cwd, env);

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'specfirst-create-'));
    const tarballs = await packBoth(dir);
    const lockfile = join(dir, 'pinned-lock.json');
    await writeFile(lockfile, await lockFor(tarballs, 'my-api'));
    env = { SPECFIRST_PACKAGE: tarballs.specfirst, SPECFIRST_RUNTIME_PACKAGE: tarballs.runtime, SPECFIRST_LOCKFILE: lockfile, npm_config_offline: 'true', npm_config_ignore_scripts: 'true' };
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it('packs as create-specfirst at specfirst\'s version, with only its script and bin', async () => {
    const packed = await pack(join(ROOT, 'generator', 'create'), dir);
    create = packed.tarball;
    assert.deepEqual(packed.files, ['args.d.ts', 'args.js', 'index.js', 'package.json']);
    const own = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const pkg = JSON.parse(await readFile(join(ROOT, 'generator', 'create', 'package.json'), 'utf8')) as Record<string, unknown>;
    assert.equal(pkg.version, own.version);
    assert.deepEqual(pkg.bin, { 'create-specfirst': 'index.js' });
    assert.equal(pkg.dependencies, undefined);
  });

  it('refuses a folder that has files in it, with exit status 2, writing nothing', async () => {
    const taken = join(dir, 'taken');
    await mkdir(taken);
    await writeFile(join(taken, 'notes.txt'), 'mine\n');
    const refused = await createSpecfirst(['taken']);
    assert.equal(refused.code, 2, refused.stderr);
    assert.match(refused.stderr, /taken exists and is not an empty folder/);
    assert.equal(await readFile(join(taken, 'notes.txt'), 'utf8'), 'mine\n');
  });

  it('makes a ready project in a new folder: build, `npm start`, a validated 400 and a 501 stub', async () => {
    const created = await createSpecfirst(['my-api']);
    ok(created);
    assert.match(created.stdout, /cd my-api\n\s+npm run dev/);
    const project = join(dir, 'my-api');
    const pkg = JSON.parse(await readFile(join(project, 'package.json'), 'utf8')) as { name: string; type: string; private: boolean; dependencies: object; devDependencies: object };
    assert.deepEqual([pkg.name, pkg.type, pkg.private], ['my-api', 'module', true]);
    assert.deepEqual([Object.keys(pkg.dependencies), Object.keys(pkg.devDependencies)], [['@specfirst/runtime', 'openapi-fetch'], ['specfirst']]);
    ok(await run('npm', ['run', 'build'], project));

    const server = await npmStart(project);
    try {
      const invalid = await fetch(`${server.url}/todos?limit=500`);
      assert.equal(invalid.status, 400);
      const problem = (await invalid.json()) as { errors: { in: string; name: string }[] };
      assert.deepEqual(problem.errors.map((e) => [e.in, e.name]), [['query', 'limit']]);
      const stub = await fetch(`${server.url}/todos?limit=1`);
      assert.equal(stub.status, 501);
      await stub.body?.cancel();
    } finally {
      await server.stop();
    }
  });
});
