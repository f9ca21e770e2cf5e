// A synthetic multi-file contract of the shape large real trees have: every path item in its own
// file, operations given as `$ref` to files of their own, schemas one per file referring to each
// other across folders (and to themselves), shared parameters and responses in index files.
// For the scale test and for measuring the loader; nothing in it is random, so a run is repeatable.
//
//   node --import tsx test/contract-tree.ts OUT_DIR [RESOURCES]   (4 operations and ~14 files each)
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';

export interface TreeSize {
  operations: number;
  files: number;
}

const SCHEMAS_PER_RESOURCE = ['Resource', 'NewResource', 'ResourcePage', 'Status', 'Address', 'Owner', 'Tag', 'Node', 'Settings', 'Audit'];

/** Writes the tree under `dir` (root: `dir/openapi.yaml`) and says how big it is. */
export async function writeContractTree(dir: string, resources: number): Promise<TreeSize> {
  const files = new Map<string, unknown>();
  const paths: Record<string, unknown> = {};
  for (let i = 0; i < resources; i++) {
    const r = `r${i}`;
    paths[`/${r}/items`] = { $ref: `paths/${r}-items.yaml` };
    paths[`/${r}/items/{itemId}`] = {
      parameters: [{ $ref: 'parameters/index.yaml#/ItemId' }],
      get: { $ref: `operations/${r}/get-item.yaml` },
      put: { $ref: `operations/${r}/update-item.yaml` },
    };
    files.set(`paths/${r}-items.yaml`, {
      get: {
        operationId: `list${i}`,
        summary: `List the items of resource ${i}`,
        parameters: [{ $ref: '../parameters/index.yaml#/Limit' }, { $ref: '../parameters/index.yaml#/Cursor' }],
        responses: {
          '200': { description: 'a page', content: { 'application/json': { schema: { $ref: `../schemas/${r}/ResourcePage.yaml` } } } },
          default: { $ref: '../responses/index.yaml#/Problem' },
        },
      },
      post: {
        operationId: `create${i}`,
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: { $ref: `../schemas/${r}/NewResource.yaml` },
              examples: { basic: { $ref: `../examples/${r}.yaml` } },
            },
          },
        },
        responses: {
          '201': { description: 'created', content: { 'application/json': { schema: { $ref: `../schemas/${r}/Resource.yaml` } } } },
          '400': { $ref: '../responses/index.yaml#/Problem' },
        },
      },
    });
    files.set(`operations/${r}/get-item.yaml`, {
      operationId: `get${i}`,
      responses: {
        '200': { description: 'the item', content: { 'application/json': { schema: { $ref: `../../schemas/${r}/Resource.yaml` } } } },
        '404': { $ref: '../../responses/index.yaml#/NotFound' },
      },
    });
    files.set(`operations/${r}/update-item.yaml`, {
      operationId: `update${i}`,
      requestBody: { content: { 'application/json': { schema: { $ref: `../../schemas/${r}/NewResource.yaml` } } } },
      responses: {
        '200': { description: 'updated', content: { 'application/json': { schema: { $ref: `../../schemas/${r}/Resource.yaml` } } } },
        '404': { $ref: '../../responses/index.yaml#/NotFound' },
      },
    });
    files.set(`examples/${r}.yaml`, { summary: 'a new item', value: { name: `item ${i}`, status: 'active' } });
    const previous = i > 0 ? `../r${i - 1}/Resource.yaml` : '../common/Meta.yaml';
    const schemas: Record<string, unknown> = {
      Resource: {
        allOf: [
          { $ref: './NewResource.yaml' },
          { type: 'object', required: ['id', 'meta'], properties: { id: { type: 'string', format: 'uuid' }, meta: { $ref: '../common/Meta.yaml' }, related: { $ref: previous } } },
        ],
      },
      NewResource: {
        type: 'object',
        required: ['name'],
        properties: {
          name: { type: 'string', minLength: 1 },
          status: { $ref: './Status.yaml' },
          address: { $ref: './Address.yaml' },
          owner: { $ref: './Owner.yaml' },
          tags: { type: 'array', items: { $ref: './Tag.yaml' } },
          tree: { $ref: './Node.yaml' },
          settings: { $ref: './Settings.yaml' },
          audit: { $ref: './Audit.yaml' },
        },
      },
      ResourcePage: { type: 'object', properties: { items: { type: 'array', items: { $ref: './Resource.yaml' } }, next: { type: 'string' } } },
      Status: { type: 'string', enum: ['active', 'archived'] },
      Address: { type: 'object', properties: { street: { type: 'string' }, city: { type: 'string' }, country: { type: 'string', pattern: '^[A-Z]{2}$' } } },
      Owner: { type: 'object', properties: { id: { type: 'string' }, address: { $ref: './Address.yaml' } } },
      Tag: { type: 'object', properties: { key: { type: 'string' }, value: { type: 'string' } } },
      Node: { type: 'object', properties: { label: { type: 'string' }, children: { type: 'array', items: { $ref: './Node.yaml' } } } },
      Settings: { type: 'object', additionalProperties: { type: 'string' } },
      Audit: { type: 'object', properties: { createdBy: { $ref: './Owner.yaml' }, at: { type: 'string', format: 'date-time' } } },
    };
    for (const name of SCHEMAS_PER_RESOURCE) files.set(`schemas/${r}/${name}.yaml`, schemas[name]);
  }
  files.set('schemas/common/Meta.yaml', { type: 'object', properties: { version: { type: 'integer' }, etag: { type: 'string' } } });
  files.set('parameters/index.yaml', {
    ItemId: { name: 'itemId', in: 'path', required: true, schema: { type: 'string' } },
    Limit: { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 100, default: 20 } },
    Cursor: { name: 'cursor', in: 'query', schema: { type: 'string' } },
  });
  files.set('responses/index.yaml', {
    Problem: { description: 'a problem', content: { 'application/problem+json': { schema: { $ref: '../schemas/common/Problem.yaml' } } } },
    NotFound: { description: 'not found', content: { 'application/problem+json': { schema: { $ref: '../schemas/common/Problem.yaml' } } } },
  });
  files.set('schemas/common/Problem.yaml', { type: 'object', properties: { title: { type: 'string' }, status: { type: 'integer' } } });
  files.set('openapi.yaml', {
    openapi: '3.1.0',
    info: { title: `Synthetic tree of ${resources} resources`, version: '1.0.0' },
    servers: [{ url: '/api' }],
    paths,
  });
  for (const [file, content] of files) {
    await mkdir(dirname(join(dir, file)), { recursive: true });
    await writeFile(join(dir, file), stringify(content, { aliasDuplicateObjects: false }));
  }
  return { operations: resources * 4, files: files.size };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [out, count = '200'] = process.argv.slice(2);
  if (!out) throw new Error('usage: node --import tsx test/contract-tree.ts OUT_DIR [RESOURCES]');
  const size = await writeContractTree(out, Number(count));
  console.log(`${join(out, 'openapi.yaml')}: ${size.operations} operations in ${size.files} files`);
}
