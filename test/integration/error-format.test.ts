// The server's own errors obey contracts that declare their own error bodies: petstore-expanded
// (`default: Error{code, message}`), tictactoe (400 as text/html) and a contract with both
// problem+json and its own shape, each served with the error formatter generate wrote, over real
// HTTP. Every error body is checked here with an independent validator too; a formatter that throws
// or breaks the contract falls back to problem+json with one log line; the example is unchanged.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Ajv } from 'ajv';
import { planContract } from '../../generator/generate/plan-contract.js';
import type { ApiDefinition } from '../../server/runtime/api.js';
import { fixture, generateInto, importApi, LogCapture, ROOT, startServer, tempProject, type RunningServer } from '../helpers.js';

const JSON_HEADERS = { 'content-type': 'application/json' };

/** The API with one handler replaced. */
function withHandler(api: ApiDefinition, operation: string, handler: () => unknown): ApiDefinition {
  return { ...api, routes: api.routes.map((r) => (r.operation === operation ? { ...r, handler } : r)) };
}

/** An independent check of a body against a component schema of the generated openapi.json. */
async function schemaValidator(dir: string, api: string, schema: string): Promise<(value: unknown) => boolean> {
  const doc = JSON.parse(await readFile(join(dir, api, 'generated', 'openapi.json'), 'utf8')) as { components: { schemas: Record<string, object> } };
  const ajv = new Ajv({ strict: false, allErrors: true, formats: { int32: true, int64: true } });
  for (const [name, s] of Object.entries(doc.components.schemas)) ajv.addSchema(s, `#/components/schemas/${name}`);
  return ajv.compile({ $ref: `#/components/schemas/${schema}` }) as (value: unknown) => boolean;
}

let project: Awaited<ReturnType<typeof tempProject>>;
before(async () => {
  project = await tempProject('error-format');
  for (const c of ['oai-v3.0-petstore-expanded.yaml', 'oai-v3.1-tictactoe.yaml']) await generateInto(fixture('contracts', c), project.dir);
  await generateInto(fixture('runtime', 'error-shapes.yaml'), project.dir);
});
after(() => project.remove());

describe('petstore-expanded: default Error{code, message}', () => {
  let server: RunningServer;
  let isError: (value: unknown) => boolean;
  const logs = new LogCapture();
  before(async () => {
    const api = withHandler(await importApi(project.dir, 'oai-v3-0-petstore-expanded'), 'findPets', () => {
      throw new Error('secret internals');
    });
    isError = await schemaValidator(project.dir, 'oai-v3-0-petstore-expanded', 'Error');
    server = await startServer({ apis: [api], logger: logs.logger, bodyLimit: 200 });
  });
  after(() => server.close());

  const expectError = async (res: Response, status: number): Promise<{ code: number; message: string }> => {
    assert.equal(res.status, status);
    assert.equal(res.headers.get('content-type'), 'application/json; charset=utf-8');
    const body = (await res.json()) as { code: number; message: string };
    assert.ok(isError(body), JSON.stringify(body));
    assert.deepEqual(Object.keys(body), ['code', 'message']);
    assert.equal(body.code, status);
    return body;
  };

  it('answers a bad query with 400 Error naming the field', async () => {
    const body = await expectError(await fetch(`${server.url}/v2/pets?limit=many`), 400);
    assert.equal(body.message, 'One field does not match the contract. query limit: must be integer');
  });

  it('answers a bad body with 400 Error naming the field', async () => {
    const body = await expectError(await fetch(`${server.url}/v2/pets`, { method: 'POST', headers: JSON_HEADERS, body: '{"tag":1}' }), 400);
    assert.match(body.message, /^2 fields do not match the contract\. body .*: must have required property 'name'; body tag: must be string$/);
  });

  it('answers malformed JSON with 400 Error', async () => {
    await expectError(await fetch(`${server.url}/v2/pets`, { method: 'POST', headers: JSON_HEADERS, body: '{"name":' }), 400);
  });

  it('answers an unknown path with 404 Error', async () => {
    const body = await expectError(await fetch(`${server.url}/v2/owners`), 404);
    assert.equal(body.message, 'Nothing is served at GET /v2/owners.');
  });

  it('answers an undeclared method with 405 Error and the Allow header', async () => {
    await expectError(await fetch(`${server.url}/v2/pets`, { method: 'PATCH' }), 405);
  });

  it('answers a body in another media type with 415 Error', async () => {
    await expectError(await fetch(`${server.url}/v2/pets`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'Rex' }), 415);
  });

  it('answers a body over the limit with 413 Error', async () => {
    await expectError(await fetch(`${server.url}/v2/pets`, { method: 'POST', headers: JSON_HEADERS, body: JSON.stringify({ name: 'x'.repeat(500) }) }), 413);
  });

  it('answers an Accept it cannot satisfy with 406 Error', async () => {
    await expectError(await fetch(`${server.url}/v2/pets/1`, { headers: { accept: 'text/csv' } }), 406);
  });

  it('answers a handler that threw with 500 Error, without internals', async () => {
    const body = await expectError(await fetch(`${server.url}/v2/pets`), 500);
    assert.equal(body.message, 'Internal server error');
  });

  it('keeps the Allow header of a 405', async () => {
    const res = await fetch(`${server.url}/v2/pets`, { method: 'PATCH' });
    assert.equal(res.headers.get('allow'), 'GET, POST, HEAD');
  });

  it('logs no violation for any of them', () => {
    assert.equal(logs.lines.filter((l) => String(l.msg).includes('breaks the contract')).length, 0, logs.text());
  });
});

describe('a formatter that breaks the contract', () => {
  let server: RunningServer;
  const logs = new LogCapture();
  before(async () => {
    const api = await importApi(project.dir, 'oai-v3-0-petstore-expanded');
    let calls = 0;
    server = await startServer({
      apis: [{ ...api, errorFormatter: { 'application/json': () => (++calls % 2 === 1 ? { code: 'four hundred' } : assert.fail('formatter bug')) } }],
      logger: logs.logger,
    });
  });
  after(() => server.close());

  it('falls back to problem+json with one log line naming the violation', async () => {
    const res = await fetch(`${server.url}/v2/pets?limit=many`, { headers: { 'x-request-id': 'bad-body' } });
    assert.equal(res.status, 400);
    assert.equal(res.headers.get('content-type'), 'application/problem+json; charset=utf-8');
    assert.equal(((await res.json()) as { type: string }).type, 'urn:specfirst:problem:validation');
    const lines = logs.lines.filter((l) => (l.req as { id?: string } | undefined)?.id === 'bad-body' && String(l.msg).includes('breaks the contract'));
    assert.equal(lines.length, 1, logs.text());
    assert.match(String(lines[0]!.msg), /\/code must be integer.*\/message must have required property|must have required property 'message'.*\/code must be integer/);
  });

  it('falls back to problem+json with one log line when it throws', async () => {
    const res = await fetch(`${server.url}/v2/pets?limit=many`, { headers: { 'x-request-id': 'throws' } });
    assert.equal(res.status, 400);
    assert.equal(res.headers.get('content-type'), 'application/problem+json; charset=utf-8');
    const lines = logs.lines.filter((l) => (l.req as { id?: string } | undefined)?.id === 'throws' && String(l.msg).includes('breaks the contract'));
    assert.equal(lines.length, 1, logs.text());
    assert.match(String(lines[0]!.msg), /it threw formatter bug/);
  });
});

describe('tictactoe: 400 as text/html', () => {
  let server: RunningServer;
  const logs = new LogCapture();
  // Mock mode lets requests past the verifier stubs, so the parameters and body are what fails.
  const auth = { authorization: 'Bearer anything' };
  before(async () => {
    const api = withHandler(await importApi(project.dir, 'oai-v3-1-tictactoe'), 'getBoard', () => {
      throw new Error('secret internals');
    });
    server = await startServer({ apis: [api], logger: logs.logger, mock: true });
  });
  after(() => server.close());

  const expectHtml = async (res: Response): Promise<string> => {
    assert.equal(res.status, 400);
    assert.equal(res.headers.get('content-type'), 'text/html; charset=utf-8');
    const text = await res.text();
    assert.ok(text.length <= 256, text);
    return text;
  };

  it('answers a bad path parameter with a 400 text/html message', async () => {
    const text = await expectHtml(await fetch(`${server.url}/board/9/1`, { headers: auth }));
    assert.equal(text, 'One field does not match the contract. path row: must be &#60;= 3');
  });

  it('answers a bad body with a 400 text/html message', async () => {
    const text = await expectHtml(await fetch(`${server.url}/board/1/1`, { method: 'PUT', headers: { ...auth, ...JSON_HEADERS }, body: '"Z"' }));
    assert.equal(text, 'One field does not match the contract. body body: must be equal to one of the allowed values: &#34;.&#34;, &#34;X&#34;, &#34;O&#34;');
  });

  it('escapes and cuts what the client sent to fit the 256 characters of errorMessage', async () => {
    const res = await fetch(`${server.url}/board/1/1?${'<b>'.repeat(60)}=1`, { headers: auth });
    const text = await expectHtml(res);
    assert.ok(!text.includes('<'), text);
    assert.ok(text.endsWith('…'), text);
  });

  it('keeps problem+json where the contract declares nothing: 401, 404, 405, 415, 500', async () => {
    const cases: [string, RequestInit, number][] = [
      ['/board/1/1', {}, 401],
      ['/nowhere', {}, 404],
      ['/board', { method: 'DELETE' }, 405],
      ['/board/1/1', { method: 'PUT', headers: { ...auth, 'content-type': 'text/plain' }, body: 'X' }, 415],
      ['/board', { headers: { 'api-key': 'any' } }, 500],
    ];
    for (const [path, init, status] of cases) {
      const res = await fetch(server.url + path, init);
      assert.equal(res.status, status, path);
      assert.equal(res.headers.get('content-type'), 'application/problem+json; charset=utf-8', path);
    }
  });
});

describe('problem+json and the contract own shape for one status', () => {
  let server: RunningServer;
  let isFailure: (value: unknown) => boolean;
  const logs = new LogCapture();
  const key = { 'x-key': 'any' };
  before(async () => {
    isFailure = await schemaValidator(project.dir, 'error-shapes', 'Failure');
    server = await startServer({ apis: [await importApi(project.dir, 'error-shapes')], logger: logs.logger, mock: true });
  });
  after(() => server.close());

  const bad = (accept?: string) =>
    fetch(`${server.url}/things`, { method: 'POST', headers: { ...key, ...JSON_HEADERS, ...(accept ? { accept } : {}) }, body: '{}' });

  it('answers in the first declared media type when Accept leaves the choice', async () => {
    const res = await bad();
    assert.equal(res.status, 400);
    assert.equal(res.headers.get('content-type'), 'application/problem+json; charset=utf-8');
  });

  it('answers in the declared JSON shape when Accept asks for application/json', async () => {
    const res = await bad('application/json');
    assert.equal(res.status, 400);
    assert.equal(res.headers.get('content-type'), 'application/json; charset=utf-8');
    const body = (await res.json()) as { error: { status: number }; errors: { field: string; reason: string }[]; kind: string };
    assert.ok(isFailure(body), JSON.stringify(body));
    assert.equal(body.error.status, 400);
    assert.deepEqual(body.errors.map((e) => e.reason), ["must have required property 'name'"]);
  });

  it('answers 401 in the default shape with its WWW-Authenticate challenge, sampled fields included', async () => {
    const res = await fetch(`${server.url}/things`, { method: 'POST', headers: JSON_HEADERS, body: '{"name":"a"}' });
    assert.equal(res.status, 401);
    assert.ok(res.headers.get('www-authenticate'));
    const body = await res.json();
    assert.ok(isFailure(body), JSON.stringify(body));
  });

  it('answers a 4XX text/plain error cut to its maxLength', async () => {
    const res = await fetch(`${server.url}/plain?unknown=1`);
    assert.equal(res.status, 400);
    assert.equal(res.headers.get('content-type'), 'text/plain; charset=utf-8');
    assert.equal([...(await res.text())].length, 40);
  });

  it('keeps problem+json for a path no operation serves when the operations disagree on its shape', async () => {
    const res = await fetch(`${server.url}/nowhere`);
    assert.equal(res.status, 404);
    assert.equal(res.headers.get('content-type'), 'application/problem+json; charset=utf-8');
  });
});

describe('contracts that declare problem+json', () => {
  it('get no error formatter: the example petstore generates exactly what it did', async () => {
    const plan = await planContract(join(ROOT, 'contracts', 'petstore.yaml'));
    assert.deepEqual(plan.files.filter((f) => f.path.endsWith('errors.ts')), []);
    assert.ok(!plan.files.find((f) => f.path.endsWith('routes.ts'))!.content.includes('errorFormatter'));
  });

  it('warn at start-up when a contract declares its own error bodies and no formatter is bound', async () => {
    const logs = new LogCapture();
    const { errorFormatter: _, ...api } = await importApi(project.dir, 'oai-v3-0-petstore-expanded');
    const server = await startServer({ apis: [api], logger: logs.logger });
    try {
      assert.ok(logs.lines.some((l) => l.level === 40 && String(l.msg).includes('has no error formatter')), logs.text());
      const res = await fetch(`${server.url}/v2/pets?limit=many`);
      assert.equal(res.headers.get('content-type'), 'application/problem+json; charset=utf-8');
    } finally {
      await server.close();
    }
  });
});

