// The wire form of sequential media types: items framed as the server sends them, and text split
// back into items as it arrives, in any chunks.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FrameError, frameItem, ItemSplitter, splitItems } from '../../../../server/runtime/contract/sequences.js';
import { sequenceKind } from '../../../../server/runtime/contract/media-types.js';

describe('sequential media types', () => {
  it('knows which media types are sequences, and how they repeat', () => {
    assert.equal(sequenceKind('text/event-stream; charset=utf-8'), 'event-stream');
    assert.equal(sequenceKind('application/x-ndjson'), 'json-lines');
    assert.equal(sequenceKind('APPLICATION/JSONL'), 'json-lines');
    assert.equal(sequenceKind('application/geo+json-seq'), 'json-seq');
    assert.equal(sequenceKind('multipart/mixed'), 'multipart');
    assert.equal(sequenceKind('application/json'), null);
  });

  it('frames an event with each field on its line, multi-line data split, JSON data as JSON text', () => {
    assert.equal(frameItem('event-stream', { event: 'e', id: '1', retry: 10, data: 'a\nb' }), 'event: e\nid: 1\nretry: 10\ndata: a\ndata: b\n\n');
    assert.equal(frameItem('event-stream', { data: { n: 1 } }), 'data: {"n":1}\n\n');
    assert.equal(frameItem('json-lines', { n: 1 }), '{"n":1}\n');
    assert.equal(frameItem('json-seq', [1]), '\x1e[1]\n');
  });

  it('refuses to frame what would break the framing', () => {
    assert.throws(() => frameItem('event-stream', { event: 'a\nb', data: 'x' }), FrameError);
    assert.throws(() => frameItem('event-stream', { retry: 1.5 }), FrameError);
    assert.throws(() => frameItem('event-stream', {}), FrameError);
    assert.throws(() => frameItem('json-lines', undefined), FrameError);
  });

  it('reads back what it frames, one character at a time', () => {
    const events = [{ event: 'e', id: '1', retry: 10, data: 'a\nb' }, { data: '{"n":1}' }];
    const text = events.map((e) => frameItem('event-stream', e)).join('');
    const splitter = new ItemSplitter('event-stream');
    const read = [...text].flatMap((c) => splitter.push(c));
    assert.deepEqual(read, events.map((event) => ({ event })));
  });

  it('parses SSE as the HTML standard does: CRLF, comments, a field without a colon, unknown fields', () => {
    assert.deepEqual(splitItems('event-stream', ': hi\r\nevent: a\r\ndata\r\nfoo: bar\r\n\r\n'), [{ event: { event: 'a', data: '' } }]);
    assert.deepEqual(splitItems('event-stream', 'data: unterminated'), []);
  });

  it('splits JSON Lines (blank lines skipped, CRLF, no final newline) and json-seq', () => {
    assert.deepEqual(splitItems('json-lines', '{"a":1}\r\n\n{"a":2}'), [{ text: '{"a":1}' }, { text: '{"a":2}' }]);
    assert.deepEqual(splitItems('json-seq', '\x1e{"a":\n1}\n\x1e2\n'), [{ text: '{"a":\n1}\n' }, { text: '2\n' }]);
  });
});
