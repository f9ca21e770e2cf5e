// The typed client and handlers of an OpenAPI 3.2 contract (test/fixtures/oas-3.2/pets.yaml),
// compiled with tsc and called over real HTTP on 127.0.0.1: QUERY and `additionalOperations`
// (which openapi-fetch has no method for) and `in: querystring` are callable and typed, and a
// request body and a response given as a `$ref` to components/mediaTypes are typed and validated
// like inline ones. Negative cases are `@ts-expect-error` lines: one that stops failing fails tsc.
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { fixture, generateInto, importApi, LogCapture, startServer, tempProject, typeErrorsUnder, type RunningServer } from '../helpers.js';

/** Handlers written as a person would, typed by operations.ts (no casts but the one marked). */
const HANDLERS: Record<string, string> = {
  'list-pets': 'export const listPets: Handlers["listPets"] = async () => ({ status: 200, body: [] });',
  'create-pet': 'export const createPet: Handlers["createPet"] = async (request) => ({ status: 201, body: { id: 2, ...request.body } });',
  'search-pets': 'export const searchPets: Handlers["searchPets"] = async (request) => ({ status: 200, body: [{ id: 3, name: request.body.name }].slice(0, request.body.limit ?? 10) });',
  'find-pets': 'export const findPets: Handlers["findPets"] = async (request) => ({ status: 200, body: [{ id: 4, name: request.querystring.name }].slice(0, request.querystring.limit ?? 10) });',
  'match-pets': 'export const matchPets: Handlers["matchPets"] = async (request) => ({ status: 200, body: request.querystring ?? null });',
  'copy-pet': 'export const copyPet: Handlers["copyPet"] = async (request) => ({ status: 201, body: { id: request.params.id + 100, name: request.headers.Destination } });',
  'replace-pet': [
    'export const replacePet: Handlers["replacePet"] = async (request) => ({',
    '  status: 200,',
    '  // The one cast: a body without `name`, to see the response checked against the $ref\'d media type.',
    '  body: request.body.name === "no-name" ? ({ id: request.params.id } as never) : { id: request.params.id, name: request.body.name, tag: request.body.tag ?? null },',
    '});',
    '// @ts-expect-error a request body given by a $ref to components/mediaTypes is typed: NewPet has no `nickname`',
    'export const readsUnknown: Handlers["replacePet"] = async (request) => ({ status: 200, body: { id: 1, name: request.body.nickname } });',
    '// @ts-expect-error so is the response: Pet\'s id is a number',
    'export const answersWrong: Handlers["replacePet"] = async (request) => ({ status: 200, body: { id: "1", name: request.body.name } });',
  ].join('\n'),
};

/** Calls a person would write against the generated client; `wrongCalls` must each fail to compile. */
const CALLS = `import { copyPet, findPets, matchPets, searchPets, type ApiClient } from "./pets/generated/client.js";

export async function calls(client: ApiClient) {
  const searched = await searchPets(client, { body: { name: "Rex", limit: 1 } });
  const names: string[] | undefined = searched.data?.map((pet) => pet.name);
  const found = await findPets(client, { name: "Rex", limit: 1 });
  const foundIds: number[] | undefined = found.data?.map((pet) => pet.id);
  const matched = await matchPets(client, { tags: ["a", "b"] });
  const unfiltered = await matchPets(client, undefined);
  const copied = await copyPet(client, { params: { path: { id: 7 }, header: { Destination: "/pets/8" } } });
  const copiedId: number | undefined = copied.data?.id;
  const tooLong = await matchPets(client, { tags: ["a", "b", "c"] });
  const replaced = await client.PUT("/pets/{id}", { params: { path: { id: 5 } }, body: { name: "Kit" } });
  const replacedName: string | undefined = replaced.data?.name;
  return {
    names, foundIds, matched: matched.data, unfiltered: unfiltered.response.status, copiedId, replacedName,
    tooLong: { status: tooLong.response.status, error: tooLong.error },
  };
}

export async function wrongCalls(client: ApiClient) {
  // @ts-expect-error QUERY's body is typed: limit is a number
  await searchPets(client, { body: { name: "Rex", limit: "1" } });
  // @ts-expect-error and required
  await searchPets(client);
  // @ts-expect-error the querystring value is typed: name is required
  await findPets(client, { limit: 1 });
  // @ts-expect-error COPY's path parameter is typed
  await copyPet(client, { params: { path: { id: "7" }, header: { Destination: "/pets/8" } } });
  // @ts-expect-error a body given by a $ref to components/mediaTypes is typed for the client too
  await client.PUT("/pets/{id}", { params: { path: { id: 5 } }, body: { nickname: "Kit" } });
}
`;

describe('an OpenAPI 3.2 contract: typed client and handlers', () => {
  let project: Awaited<ReturnType<typeof tempProject>>;
  let server: RunningServer;
  const logs = new LogCapture();
  before(async () => {
    project = await tempProject('oas-3.2-client');
    await generateInto(fixture('oas-3.2', 'pets.yaml'), project.dir);
    for (const [stem, code] of Object.entries(HANDLERS)) {
      await writeFile(join(project.dir, 'pets', 'handlers', `${stem}.ts`), `import type { Handlers } from "../generated/operations.js";\n${code}\n`);
    }
    await writeFile(join(project.dir, 'calls.ts'), CALLS);
    server = await startServer({ apis: [await importApi(project.dir, 'pets')], logger: logs.logger });
  });
  after(async () => {
    await server?.close();
    await project?.remove();
  });

  it('compiles: handlers and client calls typed, and every wrong one rejected', async () => {
    assert.deepEqual(await typeErrorsUnder(project.dir), []);
  });

  it('calls QUERY, COPY and querystring operations through the client over HTTP', async () => {
    const { createApiClient } = (await import(pathToFileURL(join(project.dir, 'pets', 'generated', 'client.ts')).href)) as { createApiClient: (o: { baseUrl: string }) => unknown };
    const { calls } = (await import(pathToFileURL(join(project.dir, 'calls.ts')).href)) as { calls: (client: unknown) => Promise<Record<string, unknown>> };
    const got = await calls(createApiClient({ baseUrl: server.url }));
    assert.deepEqual(got.names, ['Rex']);
    assert.deepEqual(got.foundIds, [4]);
    assert.deepEqual(got.matched, { tags: ['a', 'b'] });
    assert.equal(got.unfiltered, 200);
    assert.equal(got.copiedId, 107);
    assert.equal(got.replacedName, 'Kit');
    const tooLong = got.tooLong as { status: number; error: { errors: { in: string; pointer: string }[] } };
    assert.equal(tooLong.status, 400);
    assert.deepEqual(tooLong.error.errors.map((e) => [e.in, e.pointer]), [['querystring', '/tags']]);
  });

  it('validates a request body given as a $ref to components/mediaTypes: 400 with a pointer', async () => {
    const res = await fetch(`${server.url}/pets/5`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: '', extra: 1 }) });
    assert.equal(res.status, 400);
    const problem = (await res.json()) as { errors: { in: string; pointer: string }[] };
    assert.deepEqual(problem.errors.map((e) => [e.in, e.pointer]).sort(), [['body', '/extra'], ['body', '/name']]);
  });

  it('checks a response given as a $ref to components/mediaTypes: a body without its required name is not sent', async () => {
    const res = await fetch(`${server.url}/pets/5`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'no-name' }) });
    assert.equal(res.status, 500);
    const body = await res.text();
    assert.doesNotMatch(body, /"id":5/);
    assert.ok(logs.lines.some((l) => /replacePet/.test(JSON.stringify(l)) && /name/.test(JSON.stringify(l))), 'the broken response is logged');
  });
});
