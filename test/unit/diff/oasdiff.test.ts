// specfirst diff against an independent oracle: the contract pairs of oasdiff's own tests and the
// changes those tests expect (../shared/contracts/oasdiff-cases). Prints a table (pairs, expected
// breaking changes found, missed, extra on clean pairs, each disagreement with its reviewed
// reason) and holds two lines: at least 95% of the ERR-level changes found, and nothing outside the
// allow-lists (oasdiff-allowed.ts) missed or extra.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ALLOWED_EXTRA, ALLOWED_MISSED } from './oasdiff-allowed.js';
import { runOasdiffCases, type CaseResult } from './oasdiff-cases.js';
import { SHARED_CONTRACTS } from './shared-contracts.js';

const dir = SHARED_CONTRACTS && join(SHARED_CONTRACTS, 'oasdiff-cases');

describe('specfirst diff over oasdiff’s test cases', { skip: dir ? false : 'no ../shared/contracts/oasdiff-cases here' }, () => {
  let results: CaseResult[];

  it('loads every pair', async () => {
    results = await runOasdiffCases(dir!);
    assert.deepEqual(results.filter((r) => r.loadError).map((r) => `${r.name}: ${r.loadError}`), []);
  });

  it('finds at least 95% of the ERR-level changes oasdiff expects, and misses none outside the allow-list', () => {
    const found = results.reduce((n, r) => n + r.found.length, 0);
    const missed = results.flatMap((r) => r.missed.map((e) => `${r.name}|${e.id}`));
    const extra = results.flatMap((r) => r.extra.map((c) => `${r.name}|${c.id}`));
    const expected = found + missed.length;
    const clean = results.filter((r) => r.clean);
    const lines = [
      '',
      'oasdiff cases                          count',
      `pairs                                  ${String(results.length).padStart(5)}`,
      `expected ERR-level changes             ${String(expected).padStart(5)}`,
      `  found (reported as breaking)         ${String(found).padStart(5)}  ${((100 * found) / expected).toFixed(1)}%`,
      `  missed                               ${String(missed.length).padStart(5)}  (allow-listed: ${missed.filter((m) => m in ALLOWED_MISSED).length})`,
      `pairs oasdiff calls clean              ${String(clean.length).padStart(5)}`,
      `  with a breaking change from us       ${String(clean.filter((r) => r.extra.length > 0).length).padStart(5)}  (allow-listed: ${extra.filter((x) => x in ALLOWED_EXTRA).length} change(s))`,
      '',
      ...missed.map((m) => `missed ${m}: ${ALLOWED_MISSED[m] ?? 'NOT ALLOWED'}`),
      ...extra.map((x) => `extra  ${x}: ${ALLOWED_EXTRA[x] ?? 'NOT ALLOWED'}`),
    ];
    console.log(lines.join('\n'));
    assert.ok(found / expected >= 0.95, `${found}/${expected} found`);
    assert.deepEqual(missed.filter((m) => !(m in ALLOWED_MISSED)), []);
    assert.deepEqual(extra.filter((x) => !(x in ALLOWED_EXTRA)), []);
  });

  it('keeps no allow-list entry that no longer disagrees (fixed disagreements leave the list)', () => {
    const missed = new Set(results.flatMap((r) => r.missed.map((e) => `${r.name}|${e.id}`)));
    const extra = new Set(results.flatMap((r) => r.extra.map((c) => `${r.name}|${c.id}`)));
    assert.deepEqual(Object.keys(ALLOWED_MISSED).filter((k) => !missed.has(k)), []);
    assert.deepEqual(Object.keys(ALLOWED_EXTRA).filter((k) => !extra.has(k)), []);
  });
});
