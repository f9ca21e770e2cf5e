// The contract's security enforced over real HTTP: every scheme type (apiKey in header, query and
// cookie; HTTP basic and bearer; OAuth 2; OpenID Connect) and every combination (global default,
// per-operation override, public `[]`, OR, AND, optional `{}`), each with missing, malformed, wrong,
// valid-without-scope and valid credentials. Asserts status, WWW-Authenticate, the problem body,
// that the handler ran only when allowed (calls are counted), the principal it saw, and that no
// credential reaches the logs.
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fixture, generateInto, importApi, LogCapture, startServer, tempProject, type RunningServer } from '../helpers.js';

const OPS = ['globalDefault', 'override', 'publicOp', 'either', 'both', 'optional', 'queryKey', 'cookieKey', 'oauth', 'oidc'];
const fileOf = (name: string) => name.replace(/([A-Z])/g, '-$1').toLowerCase();

const KEY_VERIFIER = (name: string) => `import { allow, deny, type Verifier } from "../generated/security.js";
export const ${name} = (async ({ value }) => (value === "good-key" ? allow({ id: "key-client" }) : deny("unknown key"))) satisfies Verifier<"${name}">;\n`;
const TOKEN_VERIFIER = (name: string) => `import { allow, deny, type Verifier } from "../generated/security.js";
export const ${name} = (async ({ token }) =>
  token === "token-write" ? allow({ id: "writer" }, ["read", "write"]) : token === "token-read" ? allow({ id: "reader" }, ["read"]) : deny("unknown token")) satisfies Verifier<"${name}">;\n`;
const VERIFIERS: Record<string, string> = {
  'key-header.ts': KEY_VERIFIER('keyHeader'),
  'key-query.ts': KEY_VERIFIER('keyQuery'),
  'key-cookie.ts': KEY_VERIFIER('keyCookie'),
  'basic.ts': `import { allow, deny, type Verifier } from "../generated/security.js";
export const basic = (async ({ username, password }) => (username === "ada" && password === "lovelace" ? allow({ id: "ada" }) : deny())) satisfies Verifier<"basic">;\n`,
  'bearer.ts': TOKEN_VERIFIER('bearer'),
  'oauth.ts': TOKEN_VERIFIER('oauth'),
  'oidc.ts': TOKEN_VERIFIER('oidc'),
};

const b64 = (s: string) => Buffer.from(s).toString('base64');
const H = {
  key: { 'X-Key': 'good-key' },
  badKey: { 'X-Key': 'bad-key' },
  emptyKey: { 'X-Key': '' },
  basic: { authorization: `Basic ${b64('ada:lovelace')}` },
  badBasic: { authorization: `Basic ${b64('ada:wrong')}` },
  brokenBasic: { authorization: 'Basic !!!' },
  write: { authorization: 'Bearer token-write' },
  read: { authorization: 'Bearer token-read' },
  badToken: { authorization: 'Bearer nope' },
  noToken: { authorization: 'Bearer' },
};

interface Case {
  path: string;
  headers?: Record<string, string>;
  status: 200 | 401 | 403;
  /** The WWW-Authenticate header, exactly (401/403). */
  challenge?: string;
  principal?: string | null;
}

const R = 'realm="Security matrix"';
const CASES: Record<string, Case> = {
  'global: missing': { path: '/global', status: 401, challenge: `ApiKey ${R}, in="header", name="X-Key"` },
  'global: malformed': { path: '/global', headers: H.emptyKey, status: 401, challenge: `ApiKey ${R}, in="header", name="X-Key"` },
  'global: wrong': { path: '/global', headers: H.badKey, status: 401 },
  'global: valid': { path: '/global', headers: H.key, status: 200, principal: 'key-client' },
  'override: missing': { path: '/override', status: 401, challenge: `Bearer ${R}` },
  'override: the global key does not count': { path: '/override', headers: H.key, status: 401, challenge: `Bearer ${R}` },
  'override: malformed': { path: '/override', headers: H.noToken, status: 401, challenge: `Bearer ${R}, error="invalid_token"` },
  'override: wrong': { path: '/override', headers: H.badToken, status: 401, challenge: `Bearer ${R}, error="invalid_token"` },
  'override: valid without scope': { path: '/override', headers: H.read, status: 403, challenge: `Bearer ${R}, error="insufficient_scope", scope="write"` },
  'override: valid': { path: '/override', headers: H.write, status: 200, principal: 'writer' },
  'public: missing': { path: '/public', status: 200, principal: null },
  'public: wrong credentials are ignored': { path: '/public', headers: H.badKey, status: 200, principal: null },
  'or: missing': { path: '/or', status: 401, challenge: `ApiKey ${R}, in="header", name="X-Key", Basic ${R}, charset="UTF-8"` },
  'or: malformed basic': { path: '/or', headers: H.brokenBasic, status: 401 },
  'or: wrong basic': { path: '/or', headers: H.badBasic, status: 401 },
  'or: valid key': { path: '/or', headers: H.key, status: 200, principal: 'key-client' },
  'or: valid basic': { path: '/or', headers: H.basic, status: 200, principal: 'ada' },
  'and: key only': { path: '/and', headers: H.key, status: 401 },
  'and: token only': { path: '/and', headers: H.write, status: 401 },
  'and: key and wrong token': { path: '/and', headers: { ...H.key, ...H.badToken }, status: 401 },
  'and: both valid': { path: '/and', headers: { ...H.key, ...H.read }, status: 200, principal: 'key-client' },
  'optional: missing': { path: '/optional', status: 200, principal: null },
  'optional: valid token gives a principal': { path: '/optional', headers: H.read, status: 200, principal: 'reader' },
  'query: missing': { path: '/query', status: 401, challenge: `ApiKey ${R}, in="query", name="key"` },
  'query: wrong': { path: '/query?key=bad', status: 401 },
  'query: valid': { path: '/query?key=good-key', status: 200, principal: 'key-client' },
  'cookie: missing': { path: '/cookie', status: 401, challenge: `ApiKey ${R}, in="cookie", name="key"` },
  'cookie: wrong': { path: '/cookie', headers: { cookie: 'key=bad' }, status: 401 },
  'cookie: valid': { path: '/cookie', headers: { cookie: 'key=good-key' }, status: 200, principal: 'key-client' },
  'oauth2: missing': { path: '/oauth', status: 401, challenge: `Bearer ${R}` },
  'oauth2: valid without scope': { path: '/oauth', headers: H.read, status: 403 },
  'oauth2: valid': { path: '/oauth', headers: H.write, status: 200, principal: 'writer' },
  'openIdConnect: wrong': { path: '/oidc', headers: H.badToken, status: 401 },
  'openIdConnect: valid': { path: '/oidc', headers: H.read, status: 200, principal: 'reader' },
};

describe('security', () => {
  let project: Awaited<ReturnType<typeof tempProject>>;
  let server: RunningServer;
  const logs = new LogCapture();
  const calls = (globalThis as { __securityCalls?: Record<string, number> }).__securityCalls = {} as Record<string, number>;

  before(async () => {
    project = await tempProject('security');
    await generateInto(fixture('security', 'security.yaml'), project.dir);
    for (const [file, code] of Object.entries(VERIFIERS)) await writeFile(join(project.dir, 'security', 'security', file), code);
    for (const op of OPS) {
      await writeFile(
        join(project.dir, 'security', 'handlers', `${fileOf(op)}.ts`),
        `import type { Handlers } from "../generated/operations.js";
export const ${op}: Handlers["${op}"] = async (_request, context) => {
  const calls = (globalThis as { __securityCalls?: Record<string, number> }).__securityCalls!;
  calls["${op}"] = (calls["${op}"] ?? 0) + 1;
  const principal = context.principal as { id?: string } | undefined;
  return { status: 200, body: { principal: principal?.id ?? null } };
};\n`,
      );
    }
    server = await startServer({ apis: [await importApi(project.dir, 'security')], logger: logs.logger });
  });
  after(async () => {
    await server.close();
    await project.remove();
  });

  for (const [name, c] of Object.entries(CASES)) {
    it(`${name} → ${c.status}`, async () => {
      const op = OPS[['/global', '/override', '/public', '/or', '/and', '/optional', '/query', '/cookie', '/oauth', '/oidc'].indexOf(c.path.split('?')[0]!)]!;
      const before = calls[op] ?? 0;
      const res = await fetch(server.url + c.path, { headers: c.headers ?? {} });
      const text = await res.text();
      assert.equal(res.status, c.status, text);
      if (c.status === 200) {
        assert.equal(calls[op], before + 1, 'the handler ran once');
        assert.deepEqual(JSON.parse(text), { principal: c.principal ?? null });
        return;
      }
      assert.equal(calls[op] ?? 0, before, 'the handler did not run');
      assert.match(res.headers.get('content-type') ?? '', /^application\/problem\+json/);
      const problem = JSON.parse(text) as { type: string; status: number; detail: string };
      assert.equal(problem.status, c.status);
      assert.equal(problem.type, c.status === 401 ? 'urn:specfirst:problem:unauthorized' : 'urn:specfirst:problem:forbidden');
      if (c.challenge) assert.equal(res.headers.get('www-authenticate'), c.challenge);
      if (c.status === 401) assert.ok(res.headers.get('www-authenticate'), 'a 401 always carries a challenge');
      for (const secret of ['good-key', 'token-write', 'token-read', 'lovelace', b64('ada:lovelace')]) assert.ok(!text.includes(secret), `${secret} in the problem body`);
    });
  }

  it('never writes a credential to the logs, and logs the principal by id', () => {
    const text = logs.text();
    for (const secret of ['good-key', 'bad-key', 'token-write', 'token-read', 'lovelace', b64('ada:lovelace'), b64('ada:wrong')]) {
      assert.ok(!text.includes(secret), `${secret} found in the logs`);
    }
    assert.ok(logs.lines.some((l) => l.principal === 'writer'), 'principal id in the request log');
  });
});
