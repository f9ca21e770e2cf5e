// `specfirst generate` as a person uses it: stubs are written once and never overwritten, a new
// operation gets a new stub, output is deterministic, --check catches stale files, and a contract
// that breaks later leaves every existing file as it was.
import assert from 'node:assert/strict';
import { copyFile, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ROOT, fixture, runCli, tempProject } from '../helpers.js';

describe('specfirst generate', () => {
  let project: Awaited<ReturnType<typeof tempProject>>;
  let contract: string;
  let out: string;
  const stub = (name: string) => join(out, 'v31-features', 'handlers', name);
  const generated = (name: string) => join(out, 'v31-features', 'generated', name);

  before(async () => {
    project = await tempProject('cli');
    contract = join(project.dir, 'v31-features.yaml');
    out = join(project.dir, 'out');
    await copyFile(fixture('golden', 'v31-features.yaml'), contract);
  });
  after(() => project.remove());

  it('--help lists the commands', async () => {
    const r = await runCli(['--help']);
    assert.equal(r.code, 0);
    for (const command of ['init', 'dev', 'generate', 'lint', 'check']) assert.match(r.stdout, new RegExp(`^  ${command} `, 'm'));
  });

  it('rejects an unknown init --template with exit status 2, naming the three it knows', async () => {
    const r = await runCli(['init', 'shop', '--template', 'shop'], project.dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /unknown --template "shop": use todo, petstore, empty/);
  });

  it('rejects an unknown command with exit status 2', async () => {
    const r = await runCli(['frobnicate']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /unknown command "frobnicate"/);
  });

  it('writes types, bindings and one stub per operation, warning about a missing operationId', async () => {
    const r = await runCli(['generate', contract, '--out', out]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /v31-features\.yaml:\d+:\d+ warning missing-operation-id GET \/ has no operationId; its handler is named "getRoot"/);
    assert.deepEqual((await readdir(join(out, 'v31-features', 'handlers'))).sort(), ['get-item-image.ts', 'get-root.ts', 'list-items.ts']);
    assert.deepEqual((await readdir(join(out, 'v31-features', 'generated'))).sort(), ['client.ts', 'contract-problems.json', 'openapi.json', 'operations.ts', 'routes.ts', 'schema.ts', 'security.ts', 'types.ts']);
  });

  it('never overwrites a stub the person edited', async () => {
    const edited = '// mine now\nexport const listItems = 1;\n';
    await writeFile(stub('list-items.ts'), edited);
    const r = await runCli(['generate', contract, '--out', out]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(await readFile(stub('list-items.ts'), 'utf8'), edited);
  });

  it('is deterministic: a second run writes nothing and changes no byte', async () => {
    const before = await readFile(generated('operations.ts'), 'utf8');
    const r = await runCli(['generate', contract, '--out', out]);
    assert.match(r.stdout, / 0 written, 8 unchanged, 3 handler\(s\) kept/);
    assert.equal(await readFile(generated('operations.ts'), 'utf8'), before);
  });

  it('--check exits 0 when up to date and 1 naming a stale generated file or a missing stub', async () => {
    assert.equal((await runCli(['generate', contract, '--out', out, '--check'])).code, 0);
    await writeFile(generated('routes.ts'), '// edited by hand\n');
    await rm(stub('get-root.ts'));
    const r = await runCli(['generate', contract, '--out', out, '--check']);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /routes\.ts: stale or missing/);
    assert.match(r.stderr, /get-root\.ts: stale or missing/);
    assert.equal(await readFile(generated('routes.ts'), 'utf8'), '// edited by hand\n', '--check must not write');
    assert.equal((await runCli(['generate', contract, '--out', out])).code, 0);
  });

  it('gives a new operation a new stub and reports a stub whose operation left the contract', async () => {
    const text = await readFile(contract, 'utf8');
    const changed = text
      .replace('  /items/{id}/image:\n    get:\n      operationId: getItemImage', '  /items/{id}/image:\n    get:\n      operationId: getItemPicture')
      .replace('webhooks:', '  /health:\n    get:\n      operationId: health\n      responses:\n        \'204\':\n          description: Up.\nwebhooks:');
    await writeFile(contract, changed);
    const r = await runCli(['generate', contract, '--out', out]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /get-item-image\.ts warning orphan-handler/);
    const handlers = (await readdir(join(out, 'v31-features', 'handlers'))).sort();
    assert.deepEqual(handlers, ['get-item-image.ts', 'get-item-picture.ts', 'get-root.ts', 'health.ts', 'list-items.ts']);
  });

  it('leaves every file as it was when the contract stops generation', async () => {
    const before = await readFile(generated('routes.ts'), 'utf8');
    // A YAML syntax error leaves nothing to generate (a schema $ref to nothing would not: it is isolated).
    await writeFile(contract, (await readFile(contract, 'utf8')).replace("$ref: '#/components/schemas/Item'", "$ref: ['#/components/schemas/Item'"));
    const r = await runCli(['generate', contract, '--out', out]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /error yaml/);
    assert.equal(await readFile(generated('routes.ts'), 'utf8'), before);
  });

  it('the committed example is up to date (what CI checks)', async () => {
    const r = await runCli(['generate', '--check'], ROOT);
    assert.equal(r.code, 0, r.stderr);
  });
});
