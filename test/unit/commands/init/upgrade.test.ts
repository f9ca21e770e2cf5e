// What `specfirst init --upgrade` plans for a project made before the runtime had a package of its
// own: imports of "specfirst" rewritten (and nothing else that mentions it), specfirst moved to
// devDependencies with the runtime in dependencies, the start script init wrote replaced.
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { planUpgrade, rewriteRuntimeImports } from '../../../../generator/commands/init/upgrade.js';

describe('specfirst init --upgrade', () => {
  let dir: string;
  beforeEach(async () => (dir = await mkdtemp(join(tmpdir(), 'specfirst-upgrade-'))));
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('rewrites static, type, re-export, dynamic and import-type specifiers of "specfirst", keeping quotes', () => {
    const source = [
      '// from "specfirst" in a comment stays',
      'import { serve } from "specfirst";',
      "import type { Problem } from 'specfirst';",
      'export { problem } from "specfirst";',
      'const lazy = await import("specfirst");',
      'type P = import("specfirst").Problem;',
      'const text = "import x from \'specfirst\'";',
      'import { runCli } from "specfirst/cli";',
      '',
    ].join('\n');
    const { content, imports } = rewriteRuntimeImports(source, 'main.ts');
    assert.equal(imports, 5);
    assert.equal(
      content,
      [
        '// from "specfirst" in a comment stays',
        'import { serve } from "@specfirst/runtime";',
        "import type { Problem } from '@specfirst/runtime';",
        'export { problem } from "@specfirst/runtime";',
        'const lazy = await import("@specfirst/runtime");',
        'type P = import("@specfirst/runtime").Problem;',
        'const text = "import x from \'specfirst\'";',
        'import { runCli } from "specfirst/cli";',
        '',
      ].join('\n'),
    );
  });

  it('moves specfirst to devDependencies, adds the runtime, replaces the start script init wrote, and finds the imports', async () => {
    await writeFile(
      join(dir, 'package.json'),
      JSON.stringify({ name: 'old', type: 'module', scripts: { start: 'specfirst start dist/server/main.js', build: 'specfirst generate && specfirst build' }, dependencies: { 'openapi-fetch': '^0.17.0', specfirst: '^0.1.0' } }, null, 2) + '\n',
    );
    await mkdir(join(dir, 'server', 'todo', 'handlers'), { recursive: true });
    await mkdir(join(dir, 'node_modules', 'x'), { recursive: true });
    await writeFile(join(dir, 'server', 'main.ts'), 'import { findApis, serve } from "specfirst";\n');
    await writeFile(join(dir, 'server', 'todo', 'handlers', 'get-todo.ts'), 'import { problem } from "specfirst";\n');
    await writeFile(join(dir, 'server', 'todo', 'handlers', 'list-todos.ts'), 'export const none = 1;\n');
    await writeFile(join(dir, 'node_modules', 'x', 'index.js'), 'import "specfirst";\n');

    const plan = await planUpgrade(dir, { runtime: '^0.1.0' });
    assert.deepEqual(plan.blockers, []);
    assert.deepEqual(plan.files.map((f) => [f.path, f.imports]), [['server/main.ts', 1], ['server/todo/handlers/get-todo.ts', 1]]);
    const pkg = JSON.parse(plan.packageJson!.content) as Record<string, Record<string, string>>;
    assert.deepEqual(pkg.dependencies, { '@specfirst/runtime': '^0.1.0', 'openapi-fetch': '^0.17.0' });
    assert.deepEqual(pkg.devDependencies, { specfirst: '^0.1.0' });
    assert.deepEqual(pkg.scripts, { start: 'specfirst-start dist/server/main.js', build: 'specfirst generate && specfirst build' });
    assert.equal(plan.packageJson!.changes.length, 3);
  });

  it('leaves a start script someone changed, and plans nothing for a project already upgraded', async () => {
    await writeFile(join(dir, 'package.json'), JSON.stringify({ scripts: { start: 'node dist/server/main.js' }, dependencies: { '@specfirst/runtime': '^0.1.0' }, devDependencies: { specfirst: '^0.1.0' } }));
    const plan = await planUpgrade(dir, { runtime: '^0.1.0' });
    assert.deepEqual([plan.packageJson, plan.files, plan.blockers], [null, [], []]);
  });

  it('stops, writing nothing, where there is no package.json', async () => {
    const plan = await planUpgrade(dir, { runtime: '^0.1.0' });
    assert.match(plan.blockers[0]!, /no package\.json/);
  });
});
