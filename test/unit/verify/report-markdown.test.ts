// The markdown report of `specfirst verify` over fixed rows: the whole text against its golden file
// (test/golden/verify/report.md; update with `npm run golden:update` and review the diff), then the
// rules a reader relies on one by one.
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { escapeMarkdown, formatMarkdownReport, problemGroups, problemRule } from '../../../generator/verify/report-markdown.js';
import { ROOT } from '../../helpers.js';
import { ROWS } from './rows.js';

const UPDATE = process.env.UPDATE_GOLDEN === '1';
const golden = join(ROOT, 'test', 'golden', 'verify', 'report.md');

describe('verify markdown report', () => {
  it('prints the heading, one table row per contract and a details block per contract with problems, as in its golden file', async () => {
    const text = formatMarkdownReport(ROWS, false);
    if (UPDATE) await writeFile(golden, text);
    assert.equal(text, await readFile(golden, 'utf8'));
  });

  it('marks a contract with only contract problems ✅, and ❌ under --strict', () => {
    const row = (text: string) => text.split('\n').find((l) => l.startsWith('| contracts/bad\\_examples.yaml'))!;
    assert.match(row(formatMarkdownReport(ROWS, false)), /\| ✅ \|$/);
    assert.match(row(formatMarkdownReport(ROWS, true)), /\| ❌ \|$/);
  });

  it('gives every table row as many cells as the header, whatever pipes the contract name holds', () => {
    const rows = [{ ...ROWS[0]!, contract: 'a|b`c`.yaml' }];
    const table = formatMarkdownReport(rows, false).split('\n').filter((l) => l.startsWith('|'));
    const cells = (line: string) => line.split(/(?<!\\)\|/).length;
    assert.equal(table.length, 3);
    assert.equal(cells(table[2]!), cells(table[0]!));
    assert.ok(table[2]!.startsWith('| a\\|b\\`c\\`.yaml |'));
  });

  it('prints no details block for a contract without problems', () => {
    const text = formatMarkdownReport([ROWS[0]!], false);
    assert.doesNotMatch(text, /<details>/);
    assert.match(text, /\*\*1\/1 contract\(s\) passed\*\*/);
  });

  it('groups problems: server failures first, then contract problems by lint rule, not verified, no invalid request', () => {
    assert.deepEqual(problemGroups(ROWS[1]!).map((g) => [g.heading, g.items.length]), [
      ['contract problems: example', 2],
      ['contract problems: unused-component', 1],
      ['contract problems: identical-paths', 1],
      ['no invalid request possible', 1],
    ]);
    assert.deepEqual(problemGroups(ROWS[2]!).map((g) => g.heading), ['server failures', 'contract problems: isolated by the server', 'not verified']);
  });

  it('finds the lint rule of a diagnostic and of an operation-level problem', () => {
    assert.equal(problemRule('a.yaml:1:2 error yaml bad (x)'), 'yaml');
    assert.equal(problemRule('GET /a (getA): not sent, unreachable: GET /a/ (identical-paths)'), 'identical-paths');
    assert.equal(problemRule('something else'), 'other');
  });

  it('escapes pipes, backticks and HTML and keeps an item on one line', () => {
    assert.equal(escapeMarkdown('a | `b` <i>\nc'), 'a \\| \\`b\\` &lt;i&gt; c');
  });
});
