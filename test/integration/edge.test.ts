// Every row of test/fixtures/edge/EXPECT.md as named tests: each small contract reduces one
// construct of a large real contract, is generated into a temporary project, gets tiny handlers
// that answer a valid response, and is served once on 127.0.0.1; the tests send the requests
// EXPECT.md names and assert the exact statuses. Rows that need the lint output ask the linter.
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import ts from 'typescript';
import { lintContractFile } from '../../generator/lint/lint-contract.js';
import type { Diagnostic } from '../../generator/contract/diagnostics.js';
import { blocksGeneration } from '../../generator/lint/catalogue.js';
import { ROOT, fixture, generateInto, serveGenerated, tempProject, type Served } from '../helpers.js';


const serve = (contract: string, responses: Record<string, string> = {}) => serveGenerated(contract, responses, 'edge');

const edge = (...parts: string[]) => fixture('edge', ...parts);
const json = (body: unknown): RequestInit => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const put = (body: unknown): RequestInit => ({ ...json(body), method: 'PUT' });

async function status(url: string, init?: RequestInit): Promise<number> {
  const res = await fetch(url, init);
  await res.arrayBuffer();
  return res.status;
}

/** The line (1-based) of the first line of `file` that contains `text`. */
async function lineOf(file: string, text: string): Promise<number> {
  const index = (await readFile(file, 'utf8')).split('\n').findIndex((l) => l.includes(text));
  assert.ok(index >= 0, `${text} is not in ${file}`);
  return index + 1;
}

async function lint(contract: string): Promise<Diagnostic[]> {
  return (await lintContractFile(contract)).diagnostics;
}

/** Asserts a diagnostic of `severity` at `line` of a file whose path ends with `fileEnd`. */
function assertReported(diagnostics: Diagnostic[], severity: Diagnostic['severity'], fileEnd: string, line: number): void {
  const found = diagnostics.some((d) => d.severity === severity && d.file.endsWith(fileEnd) && d.line === line);
  assert.ok(found, `expected a ${severity} at ${fileEnd}:${line}, got ${JSON.stringify(diagnostics.map((d) => `${d.file}:${d.line} ${d.severity} ${d.rule} ${d.message}`))}`);
}

describe('nullable30.yaml: 3.0 nullable: true beside oneOf, no type', () => {
  let s: Served;
  before(async () => (s = await serve(edge('nullable30.yaml'), { createWidget: '{ status: 201 }', listThings: '{ status: 200, body: { name: "a" } }' })));
  after(() => s.close());

  it('POST /widgets accepts {"size": null}, "s" and 3', async () => {
    for (const size of [null, 's', 3]) assert.equal(await status(`${s.url}/widgets`, json({ size })), 201, `size ${JSON.stringify(size)}`);
  });
  it('POST /widgets rejects {"size": true} with 400', async () => {
    assert.equal(await status(`${s.url}/widgets`, json({ size: true })), 400);
  });
  it('GET /things is unaffected', async () => {
    assert.equal(await status(`${s.url}/things`), 200);
  });
});

describe('nullable31.yaml: nullable in a 3.1 document', () => {
  let s: Served;
  before(async () => (s = await serve(edge('nullable31.yaml'), { createWidget: '{ status: 201 }', listThings: '{ status: 200, body: {} }' })));
  after(() => s.close());

  it('serves, and accepts null as the author meant and the generated types say', async () => {
    assert.equal(await status(`${s.url}/things`), 200);
    for (const size of [null, 's', 3]) assert.equal(await status(`${s.url}/widgets`, json({ size })), 201, `size ${JSON.stringify(size)}`);
    assert.equal(await status(`${s.url}/widgets`, json({ size: true })), 400);
  });
  it('lint warns that 3.1 spells it type: [..., "null"]', async () => {
    const file = edge('nullable31.yaml');
    assertReported(await lint(file), 'warning', 'nullable31.yaml', await lineOf(file, 'nullable: true'));
  });
});

describe('nullable-false30.yaml: nullable: false without type', () => {
  let s: Served;
  before(async () => (s = await serve(edge('nullable-false30.yaml'), { createModeration: '{ status: 200 }' })));
  after(() => s.close());

  it('serves: GET /things is 200', async () => {
    assert.equal(await status(`${s.url}/things`), 200);
  });
  it('nullable: false changes nothing: a model string is accepted, null and a number are not', async () => {
    assert.equal(await status(`${s.url}/moderations`, json({ model: 'latest' })), 200);
    assert.equal(await status(`${s.url}/moderations`, json({ model: 'custom-1' })), 200);
    assert.equal(await status(`${s.url}/moderations`, json({ model: null })), 400);
    assert.equal(await status(`${s.url}/moderations`, json({ model: 1 })), 400);
  });
});

describe('allof-nullable30.yaml: allOf: [$ref] + nullable: true, and {nullable: true} alone as an allOf member', () => {
  let s: Served;
  before(async () => (s = await serve(edge('allof-nullable30.yaml'), { updateFile: '{ status: 200, body: { url: "u" } }' })));
  after(() => s.close());

  it('shared_link: null and parent: null are accepted', async () => {
    assert.equal(await status(`${s.url}/files/1`, put({ shared_link: null, parent: null })), 200);
    assert.equal(await status(`${s.url}/files/1`, put({ shared_link: { url: 'u' }, parent: { url: 'p' } })), 200);
  });
  it('{"url": 1} is rejected', async () => {
    assert.equal(await status(`${s.url}/files/1`, put({ shared_link: { url: 1 } })), 400);
    assert.equal(await status(`${s.url}/files/1`, put({ parent: { url: 1 } })), 400);
  });
});

describe('typenull31.yaml: 3.1 type: [string, "null"] and anyOf with {type: "null"}', () => {
  let s: Served;
  before(async () => (s = await serve(edge('typenull31.yaml'), { createWidget: '{ status: 201 }' })));
  after(() => s.close());

  it('null and strings are accepted', async () => {
    assert.equal(await status(`${s.url}/widgets`, json({ a: null, b: null })), 201);
    assert.equal(await status(`${s.url}/widgets`, json({ a: 's', b: 's' })), 201);
  });
  it('numbers are rejected', async () => {
    assert.equal(await status(`${s.url}/widgets`, json({ a: 1 })), 400);
    assert.equal(await status(`${s.url}/widgets`, json({ b: 1 })), 400);
  });
});

describe('pattern-ref.yaml: a pattern with \\: and \\- in a referenced component', () => {
  let s: Served;
  before(async () => (s = await serve(edge('pattern-ref.yaml'), { createTag: '{ status: 201 }' })));
  after(() => s.close());

  it('serves: GET /ping is 200', async () => {
    assert.equal(await status(`${s.url}/ping`), 200);
  });
  it('enforces the pattern with its ECMA-262 meaning: a:b valid, a b invalid', async () => {
    assert.equal(await status(`${s.url}/tags`, json({ name: 'a:b' })), 201);
    assert.equal(await status(`${s.url}/tags`, json({ name: 'a b' })), 400);
  });
});

describe('pattern-param.yaml: a pattern with \\: and \\- in a path parameter', () => {
  let s: Served;
  before(async () => (s = await serve(edge('pattern-param.yaml'))));
  after(() => s.close());

  it('serves: GET /ping is 200', async () => {
    assert.equal(await status(`${s.url}/ping`), 200);
  });
  it('enforces the pattern with its ECMA-262 meaning: a:b valid, a b invalid', async () => {
    assert.equal(await status(`${s.url}/tags/a:b`), 200);
    assert.equal(await status(`${s.url}/tags/a%20b`), 400);
  });
});

describe('pattern-component.yaml: an unused component with such a pattern', () => {
  let s: Served;
  before(async () => (s = await serve(edge('pattern-component.yaml'))));
  after(() => s.close());

  it('never breaks anything: GET /ping is 200', async () => {
    assert.equal(await status(`${s.url}/ping`), 200);
  });
});

describe('readonly-param.yaml: readOnly: true in a parameter schema', () => {
  let s: Served;
  before(async () => (s = await serve(edge('readonly-param.yaml'))));
  after(() => s.close());

  it('GET /keys/5 is 200: readOnly/writeOnly apply to body properties only', async () => {
    assert.equal(await status(`${s.url}/keys/5`), 200);
  });
});

describe('accept-param.yaml: a declared Accept header parameter', () => {
  let s: Served;
  before(async () => (s = await serve(edge('accept-param.yaml'), { listApps: '{ status: 200, contentType: "application/json", body: {} }' })));
  after(() => s.close());

  it('is ignored as OpenAPI says: Accept: */* is fine', async () => {
    assert.equal(await status(`${s.url}/apps`, { headers: { accept: '*/*' } }), 200);
  });
  it('is ignored as OpenAPI says: no Accept, or Accept: application/json, is fine too', async () => {
    assert.equal(await status(`${s.url}/apps`, { headers: { accept: 'application/json' } }), 200);
    assert.equal(await status(`${s.url}/apps`), 200);
  });
});

describe('reserved.yaml: query values with : / @ , ? unencoded', () => {
  let s: Served;
  before(async () => (s = await serve(edge('reserved.yaml'))));
  after(() => s.close());

  it('GET /events?since=2024-01-01T00:00:00Z is 200', async () => {
    assert.equal(await status(`${s.url}/events?since=2024-01-01T00:00:00Z`), 200);
  });
  it('GET /events?q=a:b/c@d,e?f is 200, as curl and browsers send it', async () => {
    assert.equal(await status(`${s.url}/events?q=a:b/c@d,e?f`), 200);
  });
});

describe('order.yaml: a templated path declared before a concrete one that it also matches', () => {
  let s: Served;
  before(
    async () =>
      (s = await serve(edge('order.yaml'), {
        getNumber: '{ status: 200, body: { sid: "from getNumber" } }',
        listLocalNumbers: '{ status: 200, body: { numbers: ["from listLocalNumbers"] } }',
      })),
  );
  after(() => s.close());

  it('GET /accounts/x/numbers/local is served and validated by listLocalNumbers', async () => {
    const res = await fetch(`${s.url}/accounts/x/numbers/local`);
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { numbers: ['from listLocalNumbers'] });
  });
  it('GET /accounts/x/numbers/PN1 is still served by getNumber', async () => {
    const res = await fetch(`${s.url}/accounts/x/numbers/PN1`);
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { sid: 'from getNumber' });
  });
});

describe('content-prop.yaml: a schema property named content', () => {
  let s: Served;
  before(async () => (s = await serve(edge('content-prop.yaml'), { createNote: '{ status: 201 }' })));
  after(() => s.close());

  it('is a property, not a media-type map: {"content": {"schema": 1}} is rejected (additionalProperties false)', async () => {
    assert.equal(await status(`${s.url}/notes`, json({ content: { schema: 1 } })), 400);
  });
  it('{"content": {"text": "hi"}} is accepted', async () => {
    assert.equal(await status(`${s.url}/notes`, json({ content: { text: 'hi' } })), 201);
  });
});

for (const folder of ['opref', 'opref2']) {
  describe(`${folder}/: operation objects given as $ref to another file, reaching a recursive schema`, () => {
    const contract = edge(folder, 'openapi.yaml');
    const responses = { getNode: '{ status: 200, body: { children: [{ children: [] }] } }', getFlat: '{ status: 200, body: { name: "n" } }' };
    let s: Served | undefined;
    let failure: unknown;
    // Loading is what this row is about: a contract that does not load fails the tests, not the hook.
    before(async () => void (s = await serve(contract, responses).catch((error: unknown) => void (failure = error))));
    after(() => s?.close());

    it('loads, generates and serves every operation', async () => {
      if (!s) throw failure;
      assert.equal(await status(`${s.url}/nodes`), 200);
      if (folder === 'opref') assert.equal(await status(`${s.url}/flat`), 200);
    });
    it('its recursive types compile, and a handler can return a tree', async () => {
      const project = await tempProject('edge-types');
      try {
        const plan = await generateInto(contract, project.dir);
        const handler = join(project.dir, plan.name, 'handlers', 'get-node.ts');
        await writeFile(handler, 'import type { Handlers } from "../generated/operations.js";\nexport const getNode: Handlers["getNode"] = async () => ({ status: 200, body: { children: [{ children: [] }] } });\n');
        const files = [join(project.dir, plan.name, 'generated', 'routes.ts'), handler];
        const program = ts.createProgram(files, { strict: true, noEmit: true, skipLibCheck: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, types: ['node'], typeRoots: [join(ROOT, 'node_modules', '@types')] });
        assert.deepEqual(ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, ' ')), []);
      } finally {
        await project.remove();
      }
    });
  });
}

describe('pathref/: a path item $ref to a file with a misspelled field and a recursive schema', () => {
  it('lint reports bogusField at its line in nodes-path.yaml', async () => {
    const file = edge('pathref', 'nodes-path.yaml');
    assertReported(await lint(edge('pathref', 'openapi.yaml')), 'error', 'nodes-path.yaml', await lineOf(file, 'bogusField'));
  });
});

describe('empty-enum.yaml: enum: [] (valid JSON Schema: matches nothing)', () => {
  let s: Served;
  before(async () => (s = await serve(edge('empty-enum.yaml'), { listRequests: '{ status: 200, body: [] }' })));
  after(() => s.close());

  it('GET /ping is 200', async () => {
    assert.equal(await status(`${s.url}/ping`), 200);
  });
  it('GET /requests without status is 200', async () => {
    assert.equal(await status(`${s.url}/requests`), 200);
  });
  it('GET /requests?status=1 is 400: the enum matches nothing', async () => {
    assert.equal(await status(`${s.url}/requests?status=1`), 400);
  });
  it('lint warns', async () => {
    const file = edge('empty-enum.yaml');
    assertReported(await lint(file), 'warning', 'empty-enum.yaml', await lineOf(file, 'enum: []'));
  });
});

describe('exclusive-bool31.yaml: 3.0-style exclusiveMinimum: true in a 3.1 document', () => {
  let s: Served;
  before(async () => (s = await serve(edge('exclusive-bool31.yaml'), { createRun: '{ status: 201 }' })));
  after(() => s.close());

  it('lint reports it at its line', async () => {
    const file = edge('exclusive-bool31.yaml');
    const diagnostics = await lint(file);
    const line = await lineOf(file, 'exclusiveMinimum: true');
    assert.ok(diagnostics.some((d) => d.file.endsWith('exclusive-bool31.yaml') && d.line === line), JSON.stringify(diagnostics));
  });
  it('the contract still generates and every other operation is served: GET /ping is 200', async () => {
    assert.equal(await status(`${s.url}/ping`), 200);
  });
  it('the bound keeps its 3.0 meaning: temperature 0 is rejected, 0.5 accepted', async () => {
    assert.equal(await status(`${s.url}/runs`, json({ temperature: 0 })), 400);
    assert.equal(await status(`${s.url}/runs`, json({ temperature: 0.5 })), 201);
  });
});

describe('typo-type31.yaml: type: strnig in a 3.1 schema', () => {
  it('specfirst lint reports it as an error at line 16', async () => {
    assertReported(await lint(edge('typo-type31.yaml')), 'error', 'typo-type31.yaml', 16);
  });
  it('if generation goes on, GET /ping is served', async (t) => {
    if (blocksGeneration(await lint(edge('typo-type31.yaml')))) return t.skip('generation stops at the lint error');
    const s = await serve(edge('typo-type31.yaml'), { ping: '{ status: 200, body: {} }', listPets: '{ status: 200, body: [] }' });
    try {
      assert.equal(await status(`${s.url}/ping`), 200);
      // Start-up, not the first request, finds what cannot compile.
      assert.ok(s.logs.text().includes('strnig'), 'the schema that cannot compile is logged at start-up');
    } finally {
      await s.close();
    }
  });
});

describe('query-in-path-key.yaml: a path key containing ?beta=true', () => {
  it('lint reports it at its line', async () => {
    const file = edge('query-in-path-key.yaml');
    const line = await lineOf(file, '/responses/compact?beta=true');
    assert.ok((await lint(file)).some((d) => d.file.endsWith('query-in-path-key.yaml') && d.line === line));
  });
  it('the contract still generates and every other operation is served (/alpha, /zeta)', async () => {
    const s = await serve(edge('query-in-path-key.yaml'), { compact: '{ status: 200 }' });
    try {
      assert.equal(await status(`${s.url}/alpha`), 200);
      assert.equal(await status(`${s.url}/zeta`), 200);
    } finally {
      await s.close();
    }
  });
});

describe('discriminator-implicit.yaml: discriminator without mapping whose values are not schema names', () => {
  let s: Served;
  before(async () => (s = await serve(edge('discriminator-implicit.yaml'), { postMessage: '{ status: 200 }' })));
  after(() => s.close());

  it('{"role":"user","text":"hi"} is accepted: a discriminator is a hint, oneOf decides validity', async () => {
    assert.equal(await status(`${s.url}/messages`, json({ role: 'user', text: 'hi' })), 200);
  });
  it('{"role":"UserMessage","text":"hi"} is rejected: no branch accepts it', async () => {
    assert.equal(await status(`${s.url}/messages`, json({ role: 'UserMessage', text: 'hi' })), 400);
  });
});
