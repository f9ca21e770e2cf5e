// What `specfirst init` plans for the project it runs in: everything for an empty folder, only
// what is missing for an existing ES module project (or a fresh `npm init -y` one, "type" switched),
// and nothing at all (with the reason) for a project whose code is CommonJS.
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { planInit } from '../../../../generator/commands/init/plan.js';

const VERSIONS = { specfirst: '^0.1.0', runtime: '^0.1.0', openapiFetch: '^0.17.0' };

describe('specfirst init plan', () => {
  let dir: string;
  beforeEach(async () => (dir = await mkdtemp(join(tmpdir(), 'specfirst-init-'))));
  afterEach(() => rm(dir, { recursive: true, force: true }));
  const files = (plan: Awaited<ReturnType<typeof planInit>>) => plan.files.map((f) => f.path).sort();

  it('gives an empty folder a contract, main.ts, tsconfig.json, .gitignore and an ESM package.json', async () => {
    const plan = await planInit(dir, 'todo', VERSIONS);
    assert.deepEqual(plan.blockers, []);
    assert.deepEqual(files(plan), ['.gitignore', 'contracts/todo.yaml', 'server/main.ts', 'tsconfig.json']);
    const pkg = JSON.parse(plan.packageJson!.content) as Record<string, unknown>;
    assert.equal(pkg.type, 'module');
    assert.deepEqual(pkg.scripts, { dev: 'specfirst dev', build: 'specfirst generate && specfirst build', start: 'specfirst-start dist/server/main.js', check: 'specfirst check' });
    assert.deepEqual(pkg.dependencies, { '@specfirst/runtime': '^0.1.0', 'openapi-fetch': '^0.17.0' });
    assert.deepEqual(pkg.devDependencies, { specfirst: '^0.1.0' });
    assert.equal(plan.toolchainInDependencies, false);
    assert.match(plan.files.find((f) => f.path === 'server/main.ts')!.content, /from "@specfirst\/runtime"/);
    assert.match(plan.files.find((f) => f.path === 'tsconfig.json')!.content, /"module": "NodeNext"[\s\S]*"strict": true/);
  });

  it('adds only what an existing ES module project lacks, keeping its files, scripts and layout', async () => {
    const original = '{\n\t"name": "shop",\n\t"type": "module",\n\t"scripts": { "start": "node app.js" },\n\t"dependencies": { "specfirst": "file:specfirst-0.1.0.tgz" }\n}\n';
    await writeFile(join(dir, 'package.json'), original);
    await writeFile(join(dir, 'app.js'), 'export {};\n');
    await writeFile(join(dir, 'tsconfig.json'), '{ "compilerOptions": { "module": "NodeNext", "strict": true } }\n');
    const plan = await planInit(dir, 'todo', VERSIONS);
    assert.deepEqual(plan.blockers, []);
    assert.deepEqual(files(plan), ['.gitignore', 'contracts/todo.yaml', 'server/main.ts']);
    assert.deepEqual(plan.kept, ['tsconfig.json']);
    assert.deepEqual(plan.keptScripts, [{ name: 'start', theirs: 'node app.js', ours: 'specfirst-start dist/server/main.js' }]);
    assert.deepEqual(plan.packageJson!.added, ['scripts.dev', 'scripts.build', 'scripts.check', 'dependencies.@specfirst/runtime', 'dependencies.openapi-fetch']);
    assert.match(plan.packageJson!.content, /^\{\n\t"name": "shop",/);
    assert.equal(plan.toolchainInDependencies, true);
  });

  it('adds "type": "module" to a project without CommonJS code', async () => {
    await writeFile(join(dir, 'package.json'), '{ "name": "fresh" }\n');
    const plan = await planInit(dir, 'api', VERSIONS);
    assert.deepEqual(plan.blockers, []);
    assert.equal(plan.packageJson!.added[0], '"type": "module"');
    assert.match(plan.packageJson!.content, /^\{\n {2}"name": "fresh",\n {2}"type": "module",/);
  });

  it('stops, naming the files, when package.json has no "type" and the project has .js files', async () => {
    await writeFile(join(dir, 'package.json'), '{ "name": "legacy" }\n');
    await mkdir(join(dir, 'lib'));
    await writeFile(join(dir, 'lib', 'app.js'), 'module.exports = {};\n');
    await mkdir(join(dir, 'node_modules', 'x'), { recursive: true });
    await writeFile(join(dir, 'node_modules', 'x', 'index.js'), '');
    const plan = await planInit(dir, 'api', VERSIONS);
    assert.equal(plan.blockers.length, 1);
    assert.match(plan.blockers[0]!, /no "type", so Node treats this project's code as CommonJS \(lib\/app\.js\)/);
    assert.match(plan.blockers[0]!, /rename them to \.cjs/);
  });

  it('switches "type": "commonjs" to "module" in place, saying so, when no file of the project is CommonJS (a fresh `npm init -y`)', async () => {
    const npmInit = { name: 'fresh', version: '1.0.0', description: '', main: 'index.js', scripts: { test: 'echo "Error: no test specified" && exit 1' }, keywords: [], author: '', license: 'ISC', type: 'commonjs' };
    await writeFile(join(dir, 'package.json'), JSON.stringify(npmInit, null, 2) + '\n');
    const plan = await planInit(dir, 'api', VERSIONS);
    assert.deepEqual(plan.blockers, []);
    assert.deepEqual(plan.packageJson!.changed, ['"type": "commonjs" → "module" (no CommonJS file here)']);
    assert.ok(!plan.packageJson!.added.includes('"type": "module"'));
    const pkg = JSON.parse(plan.packageJson!.content) as Record<string, unknown>;
    assert.equal(pkg.type, 'module');
    assert.deepEqual(Object.keys(pkg).slice(0, 9), Object.keys(npmInit));
  });

  it('stops when package.json says "type": "commonjs" and the project has CommonJS .js files, naming them', async () => {
    await writeFile(join(dir, 'package.json'), '{ "type": "commonjs" }\n');
    await writeFile(join(dir, 'index.js'), 'module.exports = {};\n');
    const plan = await planInit(dir, 'api', VERSIONS);
    assert.match(plan.blockers.join('\n'), /"type": "commonjs"/);
    assert.match(plan.blockers.join('\n'), /CommonJS code \(index\.js\)[\s\S]*rename CommonJS files to \.cjs/);
  });

  it('stops when tsconfig.json compiles to CommonJS, saying what to set', async () => {
    await writeFile(join(dir, 'package.json'), '{ "type": "module" }\n');
    await writeFile(join(dir, 'tsconfig.json'), '{ "compilerOptions": { "module": "commonjs" } }\n');
    const plan = await planInit(dir, 'api', VERSIONS);
    assert.match(plan.blockers.join('\n'), /compiles to CommonJS[\s\S]*"module": "NodeNext"/);
  });
  it('writes the petstore template as /pets with listPets, createPet and getPet, whatever the NAME', async () => {
    const plan = await planInit(dir, 'shop', VERSIONS, 'petstore');
    const contract = plan.files.find((f) => f.path === 'contracts/shop.yaml')!.content;
    assert.match(contract, /^  \/pets:$/m);
    assert.match(contract, /^  \/pets\/\{petId\}:$/m);
    assert.deepEqual([...contract.matchAll(/operationId: (\w+)/g)].map((m) => m[1]), ['listPets', 'createPet', 'getPet']);
  });

  it('writes the empty template as a valid contract with no paths', async () => {
    const plan = await planInit(dir, 'blank', VERSIONS, 'empty');
    const contract = plan.files.find((f) => f.path === 'contracts/blank.yaml')!.content;
    assert.match(contract, /^openapi: 3\.1\.0$/m);
    assert.match(contract, /^paths: \{\}$/m);
  });
});
