// Cold start of built servers, as `specfirst build && specfirst start` runs them (plain node, no
// tsx): the example API and Box's contract (296 operations, mock mode), each built into a project
// of its own, against bare Express 5 in plain node answering the same first request — alone, and
// with the example's own store (the same SQLite module, opened and migrated by the first request,
// as the example does). From spawn to the first answer, the server's CPU time by then (user +
// system, less moved by a busy machine than the wall clock) and its RSS right after. Samples
// interleaved over the servers; medians. Builds the runtime package first (`npm run build -w
// @specfirst/runtime`: the projects import @specfirst/runtime from its dist/, as a production
// install does). Part `cold` of `npm run bench`; alone:
// Usage: node --import tsx bench/cold-start.ts [SAMPLES]   (default 9)
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getStatus } from './startup.js';
import { planContract } from '../generator/generate/plan-contract.js';
import { writePlan } from '../generator/generate/write.js';
import { sharedContractsDir } from './large-contracts.js';
import { median } from './stats.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

const TSCONFIG = { compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, skipLibCheck: true, outDir: 'dist', rootDir: '.' }, include: ['server'] };

/** Bare Express 5 in plain node: express.json() and one route, announcing its URL as specfirst's banner does. */
const BARE_EXPRESS = `import express from 'express';
const app = express();
app.use(express.json());
const pet = { id: 1, name: 'Cat', species: 'cat', tags: [], birthDate: null, createdAt: '2026-01-01T00:00:00.000Z', indoor: true };
app.get('/pets', (_req, res) => res.json([pet]));
const server = app.listen(0, '127.0.0.1', () => console.error('API     http://127.0.0.1:' + server.address().port));
process.once('SIGTERM', () => server.close(() => process.exit(0)));
`;

/** Bare Express 5 serving GET /pets from the example's own store module (built beside it), as the example's handler does. */
const EXPRESS_WITH_STORE = `import express from 'express';
import { petStore } from './dist/server/petstore/store/index.js';
const app = express();
app.use(express.json());
app.get('/pets', async (_req, res, next) => {
  try {
    const { total, pets } = await (await petStore()).listPets({}, { offset: 0, limit: 20 });
    res.set('X-Total-Count', String(total)).json(pets);
  } catch (error) {
    next(error);
  }
});
const server = app.listen(0, '127.0.0.1', () => console.error('API     http://127.0.0.1:' + server.address().port));
process.once('SIGTERM', () => server.close(() => process.exit(0)));
`;

interface Subject {
  name: string;
  dir: string;
  args: string[];
  path: string;
  env: Record<string, string>;
}

/** A project folder whose node_modules links this repository's packages, and specfirst to this checkout. */
async function project(base: string, name: string): Promise<string> {
  const dir = join(base, name);
  await mkdir(join(dir, 'node_modules'), { recursive: true });
  for (const entry of await readdir(join(ROOT, 'node_modules'))) {
    if (entry !== 'specfirst') await symlink(join(ROOT, 'node_modules', entry), join(dir, 'node_modules', entry));
  }
  await symlink(ROOT, join(dir, 'node_modules', 'specfirst'), 'dir');
  await writeFile(join(dir, 'package.json'), JSON.stringify({ name, type: 'module' }) + '\n');
  await writeFile(join(dir, 'tsconfig.json'), JSON.stringify(TSCONFIG) + '\n');
  await mkdir(join(dir, 'server'), { recursive: true });
  await cp(join(ROOT, 'server', 'main.ts'), join(dir, 'server', 'main.ts'));
  return dir;
}

function run(command: string, args: string[], cwd: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${args.join(' ')} exited ${code}: ${stderr}`))));
  });
}

const build = (dir: string): Promise<void> => run(process.execPath, [join(ROOT, 'generator', 'bin.js'), 'build'], dir);

/** Spawn to first answer: ms, the server's CPU ms by then, RSS MB after. */
async function once(s: Subject): Promise<{ ms: number; cpuMs: number; rssMb: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, s.args, { cwd: s.dir, env: { ...process.env, PORT: '0', LOG_LEVEL: 'silent', NODE_ENV: 'production', ...s.env }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stderr!.on('data', (d: Buffer) => {
      stderr += d.toString();
      const m = /API {5}(http:\/\/[^/\s]+)/.exec(stderr);
      if (m) resolve(m[1]!);
    });
    child.once('exit', (code) => reject(new Error(`${s.name} exited ${code}: ${stderr}`)));
  });
  const status = await getStatus(url + s.path);
  const ms = performance.now() - started;
  if (status >= 500) throw new Error(`${s.name}: first request answered ${status}`);
  const stat = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  const cpuMs = ((Number(stat[11]) + Number(stat[12])) * 1000) / 100; // utime + stime, in clock ticks of 1/100 s
  const rssMb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))![1]) / 1024;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
  return { ms, cpuMs, rssMb };
}

export interface ColdStartRow {
  name: string;
  ms: number;
  cpuMs: number;
  rssMb: number;
}

/** Medians per server, the first row bare Express (the baseline of every ratio). `box: false` leaves Box's contract out (the smoke test). */
export async function measureColdStart(samples: number, { box: withBox = true }: { box?: boolean } = {}): Promise<ColdStartRow[]> {
  await run('npm', ['run', 'build', '-w', '@specfirst/runtime'], ROOT);
  const base = await mkdtemp(join(tmpdir(), 'specfirst-cold-start-'));
  try {
    const subjects: Subject[] = [];
    const bare = await project(base, 'express');
    await writeFile(join(bare, 'server.mjs'), BARE_EXPRESS);
    subjects.push({ name: 'bare Express 5 (plain node)', dir: bare, args: ['server.mjs'], path: '/pets', env: {} });

    const example = await project(base, 'example');
    await cp(join(ROOT, 'server', 'petstore'), join(example, 'server', 'petstore'), { recursive: true });
    await build(example);
    await writeFile(join(example, 'express-with-store.mjs'), EXPRESS_WITH_STORE);
    const memory = { DATABASE_URL: 'file::memory:' };
    subjects.push({ name: "bare Express 5 + the example's store (SQLite in memory)", dir: example, args: ['express-with-store.mjs'], path: '/pets', env: memory });
    subjects.push({ name: 'specfirst built: the example (GET /pets, SQLite in memory)', dir: example, args: [join('dist', 'server', 'main.js')], path: '/pets', env: memory });

    const shared = sharedContractsDir();
    const boxJson = shared ? join(shared, 'box.json') : undefined;
    if (withBox && boxJson && existsSync(boxJson)) {
      const box = await project(base, 'box');
      const plan = await planContract(boxJson);
      await writePlan(join(box, 'server'), [plan.name], plan.files);
      await build(box);
      subjects.push({ name: 'specfirst built: box.json, 296 operations (mock, GET /2.0/users/me)', dir: box, args: [join('dist', 'server', 'main.js')], path: '/2.0/users/me', env: { SPECFIRST_MOCK: '1' } });
    } else if (withBox) {
      console.log('! no shared contracts folder with box.json (set SPECFIRST_SHARED_CONTRACTS): its row is left out');
    }

    const results = new Map(subjects.map((s) => [s, [] as Awaited<ReturnType<typeof once>>[]]));
    for (let i = 0; i < samples; i++) {
      for (const s of i % 2 === 0 ? subjects : [...subjects].reverse()) results.get(s)!.push(await once(s));
    }
    return subjects.map((s) => {
      const rs = results.get(s)!;
      return { name: s.name, ms: median(rs.map((r) => r.ms)), cpuMs: median(rs.map((r) => r.cpuMs)), rssMb: median(rs.map((r) => r.rssMb)) };
    });
  } finally {
    await rm(base, { recursive: true, force: true });
  }
}

/** The table, ratios to the first row. */
export function printColdStart(rows: ColdStartRow[], samples: number): void {
  const [b] = rows;
  console.log(`\n## Cold start of built servers\n`);
  console.log(`Built (specfirst build), plain node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}: spawn to the first answer, median of ${samples} (interleaved).\n`);
  console.log('| server | spawn to first answer ms | × Express | server CPU to first answer ms | × Express | RSS after MB | × Express |');
  console.log('|---|---:|---:|---:|---:|---:|---:|');
  for (const r of rows) {
    console.log(`| ${r.name} | ${Math.round(r.ms)} | ${(r.ms / b!.ms).toFixed(2)} | ${Math.round(r.cpuMs)} | ${(r.cpuMs / b!.cpuMs).toFixed(2)} | ${r.rssMb.toFixed(0)} | ${(r.rssMb / b!.rssMb).toFixed(2)} |`);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const samples = Number(process.argv[2] ?? 9);
  printColdStart(await measureColdStart(samples), samples);
}
