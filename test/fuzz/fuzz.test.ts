// `specfirst fuzz` on the example API (its real handlers, in this process, with the example's
// credentials) with a fixed seed and 100 runs per operation and kind of request; and on a small
// API with a planted bug, to show a failure is found, shrunk to the smallest request and
// printed with the seed that replays it.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { pino } from 'pino';
import { runFuzz } from '../../generator/commands/fuzz.js';
import { fuzz } from '../../generator/fuzz/run.js';
import { buildModel } from '../../generator/model/model.js';
import type { OpenAPIDocument } from '../../generator/contract/load.js';
import { exampleToken } from '../../server/petstore/example-token.js';
import { api as petstore } from '../../server/petstore/generated/routes.js';
import type { ApiDefinition } from '../../server/runtime/api.js';
import { ROOT, runCli, startServer, type RunningServer } from '../helpers.js';

const SEED = '20261125';

/** Runs `fn` with console.log captured; returns what it printed and its result. */
async function captured<T>(fn: () => Promise<T>): Promise<{ result: T; output: string }> {
  const lines: string[] = [];
  const log = console.log;
  console.log = (...args: unknown[]) => void lines.push(args.join(' '));
  try {
    return { result: await fn(), output: lines.join('\n') };
  } finally {
    console.log = log;
  }
}

describe('specfirst fuzz on the example API', () => {
  let server: RunningServer;
  before(async () => (server = await startServer({ apis: [petstore], logger: pino({ level: 'silent' }) })));
  after(() => server.close());

  it(`passes 100 runs per operation and kind of request with seed ${SEED}`, { timeout: 300_000 }, async () => {
    const token = await exampleToken(['pets:write']);
    const args = { url: server.url, runs: '100', seed: SEED, timeout: '3000', credential: ['apiKey=specfirst-example-key', `bearerAuth=${token}`] };
    const { result, output } = await captured(() => runFuzz(args, [`${ROOT}contracts/petstore.yaml`]));
    console.log(output);
    assert.match(output, /specfirst fuzz: 20 properties, 2000 requests checked, 0 failed \(seed 20261125\)/);
    assert.equal(result, 0);
  });
});

// A small API whose handler fails on names of three characters or more.
const THINGS: OpenAPIDocument = {
  openapi: '3.1.0',
  info: { title: 'Things', version: '1.0.0' },
  paths: {
    '/things': {
      post: {
        operationId: 'createThing',
        requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } } },
        responses: {
          '201': { description: 'created', content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } } },
          default: { description: 'error', content: { 'application/problem+json': { schema: { type: 'object' } } } },
        },
      },
    },
  },
  components: {
    schemas: {
      Thing: {
        type: 'object',
        additionalProperties: false,
        required: ['name'],
        properties: { name: { type: 'string', maxLength: 40 }, size: { type: 'integer', minimum: 0 }, tags: { type: 'array', items: { type: 'string' } } },
      },
    },
  },
};

const things: ApiDefinition = {
  name: 'things',
  title: 'Things',
  version: '1.0.0',
  document: THINGS,
  securitySchemes: {},
  routes: [
    {
      operation: 'createThing',
      method: 'post',
      path: '/things',
      expressPath: '/things',
      parameters: { path: [], query: [], header: [], cookie: [] },
      requestMediaTypes: ['application/json'],
      security: null,
      responses: { '201': ['application/json'], default: ['application/problem+json'] },
      handler: async ({ body }: { body: { name: string } }) => {
        if (body.name.length >= 3) throw new Error('planted bug');
        return { status: 201, body };
      },
    },
  ],
};

describe('specfirst fuzz finding a bug', () => {
  let server: RunningServer;
  before(async () => (server = await startServer({ apis: [things], logger: pino({ level: 'silent' }) })));
  after(() => server.close());

  it('shrinks the failure to the smallest request: a name of exactly three characters, no optional property', async () => {
    const model = buildModel(THINGS);
    const [valid] = await fuzz({ doc: THINGS, operations: model.operations, baseUrl: server.url, runs: 100, seed: 7, credentials: {}, timeoutMs: 3000 });
    assert.equal(valid!.kind, 'valid');
    assert.ok(valid!.failure, 'the planted bug is found');
    assert.deepEqual(valid!.failure.problems, ['the server failed with 500']);
    const body = JSON.parse(valid!.failure.request.body as string) as Record<string, unknown>;
    assert.deepEqual(Object.keys(body), ['name']);
    assert.equal((body.name as string).length, 3);
  });

  it('prints the shrunk request, the problem and the command that replays the run, and exits 1', async () => {
    const { result, output } = await captured(() => runFuzz({ url: server.url, runs: '50', seed: '7' }, []));
    assert.equal(result, 1);
    assert.match(output, /✗ POST \/things \(createThing\), valid requests: failed after \d+ run\(s\), shrunk \d+ time\(s\) to\n {4}POST \/things/);
    assert.match(output, /- the server failed with 500/);
    assert.match(output, new RegExp(`Replay: specfirst fuzz --url ${server.url.replace(/\./g, '\\.')} --runs 50 --seed 7`));
  });
});

describe('specfirst fuzz on the command line', () => {
  it('has --help with examples and exit codes', async () => {
    const r = await runCli(['fuzz', '--help']);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /Examples:\n  specfirst fuzz --url/);
    assert.match(r.stdout, /Exit status: 0 every check passed, 1 a check failed/);
  });

  it('exits 2 without --url', async () => {
    const r = await runCli(['fuzz', 'contracts/petstore.yaml']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--url is required/);
  });

  it('exits 1 when no contract is named and the server serves none', async () => {
    const r = await runCli(['fuzz', '--url', 'http://127.0.0.1:9']);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /no contract named and none at http:\/\/127\.0\.0\.1:9\/openapi\.json/);
  });
});
