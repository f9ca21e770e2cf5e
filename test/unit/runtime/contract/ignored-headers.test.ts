import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isIgnoredHeader } from '../../../../server/runtime/contract/ignored-headers.js';

test('Accept, Content-Type and Authorization header parameters are ignored, in any case', () => {
  for (const name of ['Accept', 'content-type', 'AUTHORIZATION']) assert.equal(isIgnoredHeader({ in: 'header', name }), true);
});

test('other headers, and those names outside headers, are not ignored', () => {
  assert.equal(isIgnoredHeader({ in: 'header', name: 'X-Request-Id' }), false);
  assert.equal(isIgnoredHeader({ in: 'query', name: 'accept' }), false);
  assert.equal(isIgnoredHeader({ in: 'header' }), false);
});
