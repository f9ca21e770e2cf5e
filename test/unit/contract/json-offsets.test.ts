// json-offsets.ts: where values are written in a JSON text, found in one scan, without parsing
// the subtrees no pointer goes through.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { jsonOffsets } from '../../../generator/contract/json-offsets.js';

const TEXT = '{"skip": {"x": "}]{[\\"", "y": [1, {"z": 2}]}, "a": {"b\\"c": [10, {"d": true}], "e": null}}';

describe('jsonOffsets', () => {
  it('gives the offset of a member key and of an array item', () => {
    const [key, item] = jsonOffsets(TEXT, [['a', 'e'], ['a', 'b"c', '1']]);
    assert.equal(TEXT.slice(key, key! + 3), '"e"');
    assert.equal(TEXT.slice(item, item! + 6), '{"d": ');
  });

  it('reads escaped keys, and skips strings holding brackets in subtrees it does not enter', () => {
    const [d] = jsonOffsets(TEXT, [['a', 'b"c', '1', 'd']]);
    assert.equal(TEXT.slice(d, d! + 3), '"d"');
  });

  it('gives 0 for the document and the deepest prefix found for a pointer that goes nowhere', () => {
    const [doc, missing, tooDeep] = jsonOffsets(TEXT, [[], ['nope'], ['a', 'e', 'f']]);
    assert.equal(doc, 0);
    assert.equal(missing, 0);
    assert.equal(TEXT.slice(tooDeep, tooDeep! + 3), '"e"');
  });

  it('answers one offset per pointer, in the order asked', () => {
    const offsets = jsonOffsets(TEXT, [['a'], ['skip'], ['a']]);
    assert.equal(offsets.length, 3);
    assert.equal(offsets[0], offsets[2]);
    assert.ok(offsets[1]! < offsets[0]!);
  });
});
