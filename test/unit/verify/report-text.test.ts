// The text report of `specfirst verify` over fixed rows, against its golden file
// (test/golden/verify/report.txt, update with `npm run golden:update`): people and scripts read it,
// so it changes only on purpose.
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { formatTextReport } from '../../../generator/verify/report-text.js';
import { ROOT } from '../../helpers.js';
import { ROWS } from './rows.js';

const UPDATE = process.env.UPDATE_GOLDEN === '1';
const golden = join(ROOT, 'test', 'golden', 'verify', 'report.txt');

describe('verify text report', () => {
  it('prints the table, each contract\'s problems and the count, as in its golden file', async () => {
    const text = formatTextReport(ROWS, false);
    if (UPDATE) await writeFile(golden, text);
    assert.equal(text, await readFile(golden, 'utf8'));
  });

  it('colours a failed row red and a row with contract problems yellow, through the painter it is given', () => {
    const text = formatTextReport(ROWS, false, (color, t) => `<${color}>${t}</${color}>`);
    const rows = text.split('\n').slice(1, 5);
    assert.deepEqual(rows.map((l) => /^<(\w+)>/.exec(l)?.[1] ?? 'plain'), ['plain', 'yellow', 'red', 'red']);
  });
});
