// How long `specfirst dev` takes to reload after a contract edit, against a baseline measured in
// the same run: a cold start (generate + start the server from nothing, as `npm start` does).
// Usage: node --import tsx bench/dev-reload.ts [CONTRACT] [EDITS]
//   default CONTRACT: contracts/petstore.yaml; EDITS: 7
import { spawn } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const contract = resolve(process.argv[2] ?? join(ROOT, 'contracts', 'petstore.yaml'));
const edits = Number(process.argv[3] ?? 7);
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const dir = await mkdtemp(join(tmpdir(), 'specfirst-bench-'));
await writeFile(join(dir, 'package.json'), '{ "type": "module" }\n');
await mkdir(join(dir, 'contracts'));
const target = join(dir, 'contracts', basename(contract));
await copyFile(contract, target);

let output = '';
const dev = spawn(process.execPath, [join(ROOT, 'generator', 'bin.js'), 'dev', '--port', '0'], { cwd: dir, env: { ...process.env, NO_COLOR: '1' } });
dev.stderr.on('data', (d: Buffer) => (output += d.toString()));
dev.stdout.on('data', (d: Buffer) => (output += d.toString()));

async function waitFor(pattern: RegExp, from: number): Promise<RegExpExecArray> {
  for (let i = 0; i < 1200; i++) {
    const m = pattern.exec(output.slice(from));
    if (m) return m;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${pattern}\n${output}`);
}

try {
  const cold = Number((await waitFor(/✓ ready in (\d+) ms/, 0))[1]);
  const reloads: number[] = [];
  const original = await readFile(target, 'utf8');
  for (let i = 0; i < edits; i++) {
    const from = output.length;
    // A harmless edit: a comment line that changes the file but not the contract.
    await writeFile(target, `${original}\n# bench edit ${i}\n`);
    reloads.push(Number((await waitFor(/✓ reloaded in (\d+) ms/, from))[1]));
  }
  const m = median(reloads);
  console.log(`contract: ${basename(contract)}`);
  console.log(`cold start (generate + type-check + start, baseline): ${cold} ms`);
  console.log(`reload after a contract edit, ${edits} edits: median ${m} ms (min ${Math.min(...reloads)}, max ${Math.max(...reloads)}): ${reloads.join(', ')}`);
  console.log(`ratio reload / cold start: ${(m / cold).toFixed(2)}`);
} finally {
  dev.kill('SIGINT');
  await new Promise((r) => dev.once('exit', r));
  await rm(dir, { recursive: true, force: true });
}
