// write.ts: planned files on disk. Generated files are rewritten only when they change and removed
// when no longer planned; a stub is written once and never overwritten; check only compares.
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, beforeEach, describe, it } from 'node:test';
import type { OutputFile } from '../../../generator/generate/plan-contract.js';
import { writePlan } from '../../../generator/generate/write.js';

const PLAN: OutputFile[] = [
  { path: 'pets/generated/routes.ts', content: 'export const routes = 1;\n', kind: 'generated' },
  { path: 'pets/handlers/list-pets.ts', content: '// stub\n', kind: 'stub' },
];

let root: string;
let out: string;
before(async () => (root = await mkdtemp(join(tmpdir(), 'specfirst-write-'))));
beforeEach(async () => (out = await mkdtemp(join(root, 'out-'))));
after(() => rm(root, { recursive: true, force: true }));

const read = (path: string) => readFile(join(out, path), 'utf8');

describe('writePlan', () => {
  it('writes generated files and missing stubs, then nothing on a second run', async () => {
    const first = await writePlan(out, ['pets'], PLAN);
    assert.deepEqual(first.written, PLAN.map((f) => join(out, f.path)));
    assert.equal(await read('pets/generated/routes.ts'), PLAN[0]!.content);
    const second = await writePlan(out, ['pets'], PLAN);
    assert.deepEqual(second.written, []);
    assert.deepEqual(second.unchanged, [join(out, 'pets/generated/routes.ts')]);
    assert.deepEqual(second.kept, [join(out, 'pets/handlers/list-pets.ts')]);
  });

  it('never overwrites a stub the person edited', async () => {
    await mkdir(join(out, 'pets', 'handlers'), { recursive: true });
    await writeFile(join(out, 'pets/handlers/list-pets.ts'), '// mine\n');
    await writePlan(out, ['pets'], PLAN);
    assert.equal(await read('pets/handlers/list-pets.ts'), '// mine\n');
  });

  it('removes a generated file that is no longer planned, and reports a handler with no operation', async () => {
    await writePlan(out, ['pets'], PLAN);
    await writeFile(join(out, 'pets/generated/old.ts'), '');
    await writeFile(join(out, 'pets/handlers/gone.ts'), '');
    const report = await writePlan(out, ['pets'], PLAN);
    assert.deepEqual(report.removed, [join(out, 'pets/generated/old.ts')]);
    assert.deepEqual(report.orphans, [join(out, 'pets/handlers/gone.ts')]);
    assert.deepEqual((await readdir(join(out, 'pets', 'generated'))).sort(), ['routes.ts']);
  });

  it('with check, names stale, missing and unplanned generated files and missing stubs, and writes nothing', async () => {
    await mkdir(join(out, 'pets', 'generated'), { recursive: true });
    await writeFile(join(out, 'pets/generated/routes.ts'), 'export const routes = 0;\n');
    await writeFile(join(out, 'pets/generated/old.ts'), '');
    const report = await writePlan(out, ['pets'], [...PLAN, { path: 'pets/generated/types.ts', content: '', kind: 'generated' }], { check: true });
    assert.deepEqual(report.stale, ['generated/routes.ts', 'handlers/list-pets.ts', 'generated/types.ts', 'generated/old.ts'].map((f) => join(out, 'pets', f)));
    assert.deepEqual(report.written, []);
    assert.equal(await read('pets/generated/routes.ts'), 'export const routes = 0;\n');
    assert.deepEqual((await readdir(join(out, 'pets', 'generated'))).sort(), ['old.ts', 'routes.ts']);
    assert.deepEqual(await readdir(join(out, 'pets')), ['generated']);
  });
});
