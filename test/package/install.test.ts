// specfirst as a user gets it: two packed tarballs, the toolchain (specfirst, a devDependency) and
// what a built server runs (@specfirst/runtime), installed offline into an empty folder outside
// this repository, then `specfirst init`, a handler filled in, `npm run build` (which is `specfirst
// generate && specfirst build`), and the built server started with plain node (no tsx). A compiled
// script calls it through the generated typed client: a 200, and a 400 problem for a query
// parameter the contract bounds. Then production as a server or an image gets it: the built project
// copied, `npm ci --omit=dev` (no toolchain), `npm start`. And a project made before the split,
// upgraded with `specfirst init --upgrade`.
//
// Offline: npm's cache holds the tarballs `npm ci` fetched for this repository (by integrity), but
// not the registry documents that resolving version ranges anew would need. So the folder's
// package-lock.json pins both packages' dependencies to this repository's package-lock.json, the
// versions it is tested with, and `npm ci --offline` installs them from the cache. The newcomer's
// sequence (`npm init -y`, `npm install -D` specfirst, `npm install` the runtime, `npx specfirst
// init`, `npm run build`, `npm start`) runs as typed, with the same pinned lockfile beside
// package.json before the install.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ROOT } from '../helpers.js';
import { installedPackages, lockFor, npmStart, ok, pack, run, type Tarballs } from './offline-install.js';

const HANDLER = `import type { ListTodosContext, ListTodosRequest, ListTodosResponse } from "../generated/operations.js";

const todos = [
  { id: 1, title: "Write the contract", done: true },
  { id: 2, title: "Fill in a handler", done: false },
];

export async function listTodos({ query }: ListTodosRequest, _context: ListTodosContext): Promise<ListTodosResponse> {
  return { status: 200, body: todos.slice(0, query.limit) };
}
`;

/** A handler as projects made before the runtime had a package of its own wrote it: importing "specfirst". */
const FORMER_HANDLER = `import { PROBLEM_CONTENT_TYPE } from "specfirst";
import type { GetTodoContext, GetTodoRequest, GetTodoResponse } from "../generated/operations.js";

export async function getTodo({ params }: GetTodoRequest, _context: GetTodoContext): Promise<GetTodoResponse> {
  return { status: 404, contentType: PROBLEM_CONTENT_TYPE, body: { type: "urn:todo:not-found", title: "No such todo", status: 404, detail: \`no todo \${params.todoId}\` } };
}
`;

/** The server/main.ts that init wrote before the runtime had a package of its own. */
const FORMER_MAIN = `import { findApis, serve } from "specfirst";

await serve({ apis: await findApis(new URL(".", import.meta.url)) });
`;

/** Packages a built server never runs: none may be in a production install. */
const TOOLCHAIN = ['typescript', 'prettier', 'esbuild', 'react', 'react-dom', '@redocly/openapi-core', 'redoc', 'openapi-typescript', 'tsx', 'fast-check', 'json-schema-faker', 'specfirst'];

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

describe('the packed packages in a new project', () => {
  let dir: string;
  let tarballs: Tarballs;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'specfirst-package-'));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  /** `npm ci --omit=dev` in a copy of the built project beside it (so its file: paths still hold): what a production image runs. */
  async function productionCopy(project: string): Promise<string> {
    const copy = `${project}-production`;
    await cp(project, copy, { recursive: true, filter: (source) => !source.startsWith(join(project, 'node_modules')) });
    ok(await run('npm', ['ci', '--omit=dev', '--offline', '--ignore-scripts', '--no-audit', '--no-fund'], copy));
    const installed = await installedPackages(copy);
    console.log(`# production node_modules of ${basename(project)}: ${installed.mb.toFixed(1)} MB, ${installed.count} packages`);
    assert.deepEqual(TOOLCHAIN.filter((name) => installed.names.has(name)), [], 'toolchain packages in a production install');
    assert.ok(installed.mb <= 40, `production node_modules is ${installed.mb.toFixed(1)} MB, over 40 MB`);
    return copy;
  }

  it('packs only what users need: the runtime with its served files, and the toolchain with the bin', async () => {
    const runtime = await pack(join(ROOT, 'server', 'runtime'), dir);
    const specfirst = await pack(ROOT, dir);
    tarballs = { specfirst: specfirst.tarball, runtime: runtime.tarball };
    for (const packed of [runtime, specfirst]) {
      console.log(`# ${packed.filename}: ${(packed.size / 1024).toFixed(1)} kB packed, ${(packed.unpackedSize / 1024).toFixed(1)} kB unpacked, ${packed.files.length} files`);
    }
    for (const needed of ['dist/index.js', 'dist/index.d.ts', 'dist/start-bin.js', 'dist/assets/redoc.standalone.js', 'package.json']) {
      assert.ok(runtime.files.includes(needed), `${needed} is missing from the runtime's tarball`);
    }
    const runtimeUnwanted = runtime.files.filter((f) => !/^(dist\/([\w-]+\/)*[\w.-]+\.(js|d\.ts)|dist\/assets\/redoc\.standalone\.js\.LICENSE\.txt|package\.json|README\.md|LICENSE)$/.test(f));
    assert.deepEqual(runtimeUnwanted, []);
    for (const needed of ['generator/bin.js', 'dist/generator/cli.js', 'dist/generator/runtime-reexport.js', 'package.json']) {
      assert.ok(specfirst.files.includes(needed), `${needed} is missing from specfirst's tarball`);
    }
    const unwanted = specfirst.files.filter((f) => !/^(dist\/(generator|server\/runtime)\/([\w-]+\/)*[\w.-]+\.(js|d\.ts)|generator\/bin\.js|package\.json|README\.md|LICENSE)$/.test(f));
    assert.deepEqual(unwanted, []);
    const manifest = JSON.parse(await readFile(join(ROOT, 'server', 'runtime', 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    assert.deepEqual(TOOLCHAIN.filter((name) => name in manifest.dependencies), []);
  });

  it('installs offline, and init + build give a server that plain node runs, checked through the typed client', async () => {
    const project = join(dir, 'todo-service');
    await run('mkdir', [project], dir);
    const lock = JSON.parse(await lockFor(tarballs)) as { packages: Record<string, { dependencies?: object; devDependencies?: object }> };
    const { dependencies, devDependencies } = lock.packages['']!;
    await writeFile(join(project, 'package.json'), JSON.stringify({ name: 'todo-service', dependencies, devDependencies }, null, 2) + '\n');
    await writeFile(join(project, 'package-lock.json'), JSON.stringify(lock, null, 2));
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

  it('takes a newcomer from `npm init -y` to a built server, then serves it from a production install without the toolchain', async () => {
    const project = join(dir, 'my-api');
    await mkdir(project);
    ok(await run('npm', ['init', '-y'], project));
    assert.equal((JSON.parse(await readFile(join(project, 'package.json'), 'utf8')) as { type?: string }).type, 'commonjs');
    await writeFile(join(project, 'package-lock.json'), await lockFor(tarballs, 'my-api'));
    const install = ['install', '--offline', '--ignore-scripts', '--no-audit', '--no-fund'];
    ok(await run('npm', [...install, '--save-dev', tarballs.specfirst], project));
    ok(await run('npm', [...install, tarballs.runtime], project));

    const init = await run('npx', ['specfirst', 'init', 'todo'], project);
    ok(init);
    assert.match(init.stdout, /changed package\.json: "type": "commonjs" → "module" \(no CommonJS file here\)/);
    ok(await run('npm', [...install], project)); // openapi-fetch, which init added for the typed client
    const pkg = JSON.parse(await readFile(join(project, 'package.json'), 'utf8')) as { dependencies: object; devDependencies: object; scripts: { start: string } };
    assert.deepEqual([Object.keys(pkg.dependencies), Object.keys(pkg.devDependencies)], [['@specfirst/runtime', 'openapi-fetch'], ['specfirst']]);
    assert.equal(pkg.scripts.start, 'specfirst-start dist/server/main.js');
    await writeFile(join(project, 'server', 'todo', 'handlers', 'list-todos.ts'), HANDLER);
    ok(await run('npm', ['run', 'build'], project));

    const server = await npmStart(project);
    try {
      const stub = await fetch(`${server.url}/todos/1`);
      assert.equal(stub.status, 501);
      await stub.body?.cancel();
    } finally {
      await server.stop();
    }

    const productionDir = await productionCopy(project);
    // The validators specfirst build compiled are there, and run from the production install
    // (their ajv runtime helpers found from @specfirst/runtime): no warning that they were not used.
    assert.ok((await readFile(join(productionDir, 'dist', 'server', 'todo', 'generated', 'validators.cjs'), 'utf8')).length > 0);
    const production = await npmStart(productionDir);
    try {
      const listed = await fetch(`${production.url}/todos?limit=1`);
      assert.equal(listed.status, 200);
      assert.deepEqual(((await listed.json()) as { title: string }[]).map((t) => t.title), ['Write the contract']);
      const invalid = await fetch(`${production.url}/todos?limit=500`);
      assert.equal(invalid.status, 400);
      const problem = (await invalid.json()) as { errors: { in: string; name: string }[] };
      assert.deepEqual(problem.errors.map((e) => [e.in, e.name]), [['query', 'limit']]);
      const docs = await fetch(`${production.url}/docs`);
      assert.equal(docs.status, 200);
      assert.match(await docs.text(), /swagger-ui/i);
      const redoc = await fetch(`${production.url}/redoc/redoc.standalone.js`);
      assert.equal(redoc.status, 200);
      assert.ok((await redoc.text()).length > 100_000, 'Redoc\'s bundle, served from the runtime package');
      assert.doesNotMatch(production.output(), /validators\.cjs/);
    } finally {
      await production.stop();
    }
  });

  it('upgrades a project made before the split: it builds and runs as it was, then `init --upgrade` makes it run without the toolchain', async () => {
    const project = join(dir, 'former');
    await mkdir(join(project, 'server'), { recursive: true });
    const openapiFetch = (JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> }).dependencies['openapi-fetch'];
    const former = { name: 'former', version: '0.1.0', private: true, type: 'module', scripts: { build: 'specfirst generate && specfirst build', start: 'specfirst start dist/server/main.js' }, dependencies: { 'openapi-fetch': openapiFetch } };
    await writeFile(join(project, 'package.json'), JSON.stringify(former, null, 2) + '\n');
    await writeFile(join(project, 'server', 'main.ts'), FORMER_MAIN);
    await writeFile(join(project, 'package-lock.json'), await lockFor(tarballs, 'former'));
    const install = ['install', '--offline', '--ignore-scripts', '--no-audit', '--no-fund'];
    ok(await run('npm', [...install, tarballs.specfirst], project)); // where the former init put it: dependencies
    ok(await run('npx', ['specfirst', 'init', 'todo'], project));
    // As the former init left package.json: the runtime came only as specfirst's own dependency.
    const pkg = JSON.parse(await readFile(join(project, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    delete pkg.dependencies['@specfirst/runtime'];
    await writeFile(join(project, 'package.json'), JSON.stringify(pkg, null, 2) + '\n');
    await writeFile(join(project, 'server', 'todo', 'handlers', 'get-todo.ts'), FORMER_HANDLER);
    ok(await run('npm', ['run', 'build'], project));
    const before = await npmStart(project);
    try {
      const missing = await fetch(`${before.url}/todos/7`);
      assert.equal(missing.status, 404);
      assert.equal(((await missing.json()) as { detail: string }).detail, 'no todo 7');
    } finally {
      await before.stop();
    }

    const upgrade = await run('npx', ['specfirst', 'init', '--upgrade'], project);
    ok(upgrade);
    assert.match(upgrade.stdout, /specfirst: dependencies → devDependencies/);
    assert.match(upgrade.stdout, /server\/main\.ts: 1 import\(s\) of "specfirst" now "@specfirst\/runtime"/);
    assert.match(upgrade.stdout, /server\/todo\/handlers\/get-todo\.ts: 1 import/);
    assert.match(await readFile(join(project, 'server', 'todo', 'handlers', 'get-todo.ts'), 'utf8'), /from "@specfirst\/runtime"/);
    ok(await run('npm', [...install, tarballs.runtime], project));
    ok(await run('npm', ['run', 'build'], project));

    const production = await npmStart(await productionCopy(project));
    try {
      const missing = await fetch(`${production.url}/todos/7`);
      assert.equal(missing.status, 404);
      assert.equal(((await missing.json()) as { detail: string }).detail, 'no todo 7');
      const invalid = await fetch(`${production.url}/todos/0`);
      assert.equal(invalid.status, 400);
      await invalid.body?.cancel();
    } finally {
      await production.stop();
    }
  });
});
