// doc-comment.ts: contract text (which may hold anything, `*/` included) as comments in generated code.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { commentLine, docComment } from '../../../generator/emit/doc-comment.js';

describe('docComment', () => {
  it('writes paragraphs as one JSDoc block, a blank line between them, skipping empty ones', () => {
    assert.equal(docComment(['List pets', null, '  ', 'Paged.\nNewest first.  ']), ['/**', ' * List pets', ' *', ' * Paged.', ' * Newest first.', ' */'].join('\n'));
  });

  it('marks a deprecated operation and indents the block', () => {
    assert.equal(docComment(['Old'], { deprecated: true, indent: '  ' }), ['  /**', '   * Old', '   *', '   * @deprecated', '   */'].join('\n'));
  });

  it('never lets contract text end the comment', () => {
    const block = docComment(['a */ b']);
    assert.equal(block.indexOf('*/'), block.length - 2);
    assert.match(block, /a \*\\\/ b/);
  });
});

describe('commentLine', () => {
  it('puts text on one line and escapes the end of a comment', () => {
    assert.equal(commentLine('  API key\n in   header */ '), 'API key in header *\\/');
  });
});
