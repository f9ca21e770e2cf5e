// normalized.json, the validator's copies of a contract that `specfirst build` writes beside the
// built openapi.json: read back they are the copies the server makes itself, a server serves by
// them when they were made for its document, and ignores them when they were not.
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { loadContract } from '../../../../generator/contract/load.js';
import { NORMALIZED_FILE, normalizedFileText, readNormalizedCopies, type NormalizedCopies } from '../../../../server/runtime/plan/normalized-file.js';
import { normalizedCopies } from '../../../../server/runtime/plan/validator-context.js';
import { fixture, generateInto, importApi, LogCapture, startServer, tempProject, type RunningServer } from '../../../helpers.js';

const CONTRACT = `openapi: 3.1.0
info: { title: Things, version: 1.0.0 }
paths:
  /things:
    get:
      operationId: listThings
      parameters:
        - { name: limit, in: query, schema: { type: integer, maximum: 10 } }
      responses:
        '200': { description: ok, content: { application/json: { schema: { type: object } } } }
`;

/** The `limit` parameter's schema in the request copy. */
const limitSchema = (copies: NormalizedCopies): { maximum: number } =>
  (copies.requestDoc as unknown as { paths: Record<string, { get: { parameters: { schema: { maximum: number } }[] } }> }).paths['/things']!.get.parameters[0]!.schema;

describe('normalized.json', () => {
  let project: Awaited<ReturnType<typeof tempProject>>;
  let generated: string;
  let openapiText: string;
  const servers: RunningServer[] = [];
  before(async () => {
    project = await tempProject('normalized-file');
    const contract = join(project.dir, 'things.yaml');
    await writeFile(contract, CONTRACT);
    await generateInto(contract, project.dir);
    await writeFile(join(project.dir, 'things', 'handlers', 'list-things.ts'), 'export const listThings = async () => ({ status: 200, body: {} }) as never;\n');
    generated = join(project.dir, 'things', 'generated');
    openapiText = await readFile(join(generated, 'openapi.json'), 'utf8');
  });
  after(async () => {
    for (const s of servers) await s.close();
    await project.remove();
  });

  /** Serves the project with normalized.json as `text` beside openapi.json; answers GET /things?limit=7's status. */
  async function statusWith(text: string): Promise<number> {
    await writeFile(join(generated, NORMALIZED_FILE), text);
    const server = await startServer({ apis: [await importApi(project.dir, 'things')], logger: new LogCapture().logger });
    servers.push(server);
    const res = await fetch(`${server.url}/things?limit=7`);
    await res.arrayBuffer();
    return res.status;
  }

  for (const name of ['oai-v3.0-petstore-expanded.yaml', 'oai-v3.1-tictactoe.yaml', 'redocly-museum.yaml', 'twilio-messaging-v1.yaml']) {
    it(`reads back the copies the server makes of ${name}`, async () => {
      const { contract } = await loadContract(fixture('contracts', name));
      const document = contract!.document;
      const text = JSON.stringify(document);
      const made = normalizedCopies(JSON.parse(text));
      await writeFile(join(project.dir, 'openapi.json'), text);
      await writeFile(join(project.dir, NORMALIZED_FILE), normalizedFileText(text, made));
      const read = readNormalizedCopies(pathToFileURL(join(project.dir, 'openapi.json')), text);
      assert.deepEqual(read, JSON.parse(JSON.stringify(made)));
    });
  }

  it('serves by the copies written for its own document', async () => {
    const copies = normalizedCopies(JSON.parse(openapiText));
    // A copy that says less than the contract (maximum 5) shows that the server read it.
    limitSchema(copies).maximum = 5;
    assert.equal(await statusWith(normalizedFileText(openapiText, copies)), 400);
  });

  it('ignores copies written for another version of the document', async () => {
    const copies = normalizedCopies(JSON.parse(openapiText));
    limitSchema(copies).maximum = 5;
    assert.equal(await statusWith(normalizedFileText(openapiText + ' ', copies)), 200);
  });

  it('ignores a file it cannot read', async () => {
    assert.equal(await statusWith('{ not json'), 200);
  });
});
