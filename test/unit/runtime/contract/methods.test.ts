import assert from 'node:assert/strict';
import { test } from 'node:test';
import { HTTP_METHODS } from '../../../../server/runtime/contract/methods.js';

test('the HTTP methods are the eight a Path Item holds, in OpenAPI order', () => {
  assert.deepEqual([...HTTP_METHODS], ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace', 'query']);
});
