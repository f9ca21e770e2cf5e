// `specfirst diff` on a large contract (issue 20: box.json, 296 operations, against itself with
// one change; goal under 10 s): the whole command as a person runs it (a child process, wall
// time), and in process the loading and the diff apart. Not a test: numbers for the README.
//   node --conditions=specfirst-source --import tsx bench/diff.ts
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadContract } from '../generator/contract/load.js';
import { diffContracts } from '../generator/diff/diff-contracts.js';
import { sharedContractsDir } from './large-contracts.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

const shared = sharedContractsDir();
if (!shared) {
  console.error('bench/diff.ts: no shared contracts folder (set SPECFIRST_SHARED_CONTRACTS)');
  process.exit(2);
}
const base = join(shared, 'box.json');
const tmp = await mkdtemp(join(tmpdir(), 'specfirst-bench-diff-'));
try {
  // One change: the first operation's first query parameter becomes required.
  const doc = JSON.parse(await readFile(base, 'utf8')) as { paths: Record<string, Record<string, { parameters?: { in?: string; required?: boolean }[] }>> };
  let changed = '';
  for (const [path, item] of Object.entries(doc.paths)) {
    const op = item.get;
    const param = op?.parameters?.find((p) => p.in === 'query' && p.required !== true);
    if (param) {
      param.required = true;
      changed = `GET ${path}`;
      break;
    }
  }
  const revision = join(tmp, 'box.json');
  await writeFile(revision, JSON.stringify(doc, null, 2));

  const t0 = performance.now();
  const [b, r] = await Promise.all([loadContract(base), loadContract(revision)]);
  const t1 = performance.now();
  const changes = diffContracts(b.contract!, r.contract!, { today: new Date().toISOString().slice(0, 10) });
  const t2 = performance.now();

  const c0 = performance.now();
  let code = 0;
  try {
    execFileSync(process.execPath, [join(ROOT, 'generator', 'bin.js'), 'diff', base, revision], { stdio: 'pipe' });
  } catch (error) {
    code = (error as { status: number }).status;
  }
  const c1 = performance.now();
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  console.log(`box.json (${Object.keys(doc.paths).length} paths), one change (${changed}: a query parameter became required)`);
  console.log(`  in process: load both ${s(t1 - t0)}, diff ${s(t2 - t1)}; ${changes.length} change(s): ${changes.map((c) => c.id).join(', ')}`);
  console.log(`  specfirst diff (child process, wall): ${s(c1 - c0)}, exit ${code}`);
} finally {
  await rm(tmp, { recursive: true, force: true });
}
