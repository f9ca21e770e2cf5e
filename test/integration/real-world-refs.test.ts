// $refs as real contracts write them (issue 16, items 1-3): a pointer that passes through another
// $ref, a $ref that leads nowhere, $refs where OpenAPI expects none (a properties map, an example,
// a markdown description) and an example file that is not valid JSON. Each contract is generated
// into a temporary project, type-checked with tsc, and served on 127.0.0.1.
import assert from 'node:assert/strict';
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import ts from 'typescript';
import type { Diagnostic } from '../../generator/contract/diagnostics.js';
import { lintContractFile } from '../../generator/lint/lint-contract.js';
import { ROOT, fixture, generateInto, importApi, LogCapture, startServer, tempProject } from '../helpers.js';

interface Served {
  url: string;
  diagnostics: Diagnostic[];
  /** tsc's errors over the generated code and the handlers. */
  typeErrors: string[];
  close(): Promise<void>;
}

/** Generates, writes a handler per operation answering `answers[name]` (default 200 `{}`), type-checks, serves. */
async function serve(contract: string, answers: Record<string, string> = {}): Promise<Served> {
  const project = await tempProject('real-world-refs');
  try {
    const plan = await generateInto(contract, project.dir);
    for (const op of plan.model!.operations) {
      const answer = answers[op.name] ?? '{ status: 200, body: {} }';
      await writeFile(
        join(project.dir, plan.name, 'handlers', `${op.fileStem}.ts`),
        `import type { Handlers } from "../generated/operations.js";\nexport const ${op.name}: Handlers[${JSON.stringify(op.name)}] = async () => (${answer}) as never;\n`,
      );
    }
    const dir = join(project.dir, plan.name);
    const files = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile() && e.name.endsWith('.ts')).map((e) => join(e.parentPath, e.name));
    const program = ts.createProgram(files, {
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      customConditions: ['specfirst-source'],
      lib: ['lib.es2023.d.ts'],
      types: ['node'],
      typeRoots: [join(ROOT, 'node_modules', '@types')],
      strict: true,
      noEmit: true,
      skipLibCheck: true,
    });
    const typeErrors = ts.getPreEmitDiagnostics(program).map((d) => `${d.file?.fileName}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
    const server = await startServer({ apis: [await importApi(project.dir, plan.name)], logger: new LogCapture().logger });
    return {
      url: server.url,
      diagnostics: plan.diagnostics,
      typeErrors,
      close: async () => {
        await server.close();
        await project.remove();
      },
    };
  } catch (error) {
    await project.remove();
    throw error;
  }
}

const post = (body: unknown): RequestInit => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const status = async (url: string, init?: RequestInit): Promise<number> => {
  const res = await fetch(url, init);
  await res.arrayBuffer();
  return res.status;
};
const at = (diagnostics: Diagnostic[], rule: string): string[] => diagnostics.filter((d) => d.rule === rule).map((d) => `${d.file}:${d.line}:${d.column} ${d.severity}`);

describe('ref-through-ref/: a $ref pointer that passes through another $ref', () => {
  let s: Served;
  before(async () => (s = await serve(fixture('real-world', 'ref-through-ref', 'openapi.yaml'), { setSize: '{ status: 204 }', setCode: '{ status: 204 }' })));
  after(() => s.close());

  it('generates code that compiles', () => assert.deepEqual(s.typeErrors, []));

  it('resolves a pointer through a $ref in the same file: the body is validated against the schema it names', async () => {
    assert.equal(await status(`${s.url}/sizes`, post(5)), 204);
    assert.equal(await status(`${s.url}/sizes`, post(0)), 400);
    assert.equal(await status(`${s.url}/sizes`, post('5')), 400);
  });

  it('resolves a pointer through a $ref in another file', async () => {
    assert.equal(await status(`${s.url}/codes`, post('ABC')), 204);
    assert.equal(await status(`${s.url}/codes`, post('abc')), 400);
  });

  it('lint warns at each such $ref that the pointer is not portable', () => {
    assert.deepEqual(at(s.diagnostics, 'ref-through-ref'), [
      'test/fixtures/real-world/ref-through-ref/openapi.yaml:29:15 warning',
      'test/fixtures/real-world/ref-through-ref/openapi.yaml:39:22 warning',
    ]);
  });
});

describe('dangling-ref.yaml: a $ref that leads nowhere takes down only the operations that reach it', () => {
  let s: Served;
  before(async () => (s = await serve(fixture('real-world', 'dangling-ref.yaml'), { plain: '{ status: 200, body: { ok: true } }', brokenFile: '{ status: 204 }' })));
  after(() => s.close());

  it('generates code that compiles', () => assert.deepEqual(s.typeErrors, []));

  it('serves the plain operation', async () => {
    const res = await fetch(`${s.url}/plain`);
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { ok: true });
  });

  it('answers the broken ones 500 problem+json naming the $ref', async () => {
    for (const [path, init, ref] of [['/broken', undefined, '#/components/schemas/Renamed'], ['/broken-file', post({}), './schemas/nowhere.yaml']] as const) {
      const res = await fetch(s.url + path, init);
      assert.equal(res.status, 500, path);
      assert.match(res.headers.get('content-type') ?? '', /^application\/problem\+json/);
      const body = (await res.json()) as { type: string; detail: string };
      assert.equal(body.type, 'urn:specfirst:problem:contract-problem');
      assert.ok(body.detail.includes(ref), `${path}: ${body.detail}`);
    }
  });

  it('lint reports each dangling $ref as an error at its place, without stopping generation', () => {
    assert.deepEqual(at(s.diagnostics, 'ref'), ['test/fixtures/real-world/dangling-ref.yaml:15:72 error', 'test/fixtures/real-world/dangling-ref.yaml:22:22 error']);
  });
});

describe('unexpected-refs/: $refs where OpenAPI expects none, relative to the file that holds them', () => {
  let s: Served;
  before(async () => (s = await serve(fixture('real-world', 'unexpected-refs', 'openapi.yaml'), { createThing: '{ status: 200, body: { name: "anvil" } }' })));
  after(() => s.close());

  it('generates code that compiles', () => assert.deepEqual(s.typeErrors, []));

  it('takes a properties map given as $ref from its file: the body is validated against it', async () => {
    assert.equal(await status(`${s.url}/things`, post({ name: 'anvil', size: 3 })), 200);
    assert.equal(await status(`${s.url}/things`, post({ name: '' })), 400);
    assert.equal(await status(`${s.url}/things`, post({ name: 'anvil', size: 'big' })), 400);
  });

  it('publishes the markdown file as the description and the example file as the example', async () => {
    const doc = (await (await fetch(`${s.url}/openapi.json`)).json()) as { components: { schemas: Record<string, { description: string; example: unknown }> } };
    const thing = Object.values(doc.components.schemas)[0]!;
    assert.equal(thing.description, 'A thing, described in **markdown**.\n');
    assert.deepEqual(thing.example, { name: 'anvil', size: 3 });
  });

  it('drops the example file that is not valid JSON, with a warning at its $ref naming the syntax error', () => {
    const dropped = s.diagnostics.filter((d) => d.rule === 'ref-dropped');
    assert.deepEqual(at(dropped, 'ref-dropped'), ['test/fixtures/real-world/unexpected-refs/openapi.yaml:16:24 warning']);
    assert.match(dropped[0]!.message, /schemas\/examples\/broken\.json:2:25/);
    assert.deepEqual(s.diagnostics.filter((d) => d.severity === 'error'), []);
  });
});
