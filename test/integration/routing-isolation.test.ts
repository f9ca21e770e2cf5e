// One route table decides which operation a request is for — for dispatch, security and
// validation alike — with OpenAPI's precedence (concrete before templated, at every segment),
// whatever the order of the contract; and a schema the validator cannot compile takes down only
// the operations that reach it, found before the first request and named in a 500 problem.
import assert from 'node:assert/strict';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { stringify, parse } from 'yaml';
import { fixture, generateInto, importApi, LogCapture, runCli, startServer, tempProject, type RunningServer } from '../helpers.js';

/** Every handler answers with its own name and the path parameters it got, and counts its calls. */
function namedHandlers(names: string[]): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of names) {
    const file = name.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase());
    files[`${file}.ts`] = `
const calls = ((globalThis as Record<string, unknown>).__calls ??= {}) as Record<string, number>;
export const ${name} = async (request: { params: Record<string, unknown> }) => {
  calls[${JSON.stringify(name)}] = (calls[${JSON.stringify(name)}] ?? 0) + 1;
  return { status: 200 as const, body: { handler: ${JSON.stringify(name)}, params: request.params } };
};`;
  }
  return files;
}

const calls = (): Record<string, number> => ((globalThis as Record<string, unknown>).__calls ??= {}) as Record<string, number>;
const PRECEDENCE_OPS = ['getItem', 'listMine', 'getOrder', 'latestOrder', 'listNumbers', 'listLocalNumbers'];

async function serve(contract: string, name: string, handlers: Record<string, string>, logs = new LogCapture()) {
  const project = await tempProject(name);
  await generateInto(contract, project.dir);
  for (const [file, code] of Object.entries(handlers)) await writeFile(join(project.dir, name, 'handlers', file), code);
  // Verifiers accept the one key "good".
  await writeFile(
    join(project.dir, name, 'security', 'api-key.ts'),
    'export const apiKey = async ({ value }: { value: string }) => (value === "good" ? { [Symbol.for("specfirst.verdict")]: "allow", principal: { id: "tester" } } : { [Symbol.for("specfirst.verdict")]: "deny" });\n',
  ).catch(() => {});
  const server = await startServer({ apis: [await importApi(project.dir, name)], logger: logs.logger });
  return { project, server, logs };
}

for (const order of ['as written', 'order swapped'] as const) {
  describe(`route precedence (${order})`, () => {
    let server: RunningServer;
    let cleanup: () => Promise<void>;

    before(async () => {
      let contract = fixture('runtime', 'precedence.yaml');
      const project = await tempProject('precedence-src');
      if (order === 'order swapped') {
        const doc = parse(await readFile(contract, 'utf8')) as { paths: Record<string, unknown> };
        doc.paths = Object.fromEntries(Object.entries(doc.paths).reverse());
        contract = join(project.dir, 'precedence.yaml');
        await writeFile(contract, stringify(doc));
      }
      const served = await serve(contract, 'precedence', namedHandlers(PRECEDENCE_OPS));
      server = served.server;
      cleanup = async () => {
        await server.close();
        await served.project.remove();
        await project.remove();
      };
    });
    after(() => cleanup());

    const get = async (path: string, headers: Record<string, string> = {}) => {
      const before = { ...calls() };
      const res = await fetch(server.url + path, { headers });
      const ran = PRECEDENCE_OPS.filter((op) => (calls()[op] ?? 0) > (before[op] ?? 0));
      return { status: res.status, body: (await res.json()) as { handler?: string; params?: Record<string, unknown> }, ran };
    };

    it('serves a public concrete path with its own handler, not the secured templated one declared first', async () => {
      const r = await get('/items/mine');
      assert.equal(r.status, 200);
      assert.deepEqual(r.body, { handler: 'listMine', params: {} });
      assert.deepEqual(r.ran, ['listMine']);
    });

    it('still secures the templated path: 401 without credentials, and its handler never runs', async () => {
      const r = await get('/items/5');
      assert.equal(r.status, 401);
      assert.deepEqual(r.ran, []);
      const ok = await get('/items/5', { 'X-API-Key': 'good' });
      assert.deepEqual([ok.status, ok.body.handler, ok.body.params], [200, 'getItem', { itemId: 5 }]);
    });

    it('refuses a secured concrete path declared after a public templated one (401, no handler runs)', async () => {
      const r = await get('/orders/latest');
      assert.equal(r.status, 401);
      assert.deepEqual(r.ran, []);
      assert.equal((await get('/orders/latest', { 'X-API-Key': 'good' })).body.handler, 'latestOrder');
      assert.deepEqual((await get('/orders/o-1')).body, { handler: 'getOrder', params: { orderId: 'o-1' } });
    });

    it('applies the precedence at an inner segment and validates with the operation that won', async () => {
      assert.deepEqual((await get('/accounts/x/numbers/local?areaCode=415')).body, { handler: 'listLocalNumbers', params: { accountId: 'x' } });
      assert.equal((await get('/accounts/x/numbers/local?areaCode=abc')).status, 400, 'areaCode is listLocalNumbers’ parameter, an integer');
      assert.deepEqual((await get('/accounts/x/numbers/mobile')).body, { handler: 'listNumbers', params: { accountId: 'x', kind: 'mobile' } });
      assert.equal((await get('/accounts/x/numbers/landline')).status, 400, 'kind is checked against listNumbers’ enum');
    });

    it('answers HEAD wherever GET is served, with GET’s headers and no body', async () => {
      const res = await fetch(server.url + '/items/mine', { method: 'HEAD' });
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-type') ?? '', /application\/json/);
      assert.equal(await res.text(), '');
    });
  });
}

describe('isolation of what the validator cannot compile', () => {
  let project: Awaited<ReturnType<typeof tempProject>>;
  const contract = fixture('runtime', 'isolation.yaml');
  const handlers = {
    'fine.ts': 'export const fine = async () => ({ status: 200 as const, body: { ok: true } });\n',
    'bad-pattern.ts': 'export const badPattern = async () => ({ status: 200 as const, body: { ok: true } });\n',
    'bad-ref.ts': 'export const badRef = async () => ({ status: 204 as const });\n',
  };

  before(async () => {
    project = await tempProject('isolation');
    await generateInto(contract, project.dir);
    for (const [file, code] of Object.entries(handlers)) await writeFile(join(project.dir, 'isolation', 'handlers', file), code);
  });
  after(() => project.remove());

  async function check(logs: LogCapture) {
    const server = await startServer({ apis: [await importApi(project.dir, 'isolation')], logger: logs.logger });
    try {
      // Found at start-up, before any request, and logged once per broken operation.
      const startup = logs.lines.filter((l) => /cannot be served/.test(String(l.msg)));
      assert.deepEqual(startup.map((l) => l.operation).sort(), ['GET /bad-pattern (badPattern)', 'POST /bad-ref (badRef)']);
      const fine = await fetch(server.url + '/fine');
      assert.equal(fine.status, 200);
      assert.deepEqual(await fine.json(), { ok: true });
      for (const [method, path] of [['GET', '/bad-pattern'], ['POST', '/bad-ref']] as const) {
        const res = await fetch(server.url + path, { method, headers: { 'content-type': 'application/json' }, body: method === 'POST' ? '{}' : undefined });
        assert.equal(res.status, 500);
        const body = (await res.json()) as { type: string; detail: string };
        assert.equal(body.type, 'urn:specfirst:problem:contract-problem');
        assert.match(body.detail, /Invalid regular expression/);
      }
      assert.equal(logs.lines.filter((l) => /cannot be served/.test(String(l.msg))).length, 2, 'logged once, not per request');
      return startup;
    } finally {
      await server.close();
    }
  }

  it('serves every other operation and answers the broken ones 500 naming the contract problem at its line', async () => {
    const startup = await check(new LogCapture());
    const places = startup.flatMap((l) => (l.problems as { where: string }[]).map((p) => p.where)).sort();
    assert.deepEqual(places, ['test/fixtures/runtime/isolation.yaml:17:13', 'test/fixtures/runtime/isolation.yaml:43:11']);
  });

  it('finds the same problems at start-up when generate left no list of them', async () => {
    await rm(join(project.dir, 'isolation', 'generated', 'contract-problems.json'));
    const startup = await check(new LogCapture());
    assert.ok(startup.every((l) => (l.problems as { where: string }[]).every((p) => p.where.startsWith('openapi.json#/'))));
  });

  it('lint reports each at its file:line:col without stopping generation', async () => {
    const r = await runCli(['lint', contract]);
    assert.equal(r.code, 1);
    // A pattern no engine reads is lint's `pattern` error (schema-compile is not repeated at the same place).
    // Lint reads every schema, so it also reports the unused component (46:7) that no operation reaches
    // and the server therefore never needs to compile.
    const lines = (r.stdout + r.stderr).split('\n').filter((l) => / error (pattern|schema-compile) /.test(l));
    assert.deepEqual(lines.map((l) => l.split(' ')[0]).sort(), ['test/fixtures/runtime/isolation.yaml:17:13', 'test/fixtures/runtime/isolation.yaml:43:11', 'test/fixtures/runtime/isolation.yaml:46:7']);
  });
});
