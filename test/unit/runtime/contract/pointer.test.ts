import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodePointer, deref, derefAt, encodePointer, escapeSegment, refTargetObject, refToPointer, unescapeSegment, valueAt } from '../../../../server/runtime/contract/pointer.js';

test('escaping and unescaping a key round-trips through ~0 and ~1', () => {
  for (const key of ['plain', 'a/b', 'a~b', '~1', '~01', '/~/', '']) {
    assert.equal(unescapeSegment(escapeSegment(key)), key);
  }
  assert.equal(escapeSegment('/pets/{id}~x'), '~1pets~1{id}~0x');
  assert.deepEqual(decodePointer(encodePointer(['paths', '/pets/{id}', 'get'])), ['paths', '/pets/{id}', 'get']);
});

test('~01 decodes to ~1, never to a slash', () => {
  assert.deepEqual(decodePointer('/~01'), ['~1']);
  assert.deepEqual(decodePointer('#/a~01b'), ['a~1b']);
});

test('decodes percent-encoded tokens of a $ref fragment', () => {
  assert.deepEqual(decodePointer('#/paths/~1pets~1%7Bid%7D'), ['paths', '/pets/{id}']);
  assert.deepEqual(decodePointer('#/components/schemas/Caf%C3%A9'), ['components', 'schemas', 'Café']);
});

test('%25 decodes once, to a literal percent sign', () => {
  assert.deepEqual(decodePointer('#/a%25b'), ['a%b']);
  assert.deepEqual(decodePointer('#/a%257B'), ['a%7B']);
});

test('takes a token with broken percent-encoding as written', () => {
  assert.deepEqual(decodePointer('#/100%/x%ZZ'), ['100%', 'x%ZZ']);
});

test('keeps empty tokens', () => {
  assert.deepEqual(decodePointer('#/a//b'), ['a', '', 'b']);
  assert.deepEqual(decodePointer('/'), ['']);
  assert.deepEqual(decodePointer(''), []);
  assert.deepEqual(decodePointer('#'), []);
});

test('finds the value at a pointer, own members and array items only', () => {
  const doc = { a: { '': { b: 1 } }, list: [10, 20], 'x/y': true };
  assert.equal(valueAt(doc, '#/a//b'), 1);
  assert.equal(valueAt(doc, '/list/1'), 20);
  assert.equal(valueAt(doc, '/list/01'), undefined);
  assert.equal(valueAt(doc, '/list/length'), undefined);
  assert.equal(valueAt(doc, '/a/constructor'), undefined);
  assert.equal(valueAt(doc, '#/x~1y'), true);
  assert.equal(valueAt(doc, '#'), doc);
});

const doc = {
  components: {
    schemas: {
      A: { $ref: '#/components/schemas/B' },
      B: { $ref: '#/components/schemas/C' },
      C: { type: 'string' },
      Loop: { $ref: '#/components/schemas/Loop' },
      Sibling: { $ref: '#/components/schemas/C', description: 'a schema of its own' },
      External: { $ref: 'other.yaml#/C' },
    },
  },
};

test('follows a chain of $refs and says where it ended', () => {
  assert.deepEqual(deref(doc, { $ref: '#/components/schemas/A' }), { type: 'string' });
  assert.deepEqual(derefAt(doc, { $ref: '#/components/schemas/A' }, '/start'), { value: { type: 'string' }, pointer: '/components/schemas/C' });
  assert.deepEqual(derefAt(doc, { type: 'integer' }, '/start'), { value: { type: 'integer' }, pointer: '/start' });
});

test('a $ref cycle ends after the hop limit instead of looping', () => {
  assert.deepEqual(deref(doc, { $ref: '#/components/schemas/Loop' }), { $ref: '#/components/schemas/Loop' });
});

test('a $ref that leads nowhere gives undefined; one into another file is left as written', () => {
  assert.equal(deref(doc, { $ref: '#/components/schemas/Missing' }), undefined);
  assert.deepEqual(deref(doc, { $ref: '#/components/schemas/External' }), { $ref: 'other.yaml#/C' });
  assert.equal(deref(doc, undefined), undefined);
});

test('refTargetObject stops at a $ref written beside other keywords, and answers objects only', () => {
  assert.deepEqual(refTargetObject(doc, '#/components/schemas/A'), { type: 'string' });
  assert.deepEqual(refTargetObject(doc, '#/components/schemas/Sibling'), doc.components.schemas.Sibling);
  assert.equal(refTargetObject(doc, '#/components/schemas/C/type'), undefined);
  assert.equal(refTargetObject(doc, '#/nowhere'), undefined);
});

test('refToPointer writes % as %25, so that reading the $ref back gives the same keys', () => {
  assert.equal(refToPointer('/$defs/percent%field'), '#/$defs/percent%25field');
  assert.deepEqual(decodePointer(refToPointer('/$defs/percent%field')), ['$defs', 'percent%field']);
  assert.deepEqual(decodePointer(refToPointer('/$defs/a%25b')), ['$defs', 'a%25b']);
  assert.deepEqual(decodePointer(refToPointer('/$defs//$defs/')), ['$defs', '', '$defs', '']);
  assert.equal(refToPointer(encodePointer(['components', 'schemas', 'a/b~c'])), '#/components/schemas/a~1b~0c');
});
