import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { newRequestId } from '../../../server/runtime/request-id.js';

const UUID_V8 = /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('newRequestId', () => {
  it('makes UUID-shaped ids (RFC 9562 version 8, the RFC variant)', () => {
    for (let i = 0; i < 100; i++) assert.match(newRequestId(), UUID_V8);
  });

  it('never repeats an id within a process', () => {
    const ids = new Set<string>();
    for (let i = 0; i < 100_000; i++) ids.add(newRequestId());
    assert.equal(ids.size, 100_000);
  });

  it('shares one random prefix in a process and differs in the counted part', () => {
    const [a, b] = [newRequestId(), newRequestId()];
    assert.equal(a.slice(0, 28), b.slice(0, 28));
    assert.equal(parseInt(b.slice(28), 16) - parseInt(a.slice(28), 16), 1);
  });
});
