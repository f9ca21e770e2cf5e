import assert from 'node:assert/strict';
import { test } from 'node:test';
import { concreteMediaType, isJsonMediaType, mediaTypeBase } from '../../../../server/runtime/contract/media-types.js';

test('JSON and +json media types are JSON, whatever their case and parameters', () => {
  assert.equal(isJsonMediaType('application/json'), true);
  assert.equal(isJsonMediaType('application/problem+json'), true);
  assert.equal(isJsonMediaType('APPLICATION/JSON; charset=utf-8'), true);
  assert.equal(isJsonMediaType('application/vnd.api+json;version=2'), true);
});

test('wildcards and other types are not JSON', () => {
  assert.equal(isJsonMediaType('*/*'), false);
  assert.equal(isJsonMediaType('application/*'), false);
  assert.equal(isJsonMediaType('text/plain'), false);
  assert.equal(isJsonMediaType('application/jsonp'), false);
  assert.equal(isJsonMediaType('text/json'), false);
});

test('the base of a media type is lower case without parameters', () => {
  assert.equal(mediaTypeBase(' APPLICATION/JSON ; charset=utf-8'), 'application/json');
  assert.equal(mediaTypeBase('text/plain'), 'text/plain');
});

test('a declared wildcard becomes a media type that a message can carry', () => {
  assert.equal(concreteMediaType('*/*'), 'application/json');
  assert.equal(concreteMediaType('application/*'), 'application/octet-stream');
  assert.equal(concreteMediaType('image/*'), 'image/octet-stream');
  assert.equal(concreteMediaType('text/plain; charset=utf-8'), 'text/plain');
  assert.equal(concreteMediaType('application/problem+json'), 'application/problem+json');
});
