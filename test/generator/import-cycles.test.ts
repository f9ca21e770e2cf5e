// Imports flow one way (docs/style.md): no module of the generator, the runtime or the bench may
// reach itself again through its imports, type-only imports included (madge counts them, as a
// reader following the imports does). Generated code reached from the bench is checked too.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { it } from 'node:test';
import madge from 'madge';
import { ROOT } from '../helpers.js';

it('finds no import cycle in generator, server/runtime and bench', async () => {
  const graph = await madge(
    ['generator', 'server/runtime', 'bench'].map((dir) => join(ROOT, dir)),
    { fileExtensions: ['ts'], tsConfig: join(ROOT, 'tsconfig.json'), baseDir: ROOT },
  );
  const cycles = graph.circular().map((cycle) => cycle.join(' > '));
  assert.deepEqual(cycles, [], `import cycles:\n${cycles.join('\n')}`);
});
