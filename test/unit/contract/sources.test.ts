// sources.ts: every file of a contract read once, and where a `$ref` leads. Read from a two-file
// contract in test/fixtures/edge/opref2 (an operation in its own file, referring back to the root).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readSources, refFile, resolveRef } from '../../../generator/contract/sources.js';
import { fixture } from '../../helpers.js';

const ROOT_FILE = fixture('edge', 'opref2', 'openapi.yaml');
const OPERATION_FILE = fixture('edge', 'opref2', 'get-node.yaml');

describe('readSources', () => {
  it('reads the root and every file a $ref names, each once', async () => {
    const { sources, unreadable, syntax } = await readSources(ROOT_FILE);
    assert.deepEqual([...sources.keys()].sort(), [OPERATION_FILE, ROOT_FILE]);
    assert.equal(sources.get(OPERATION_FILE)!.format, 'yaml');
    assert.equal((sources.get(OPERATION_FILE)!.value as { operationId: string }).operationId, 'getNode');
    assert.equal(unreadable.size, 0);
    assert.deepEqual(syntax, []);
  });

  it('reports a root that does not exist as unreadable, without throwing', async () => {
    const missing = fixture('edge', 'opref2', 'nothing-here.yaml');
    const { sources, unreadable } = await readSources(missing);
    assert.equal(sources.size, 0);
    assert.equal(unreadable.get(missing), 'no such file');
  });
});

describe('resolveRef', () => {
  it('follows a $ref to another file and to a pointer in it', async () => {
    const { sources, unreadable } = await readSources(ROOT_FILE);
    const operation = sources.get(OPERATION_FILE)!;
    const target = resolveRef(sources, unreadable, operation, './openapi.yaml#/components/schemas/Node/properties/children');
    assert.ok(typeof target !== 'string', String(target));
    assert.equal(target.file.path, ROOT_FILE);
    assert.equal(target.pointer, '/components/schemas/Node/properties/children');
    assert.equal((target.value as { type: string }).type, 'array');
  });

  it('says why a $ref leads nowhere', async () => {
    const { sources, unreadable } = await readSources(ROOT_FILE);
    const root = sources.get(ROOT_FILE)!;
    assert.equal(resolveRef(sources, unreadable, root, '#/components/schemas/Pet'), 'this file has no "Pet" under /components/schemas');
    assert.equal(resolveRef(sources, unreadable, root, './other.yaml'), 'file ./other.yaml was not read');
    assert.match(String(resolveRef(sources, unreadable, root, 'https://example.com/x.yaml')), /^remote \$refs are not followed/);
    assert.equal(resolveRef(sources, unreadable, root, '#Node'), 'no schema has $anchor "Node"');
  });

  it('follows a $ref to an $anchor, and one whose pointer has %25 or empty keys in it', async () => {
    const file = fixture('real-world', 'json-schema-refs31.yaml');
    const { sources, unreadable } = await readSources(file);
    const root = sources.get(file)!;
    const at = (ref: string) => {
      const target = resolveRef(sources, unreadable, root, ref);
      return typeof target === 'string' ? target : target.pointer;
    };
    assert.equal(at('#count'), '/components/schemas/Tricky/$defs/counter');
    assert.equal(at('#/components/schemas/Tricky/$defs/percent%25field'), '/components/schemas/Tricky/$defs/percent%field');
    assert.equal(at('#/components/schemas/Tricky/$defs//$defs/'), '/components/schemas/Tricky/$defs//$defs/');
  });
});

describe('refFile', () => {
  it('resolves a file $ref beside the file that holds it, and ignores internal and remote ones', () => {
    assert.equal(refFile({ path: '/c/paths/pets.yaml' }, '../schemas.yaml#/Pet'), '/c/schemas.yaml');
    assert.equal(refFile({ path: '/c/openapi.yaml' }, 'my%20pets.yaml'), '/c/my pets.yaml');
    assert.equal(refFile({ path: '/c/openapi.yaml' }, '#/components/schemas/Pet'), null);
    assert.equal(refFile({ path: '/c/openapi.yaml' }, 'https://example.com/pets.yaml'), null);
  });

  it("resolves against the document's $self when it is a file location, and falls back to the file for a web one", () => {
    const at = (self: string) => ({ path: '/c/openapi.yaml', value: { openapi: '3.2.0', $self: self } });
    assert.equal(refFile(at('v2/openapi.yaml'), 'pets.yaml#/Pet'), '/c/v2/pets.yaml');
    assert.equal(refFile(at('file:///published/api/openapi.yaml'), '../my%20pets.yaml'), '/published/my pets.yaml');
    assert.equal(refFile(at('https://example.com/api/openapi'), 'pets.yaml'), '/c/pets.yaml');
    assert.equal(refFile({ path: '/c/pets.yaml', value: { $self: 'v2/x.yaml' } }, 'tags.yaml'), '/c/tags.yaml', 'only an OpenAPI Object has a $self');
  });
});
