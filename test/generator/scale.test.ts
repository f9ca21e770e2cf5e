// A multi-file contract of the shape large real trees have (test/contract-tree.ts: every path item
// and many operations in files of their own, schemas one per file across folders, recursive and
// same-named) loads, lints and bundles in bounded time, and a smaller one generates code that
// compiles. Before the loader walked files itself, such a tree did not load at all, and bundling
// compared every same-named schema file with every other.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { join } from 'node:path';
import { lintContractFile } from '../../generator/lint/lint-contract.js';
import { TypeChecker } from '../../generator/typecheck/typecheck.js';
import { writeContractTree } from '../contract-tree.js';
import { generateInto, tempProject } from '../helpers.js';

describe('a contract of thousands of files', () => {
  let project: Awaited<ReturnType<typeof tempProject>>;
  before(async () => (project = await tempProject('scale')));
  after(() => project.remove());

  it('loads, lints and bundles 600 operations in 2,100 files in bounded time, every problem located', async () => {
    const size = await writeContractTree(join(project.dir, 'big'), 150);
    assert.equal(size.files, 2105);
    const started = performance.now();
    const { contract, model, diagnostics } = await lintContractFile(join(project.dir, 'big', 'openapi.yaml'));
    const seconds = (performance.now() - started) / 1000;
    assert.ok(contract && model);
    assert.equal(model.operations.length, size.operations);
    assert.equal(contract.sources.size, size.files);
    // Every operation given as $ref is followed (and warned about); nothing else is wrong.
    assert.deepEqual([...new Set(diagnostics.map((d) => `${d.severity} ${d.rule}`))], ['warning ref-not-allowed']);
    assert.equal(diagnostics.length, 300);
    // Same-named schema files get names from their folders, not serial numbers in walk order.
    const schemas = Object.keys(contract.document.components?.schemas ?? {});
    assert.ok(schemas.includes('r0-Resource') && schemas.includes('r149-Node') && schemas.includes('Meta'), schemas.slice(0, 12).join(' '));
    // Generous for a shared, slow machine: the quadratic bundling took minutes at this size.
    assert.ok(seconds < 90, `took ${seconds.toFixed(1)} s`);
  });

  it('generates code that compiles under --strict from operations and path items given as $ref across files', async () => {
    await writeContractTree(join(project.dir, 'small'), 3);
    const plan = await generateInto(join(project.dir, 'small', 'openapi.yaml'), join(project.dir, 'out'));
    assert.equal(plan.model?.operations.length, 12);
    const errors = new TypeChecker(join(project.dir, 'out')).check([join(project.dir, 'out', plan.name, 'generated', 'routes.ts')]);
    assert.deepEqual(errors, []);
  });
});
