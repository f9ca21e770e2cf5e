// `specfirst dev` as a person uses it, in a project made by `specfirst init`: a new operation in
// the contract is served without restarting the command; a broken contract or a handler that
// stops compiling is reported at file:line:col while the last good version keeps serving; fixing
// it recovers. Prints the measured reload times (they are not asserted: the machine is noisy).
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ROOT, runCli, tempProject } from '../helpers.js';

const STATS = `  /stats:
    get:
      operationId: getStats
      summary: Statistics
      responses:
        '200':
          description: Counts.
          content:
            application/json:
              schema:
                type: object
                required: [total]
                properties:
                  total: { type: integer }
components:
`;

describe('specfirst dev', () => {
  let project: Awaited<ReturnType<typeof tempProject>>;
  let dev: ChildProcess;
  let output = '';
  let url = '';
  const reloads: number[] = [];
  const contract = () => join(project.dir, 'contracts', 'todo.yaml');

  /** Waits for a line matching `pattern` printed after `from` (an offset into the output). */
  async function waitFor(pattern: RegExp, from: number): Promise<RegExpExecArray> {
    for (let i = 0; i < 600; i++) {
      const m = pattern.exec(output.slice(from));
      if (m) return m;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`timed out waiting for ${pattern}; output:\n${output}`);
  }

  async function edit(file: string, change: (text: string) => string, expect: RegExp): Promise<RegExpExecArray> {
    const from = output.length;
    await writeFile(file, change(await readFile(file, 'utf8')));
    return waitFor(expect, from);
  }

  const reloaded = /✓ reloaded in (\d+) ms/;

  before(async () => {
    project = await tempProject('dev', { linkSpecfirst: true });
    const init = await runCli(['init', 'todo'], project.dir);
    assert.equal(init.code, 0, init.stderr);
    dev = spawn(process.execPath, [join(ROOT, 'generator', 'bin.js'), 'dev', '--port', '0'], { cwd: project.dir, env: { ...process.env, NO_COLOR: '1' } });
    dev.stdout!.on('data', (d: Buffer) => (output += d.toString()));
    dev.stderr!.on('data', (d: Buffer) => (output += d.toString()));
    url = (await waitFor(/API {6}(http:\/\/127\.0\.0\.1:\d+)\//, 0))[1]!;
    await waitFor(/✓ ready in/, 0);
  });

  after(async () => {
    if (dev.exitCode === null) dev.kill('SIGKILL');
    await project.remove();
  });

  it('serves the new API with its docs, stubs answering 501', async () => {
    assert.equal((await fetch(`${url}/todos`)).status, 501);
    assert.equal((await fetch(`${url}/docs`)).status, 200);
  });

  it('serves an operation added to the contract without restarting', async () => {
    const m = await edit(contract(), (t) => t.replace('components:\n', STATS), reloaded);
    reloads.push(Number(m[1]));
    assert.equal((await fetch(`${url}/stats`)).status, 501);
    const doc = (await (await fetch(`${url}/openapi.json`)).json()) as { paths: object };
    assert.ok('/stats' in doc.paths, '/openapi.json (and so /docs) shows it');
  });

  it('keeps serving the last good version while the contract is broken, then recovers', async () => {
    // A YAML syntax error leaves nothing to generate (a schema $ref to nothing would not: only the
    // operations that reach it are isolated, and the reload goes ahead).
    const broken = await edit(contract(), (t) => t.replace("'#/components/schemas/NewTodo'", "['#/components/schemas/NewTodo'"), /✗ .*still serving the last good version/);
    assert.ok(broken);
    assert.match(output, /contracts\/todo\.yaml:\d+:\d+ error yaml /);
    assert.equal((await fetch(`${url}/stats`)).status, 501, 'old routes still served');
    const m = await edit(contract(), (t) => t.replace("['#/components/schemas/NewTodo'", "'#/components/schemas/NewTodo'"), reloaded);
    reloads.push(Number(m[1]));
    assert.equal((await fetch(`${url}/todos`)).status, 501);
  });

  it('keeps serving while a handler does not compile, then serves the fixed handler', async () => {
    const handler = join(project.dir, 'server', 'todo', 'handlers', 'get-stats.ts');
    const write = (total: string) => () =>
      `import type { GetStatsResponse } from "../generated/operations.js";\nexport async function getStats(): Promise<GetStatsResponse> {\n  return { status: 200, body: { total: ${total} } };\n}\n`;
    await edit(handler, write('"many"'), /✗ 1 type error\(s\); still serving the last good version/);
    assert.match(output, /server\/todo\/handlers\/get-stats\.ts:3:\d+ error TS2322 (total: )?Type 'string' is not assignable to type 'number'\./);
    assert.equal((await fetch(`${url}/stats`)).status, 501, 'the stub still serves');
    const m = await edit(handler, write('42'), reloaded);
    reloads.push(Number(m[1]));
    const res = await fetch(`${url}/stats`);
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { total: 42 });
  });

  it('prints, on each save, the breaking changes since dev started, one line each', async () => {
    const m = await edit(contract(), (t) => t.replace('            maximum: 100\n', '            maximum: 50\n'), reloaded);
    reloads.push(Number(m[1]));
    assert.match(output, /breaking request-parameter-max-decreased GET \/todos: query parameter 'limit': maximum 100 → 50 \(contracts\/todo\.yaml:\d+:\d+\)/);
  });

  it('stops cleanly on Ctrl+C', async () => {
    const sorted = [...reloads].sort((a, b) => a - b);
    console.log(`# specfirst dev reload times (ms): ${reloads.join(', ')}; median ${sorted[Math.floor(sorted.length / 2)]}`);
    const exit = new Promise<number | null>((resolve) => dev.once('exit', resolve));
    dev.kill('SIGINT');
    assert.equal(await exit, 0);
  });
});
