// specfirst as a user gets it: the packed tarball, installed offline into an empty folder outside
// this repository, then `specfirst init`, a handler filled in, `npm run build` (which is `specfirst
// generate && specfirst build`), and the built server started with plain node (no tsx). A compiled
// script calls it through the generated typed client: a 200, and a 400 problem for a query
// parameter the contract bounds.
//
// Offline: npm's cache holds the tarballs `npm ci` fetched for this repository (by integrity), but
// not the registry documents that resolving version ranges anew would need. So the folder's
// package-lock.json pins specfirst's dependencies to this repository's package-lock.json, the
// versions it is tested with, and `npm ci --offline` installs them from the cache. The newcomer's
// sequence (`npm init -y`, `npm install` the tarball, `npx specfirst init`, `npm run build`, `npm
// start`) runs as typed, with the same pinned lockfile beside package.json before the install.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ROOT } from '../helpers.js';
import { lockFor, ok, run } from './offline-install.js';

const HANDLER = `import type { ListTodosContext, ListTodosRequest, ListTodosResponse } from "../generated/operations.js";

const todos = [
  { id: 1, title: "Write the contract", done: true },
  { id: 2, title: "Fill in a handler", done: false },
];

export async function listTodos({ query }: ListTodosRequest, _context: ListTodosContext): Promise<ListTodosResponse> {
  return { status: 200, body: todos.slice(0, query.limit) };
}
`;

/** Compiled by the project's build like its other code: the typed client, used as a caller would. */
const CALLER = `import { createApiClient } from "./todo/generated/client.js";

const client = createApiClient({ baseUrl: process.env.BASE_URL });
const good = await client.GET("/todos", { params: { query: { limit: 1 } } });
const bad = await client.GET("/todos", { params: { query: { limit: 500 } } });
console.log(JSON.stringify({
  good: { status: good.response.status, titles: good.data?.map((t) => t.title) },
  bad: { status: bad.response.status, errors: bad.error?.errors },
}));
`;

describe('the packed package in a new project', () => {
  let dir: string;
  let tarball: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'specfirst-package-'));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it('packs only what users need: compiled JavaScript, declarations and the bin', async () => {
    const packed = await run('npm', ['pack', '--json', '--pack-destination', dir], ROOT);
    ok(packed);
    const [info] = JSON.parse(packed.stdout.slice(packed.stdout.indexOf('['))) as { filename: string; size: number; unpackedSize: number; files: { path: string }[] }[];
    tarball = join(dir, info!.filename);
    const files = info!.files.map((f) => f.path);
    console.log(`# ${info!.filename}: ${(info!.size / 1024).toFixed(1)} kB packed, ${(info!.unpackedSize / 1024).toFixed(1)} kB unpacked, ${files.length} files`);
    for (const needed of ['generator/bin.js', 'dist/generator/cli.js', 'dist/server/runtime/index.js', 'dist/server/runtime/index.d.ts', 'package.json']) {
      assert.ok(files.includes(needed), `${needed} is missing from the tarball`);
    }
    const unwanted = files.filter((f) => !/^(dist\/(generator|server\/runtime)\/([\w-]+\/)*[\w.-]+\.(js|d\.ts)|generator\/bin\.js|package\.json|README\.md|LICENSE)$/.test(f));
    assert.deepEqual(unwanted, []);
  });

  it('installs offline, and init + build give a server that plain node runs, checked through the typed client', async () => {
    const project = join(dir, 'todo-service');
    await run('mkdir', [project], dir);
    await writeFile(join(project, 'package.json'), JSON.stringify({ name: 'todo-service', dependencies: { specfirst: `file:${tarball}` } }, null, 2) + '\n');
    await writeFile(join(project, 'package-lock.json'), await lockFor(tarball));
    ok(await run('npm', ['ci', '--offline', '--ignore-scripts', '--no-audit', '--no-fund'], project));

    const specfirst = join(project, 'node_modules', '.bin', 'specfirst');
    const init = await run(specfirst, ['init', 'todo'], project);
    ok(init);
    assert.match(init.stdout, /added to package\.json: "type": "module", scripts\.dev, scripts\.build, scripts\.start, scripts\.check/);

    await writeFile(join(project, 'server', 'todo', 'handlers', 'list-todos.ts'), HANDLER);
    await writeFile(join(project, 'server', 'caller.ts'), CALLER);
    const build = await run('npm', ['run', 'build'], project);
    ok(build);
    assert.match(build.stdout, /dist\/server\/todo\/generated\/openapi\.json/);

    const server = spawn(process.execPath, [join('dist', 'server', 'main.js')], { cwd: project, env: { ...process.env, PORT: '0', LOG_LEVEL: 'silent', NODE_OPTIONS: '' } });
    try {
      let stderr = '';
      const url = await new Promise<string>((resolve, reject) => {
        server.stderr.on('data', (d: Buffer) => {
          stderr += d.toString();
          const m = /API {5}(http:\/\/127\.0\.0\.1:\d+)\//.exec(stderr);
          if (m) resolve(m[1]!);
        });
        server.once('exit', (code) => reject(new Error(`the built server exited (${code}): ${stderr}`)));
      });
      const called = await run(process.execPath, [join('dist', 'server', 'caller.js')], project, { BASE_URL: url });
      ok(called);
      const result = JSON.parse(called.stdout) as { good: { status: number; titles: string[] }; bad: { status: number; errors: { in: string; name: string }[] } };
      assert.deepEqual(result.good, { status: 200, titles: ['Write the contract'] });
      assert.equal(result.bad.status, 400);
      assert.deepEqual(result.bad.errors.map((e) => [e.in, e.name]), [['query', 'limit']]);
    } finally {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.kill('SIGTERM');
      assert.equal(await exited, 0);
    }
  });

  it('takes a newcomer from `npm init -y` to a running server: install, init, `npm run build`, `npm start`, a 400 and a 501', async () => {
    const project = join(dir, 'my-api');
    await mkdir(project);
    ok(await run('npm', ['init', '-y'], project));
    assert.equal((JSON.parse(await readFile(join(project, 'package.json'), 'utf8')) as { type?: string }).type, 'commonjs');
    await writeFile(join(project, 'package-lock.json'), await lockFor(tarball, 'my-api'));
    ok(await run('npm', ['install', '--offline', '--ignore-scripts', '--no-audit', '--no-fund', tarball], project));

    const init = await run('npx', ['specfirst', 'init', 'todo'], project);
    ok(init);
    assert.match(init.stdout, /changed package\.json: "type": "commonjs" → "module" \(no CommonJS file here\)/);
    ok(await run('npm', ['run', 'build'], project));

    // detached: `npm start` is npm, a shell and specfirst; the signal goes to the whole group.
    const server = spawn('npm', ['start'], { cwd: project, detached: true, env: { ...process.env, NO_COLOR: '1', PORT: '0', LOG_LEVEL: 'silent', NODE_OPTIONS: '' } });
    const exited = new Promise((resolve) => server.once('exit', resolve));
    try {
      let output = '';
      const url = await new Promise<string>((resolve, reject) => {
        const read = (d: Buffer): void => {
          output += d.toString();
          const m = /API {5}(http:\/\/127\.0\.0\.1:\d+)\//.exec(output);
          if (m) resolve(m[1]!);
        };
        server.stdout.on('data', read);
        server.stderr.on('data', read);
        server.once('exit', (code) => reject(new Error(`npm start exited (${code}): ${output}`)));
      });
      const invalid = await fetch(`${url}/todos?limit=500`);
      assert.equal(invalid.status, 400);
      const problem = (await invalid.json()) as { errors: { in: string; name: string }[] };
      assert.deepEqual(problem.errors.map((e) => [e.in, e.name]), [['query', 'limit']]);
      const stub = await fetch(`${url}/todos?limit=1`);
      assert.equal(stub.status, 501);
      await stub.body?.cancel();
    } finally {
      process.kill(-server.pid!, 'SIGTERM');
      await exited;
    }
  });
});
