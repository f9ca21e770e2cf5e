// A project built with `specfirst build` serves with the validators the build wrote (validators.cjs):
// it answers as the same project run from its sources does (200, the same 400 problem+json, a bad
// response not sent), and never loads ajv's compiler nor express-openapi-validator's ajv factory
// to do it (every module the process loads is recorded, as in test/generator/import-weight.test.ts).
// A validators.cjs made for another version of the contract is ignored: still the same answers.
// The runtime is the repository's sources (the specfirst-source condition): `dist/` holds the project's
// own compiled code, as `specfirst build` makes it.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fixture, generateInto, ROOT, tempProject } from '../helpers.js';

const CONTRACT = `openapi: 3.1.0
info: { title: Things, version: 1.0.0 }
paths:
  /things:
    get:
      operationId: listThings
      parameters:
        - { name: limit, in: query, schema: { type: integer, minimum: 1, maximum: 10, default: 5 } }
      responses:
        '200': { description: ok, content: { application/json: { schema: { type: array, items: { $ref: '#/components/schemas/Thing' } } } } }
    post:
      operationId: addThing
      requestBody: { required: true, content: { application/json: { schema: { $ref: '#/components/schemas/Thing' } } } }
      responses:
        '201': { description: made, content: { application/json: { schema: { $ref: '#/components/schemas/Thing' } } } }
  /bad:
    get:
      operationId: badThing
      responses:
        '200': { description: ok, content: { application/json: { schema: { $ref: '#/components/schemas/Thing' } } } }
components:
  schemas:
    Thing:
      type: object
      required: [id, name]
      properties:
        id: { type: integer, readOnly: true }
        name: { type: string, minLength: 1 }
        size: { type: string, enum: [small, large], default: small }
        made: { type: string, format: date-time }
`;

const HANDLERS: Record<string, string> = {
  'list-things.ts': 'export const listThings = async (request: any) => ({ status: 200, body: [{ id: request.query.limit, name: "a", made: "2026-01-02T03:04:05Z" }] }) as never;\n',
  'add-thing.ts': 'export const addThing = async (request: any) => ({ status: 201, body: { ...request.body, id: 2 } }) as never;\n',
  'bad-thing.ts': 'export const badThing = async () => ({ status: 200, body: { id: "not a number", name: "leaked" } }) as never;\n',
};

const TSCONFIG = {
  compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', lib: ['ES2023'], types: ['node'], strict: true, skipLibCheck: true, outDir: 'dist', rootDir: '.', customConditions: ['specfirst-source'] },
  include: ['server'],
};

/** The requests every run makes, in order. */
const REQUESTS: { method: string; path: string; body?: unknown }[] = [
  { method: 'GET', path: '/things?limit=3' },
  { method: 'GET', path: '/things' },
  { method: 'GET', path: '/things?limit=99' },
  { method: 'POST', path: '/things', body: { name: 'b' } },
  { method: 'POST', path: '/things', body: { id: 4, name: '', size: 'huge' } },
  { method: 'GET', path: '/bad' },
];

interface Answer {
  status: number;
  type: string | null;
  body: unknown;
}

interface Run {
  answers: Answer[];
  /** Every module the process loaded. */
  modules: string[];
  output: string;
}

/** ajv's compiler and express-openapi-validator's factory: what a built server must not need. */
const COMPILER = /\/node_modules\/(ajv\/dist\/(core|ajv|2020|compile\/index)\.js|ajv-draft-04\/|express-openapi-validator\/dist\/framework\/ajv\/index\.js)/;

const compilerModules = (run: Run): string[] => run.modules.filter((m) => COMPILER.test(m.replaceAll('\\', '/')));

/** Runs `entry` in the project (node, tsx for the runtime's sources), makes REQUESTS, waits for `logged` if given, stops it. */
async function serve(dir: string, entry: string, logged?: RegExp): Promise<Run> {
  const log = join(dir, `imports-${Math.random().toString(36).slice(2)}.log`);
  const child = spawn(process.execPath, ['--import', fixture('import-log', 'record-imports.mjs'), '--conditions=specfirst-source', '--import', 'tsx', entry], {
    cwd: dir,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', SPECFIRST_BANNER: '1', NO_COLOR: '1', SPECFIRST_IMPORT_LOG: log },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  // 'close': the output is all in (the logger writes its last lines as the process exits).
  const exited = new Promise<number | null>((resolve) => child.once('close', resolve));
  try {
    let url: string | undefined;
    for (let i = 0; i < 600 && !url; i++) {
      url = /API {5}(http:\/\/[^/\s]+)/.exec(output)?.[1];
      if (!url) await new Promise((r) => setTimeout(r, 50));
    }
    assert.ok(url, `the server did not start: ${output}`);
    const answers: Answer[] = [];
    for (const r of REQUESTS) {
      const res = await fetch(url + r.path, { method: r.method, ...(r.body === undefined ? {} : { body: JSON.stringify(r.body), headers: { 'content-type': 'application/json' } }) });
      const text = await res.text();
      const body = text ? (JSON.parse(text) as Record<string, unknown>) : null;
      if (body && typeof body === 'object') delete body.requestId;
      answers.push({ status: res.status, type: res.headers.get('content-type'), body });
    }
    // Log lines are written in batches (logger.ts): wait for the one expected before stopping.
    for (let i = 0; i < 200 && logged && !logged.test(output); i++) await new Promise((r) => setTimeout(r, 50));
    child.kill('SIGTERM');
    assert.equal(await exited, 0, output);
    const modules = [...new Set((await readFile(log, 'utf8')).split('\n').filter(Boolean))];
    return { answers, modules, output };
  } finally {
    child.kill('SIGKILL');
  }
}

function build(dir: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'generator', 'bin.js'), 'build'], { cwd: dir, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.once('exit', (code) => (code === 0 ? resolve(output) : reject(new Error(`specfirst build exited ${code}: ${output}`))));
  });
}

describe('a built server and validators.cjs', () => {
  let project: Awaited<ReturnType<typeof tempProject>>;
  let validatorsFile: string;
  let written: string;
  let fromSources: Run;
  let built: Run;
  before(async () => {
    project = await tempProject('built-validators', { linkSpecfirst: true });
    await writeFile(join(project.dir, 'tsconfig.json'), JSON.stringify(TSCONFIG));
    await writeFile(join(project.dir, 'things.yaml'), CONTRACT);
    await generateInto(join(project.dir, 'things.yaml'), join(project.dir, 'server'));
    await copyFile(join(ROOT, 'server', 'main.ts'), join(project.dir, 'server', 'main.ts'));
    for (const [file, text] of Object.entries(HANDLERS)) await writeFile(join(project.dir, 'server', 'things', 'handlers', file), text);
    const said = await build(project.dir);
    assert.match(said, /dist\/server\/things\/generated\/validators\.cjs/);
    validatorsFile = join(project.dir, 'dist', 'server', 'things', 'generated', 'validators.cjs');
    written = await readFile(validatorsFile, 'utf8');
    fromSources = await serve(project.dir, join('server', 'main.ts'));
    built = await serve(project.dir, join('dist', 'server', 'main.js'));
  });
  after(() => project.remove());

  it('answers a valid request 200, with the parameter default filled in', () => {
    assert.deepEqual(built.answers.slice(0, 2).map((a) => [a.status, a.body]), [
      [200, [{ id: 3, name: 'a', made: '2026-01-02T03:04:05Z' }]],
      [200, [{ id: 5, name: 'a', made: '2026-01-02T03:04:05Z' }]],
    ]);
    assert.deepEqual(built.answers[3], { status: 201, type: 'application/json; charset=utf-8', body: { name: 'b', size: 'small', id: 2 } });
  });

  it('answers invalid requests 400 with the problem+json body the server run from its sources sends', () => {
    for (const i of [2, 4]) {
      assert.equal(built.answers[i]!.status, 400);
      assert.match(built.answers[i]!.type ?? '', /^application\/problem\+json/);
    }
    assert.match(JSON.stringify(built.answers[4]!.body), /is read-only/);
    assert.deepEqual(built.answers, fromSources.answers);
  });

  it('does not send a response that breaks the contract', () => {
    assert.equal(built.answers[5]!.status, 500);
    assert.doesNotMatch(JSON.stringify(built.answers[5]!.body), /leaked/);
  });

  it('never loads ajv\'s compiler nor express-openapi-validator\'s factory', () => {
    assert.ok(built.modules.some((m) => m.includes('/dist/server/main.js')), 'the import log recorded the built server');
    assert.ok(built.modules.some((m) => m.includes('ajv/dist/runtime/')), 'the written validators ran');
    assert.deepEqual(compilerModules(built), []);
    // The same project from its sources has no validators.cjs, and compiles.
    assert.notDeepEqual(compilerModules(fromSources), []);
  });

  it('ignores a validators.cjs made for another version of the contract, and answers the same', async () => {
    await writeFile(validatorsFile, written.replace(/^(\/\/ specfirst validators 1 sha256:)[0-9a-f]+/, '$1' + '0'.repeat(64)));
    try {
      const said = /validators\.cjs was built for another version of openapi\.json/;
      const stale = await serve(project.dir, join('dist', 'server', 'main.js'), said);
      assert.deepEqual(stale.answers, fromSources.answers);
      assert.equal(stale.output.match(new RegExp(said, 'g'))?.length, 1, 'said once');
      assert.notDeepEqual(compilerModules(stale), []);
    } finally {
      await writeFile(validatorsFile, written);
    }
  });

  it('writes the same validators.cjs when built again', async () => {
    await build(project.dir);
    assert.equal(await readFile(validatorsFile, 'utf8'), written);
  });
});
