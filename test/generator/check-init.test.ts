// `specfirst init` makes a project that is ready to run; `specfirst check` (what CI runs) passes on
// it and fails, saying why, on a stale generated file and on a handler with a wrong return type.
import assert from 'node:assert/strict';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runCli, tempProject } from '../helpers.js';

describe('specfirst init and check', () => {
  let project: Awaited<ReturnType<typeof tempProject>>;
  before(async () => (project = await tempProject('init', { linkSpecfirst: true })));
  after(() => project.remove());
  const cli = (...args: string[]) => runCli(args, project.dir);

  it('init writes a valid contract, its generated code and stubs, main.ts, tsconfig.json and the scripts', async () => {
    const r = await cli('init', 'todo');
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /wrote contracts\/todo\.yaml/);
    assert.match(r.stdout, /wrote server\/main\.ts/);
    assert.match(r.stdout, /wrote tsconfig\.json/);
    assert.match(r.stdout, /added to package\.json: scripts\.dev, scripts\.build, scripts\.start, scripts\.check/);
    const pkg = JSON.parse(await readFile(join(project.dir, 'package.json'), 'utf8')) as { type: string; scripts: Record<string, string> };
    assert.equal(pkg.type, 'module');
    assert.equal(pkg.scripts.start, 'specfirst-start dist/server/main.js');
    assert.deepEqual((await readdir(join(project.dir, 'server', 'todo', 'handlers'))).sort(), ['create-todo.ts', 'get-todo.ts', 'list-todos.ts']);
    assert.equal((await cli('lint')).code, 0);
  });

  it('init run again writes nothing and says what it kept', async () => {
    const before = await readFile(join(project.dir, 'package.json'), 'utf8');
    const r = await cli('init', 'todo');
    assert.equal(r.code, 0, r.stderr);
    assert.doesNotMatch(r.stdout, /wrote/);
    assert.match(r.stdout, /kept contracts\/todo\.yaml \(it exists\)/);
    assert.match(r.stdout, /kept server\/main\.ts \(it exists\)/);
    assert.equal(await readFile(join(project.dir, 'package.json'), 'utf8'), before);
  });

  it('check passes on the fresh project', async () => {
    const r = await cli('check');
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /✓ lint/);
    assert.match(r.stderr, /✓ generated {2}up to date/);
    assert.match(r.stderr, /✓ handlers {3}compile/);
  });

  it('check fails on a stale generated file, naming it', async () => {
    const routes = join(project.dir, 'server', 'todo', 'generated', 'routes.ts');
    const good = await readFile(routes, 'utf8');
    await writeFile(routes, good.replace('"Todo"', '"Todo!"'));
    const r = await cli('check');
    assert.equal(r.code, 1);
    assert.match(r.stderr, /server\/todo\/generated\/routes\.ts: stale or missing/);
    assert.match(r.stderr, /✗ generated {2}1 file\(s\) stale or missing/);
    await writeFile(routes, good);
  });

  it('check fails on a handler with a wrong return type, at its file:line:col, in one short line', async () => {
    await writeFile(
      join(project.dir, 'server', 'todo', 'handlers', 'get-todo.ts'),
      [
        'import type { GetTodoContext, GetTodoRequest, GetTodoResponse } from "../generated/operations.js";',
        'export async function getTodo({ params }: GetTodoRequest, _context: GetTodoContext): Promise<GetTodoResponse> {',
        '  return { status: 200, body: { id: params.todoId, title: "Write tests" } };',
        '}',
        '',
      ].join('\n'),
    );
    const r = await cli('check');
    assert.equal(r.code, 1);
    const line = r.stderr.split('\n').find((l) => l.includes('get-todo.ts'));
    assert.match(line ?? '', /^server\/todo\/handlers\/get-todo\.ts:3:\d+ error TS2\d+ .*'done'/);
    assert.ok(line!.length < 200, line);
    assert.match(r.stderr, /✗ handlers {3}1 type error\(s\)/);
    assert.match(r.stderr, /specfirst check: 1 step\(s\) failed/);
  });

  it('every command has --help with examples', async () => {
    for (const command of ['generate', 'lint', 'check', 'init', 'dev', 'build', 'start']) {
      const r = await cli(command, '--help');
      assert.equal(r.code, 0);
      assert.match(r.stdout, new RegExp(`Usage: specfirst ${command}`));
      assert.match(r.stdout, /Examples:/);
      assert.match(r.stdout, /Exit status:/);
    }
  });

  it('prints no colour codes when NO_COLOR is set or output is not a terminal', async () => {
    const r = await cli('check');
    assert.doesNotMatch(r.stderr + r.stdout, /\u001b\[/);
  });
});
