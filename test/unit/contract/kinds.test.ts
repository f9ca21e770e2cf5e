// kinds.ts: which kind of OpenAPI object each field holds, what the loader follows a `$ref`
// knowing, and where a bundled kind goes.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { COMPONENT_SECTION, kindName, memberShape, REFERABLE } from '../../../generator/contract/kinds.js';

describe('memberShape', () => {
  it('knows the fixed fields of a kind', () => {
    assert.equal(memberShape('Document', 'paths', {}), 'Paths');
    assert.equal(memberShape('PathItem', 'get', {}), 'Operation');
    assert.deepEqual(memberShape('Operation', 'parameters', []), { list: 'Parameter' });
    assert.deepEqual(memberShape('Components', 'schemas', {}), { map: 'Schema' });
  });

  it('gives every member of a map kind its one kind, but extensions are Any', () => {
    assert.equal(memberShape('Paths', '/pets', {}), 'PathItem');
    assert.equal(memberShape('Responses', '200', {}), 'Response');
    assert.equal(memberShape('Paths', 'x-internal', {}), 'Any');
  });

  it('reads a schema\'s items as a tuple when it is a list (before 2020-12)', () => {
    assert.equal(memberShape('Schema', 'items', {}), 'Schema');
    assert.deepEqual(memberShape('Schema', 'items', [{}, {}]), { list: 'Schema' });
  });

  it('never walks literal values, and walks unknown fields as Any', () => {
    assert.equal(memberShape('Schema', 'example', {}), 'Data');
    assert.equal(memberShape('Data', 'anything', {}), 'Data');
    assert.equal(memberShape('Operation', 'x-whatever', {}), 'Any');
    assert.equal(memberShape('Any', 'paths', {}), 'Any');
  });
});

describe('kinds as data', () => {
  it('allows a Reference Object where OpenAPI does, not for an operation', () => {
    assert.ok(REFERABLE.has('Schema'));
    assert.ok(REFERABLE.has('PathItem'));
    assert.ok(!REFERABLE.has('Operation'));
  });

  it('bundles each kind into its components section', () => {
    assert.equal(COMPONENT_SECTION.Schema, 'schemas');
    assert.equal(COMPONENT_SECTION.RequestBody, 'requestBodies');
    assert.equal(COMPONENT_SECTION.Operation, undefined);
  });

  it('names a kind as a person would', () => {
    assert.equal(kindName('PathItem'), 'path item');
    assert.equal(kindName('SecurityScheme'), 'security scheme');
    assert.equal(kindName('Schema'), 'schema');
  });
});
