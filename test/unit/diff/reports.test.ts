// The four formats of `specfirst diff` over one fixed diff (test/fixtures/diff/base.yaml →
// revision.yaml, with an accepted, a stale and an expired entry): each whole text against its
// golden file (test/golden/diff/; `npm run golden:update` rewrites them: review the diff), the JSON
// against its documented schema (generator/diff/diff-report.schema.json), and the rules readers
// rely on.
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { loadContract } from '../../../generator/contract/load.js';
import { applyAccepted } from '../../../generator/diff/accepted.js';
import { diffContracts } from '../../../generator/diff/diff-contracts.js';
import { fails, type DiffReport } from '../../../generator/diff/report.js';
import { formatDiffGithub } from '../../../generator/diff/report-github.js';
import { formatDiffJson } from '../../../generator/diff/report-json.js';
import { formatDiffMarkdown } from '../../../generator/diff/report-markdown.js';
import { formatDiffText } from '../../../generator/diff/report-text.js';
import { fixture, ROOT } from '../../helpers.js';

const UPDATE = process.env.UPDATE_GOLDEN === '1';

async function golden(name: string, text: string): Promise<void> {
  const path = join(ROOT, 'test', 'golden', 'diff', name);
  if (UPDATE) await writeFile(path, text);
  assert.equal(text, await readFile(path, 'utf8'));
}

describe('diff reports', () => {
  let report: DiffReport;
  before(async () => {
    const cwd = process.cwd();
    process.chdir(ROOT);
    try {
      const [b, r] = await Promise.all([loadContract(fixture('diff', 'base.yaml')), loadContract(fixture('diff', 'revision.yaml'))]);
      const changes = diffContracts(b.contract!, r.contract!, { today: '2026-06-01' });
      report = applyAccepted(
        [{ base: 'test/fixtures/diff/base.yaml', revision: 'test/fixtures/diff/revision.yaml', changes }],
        [
          { id: 'api-path-removed-without-deprecation', operation: 'DELETE /items/{id}', reason: 'no client calls it (90 days of access logs)' },
          { id: 'request-parameter-added-required', operation: 'GET /items', reason: 'was needed for an earlier change' },
          { id: 'request-parameter-max-decreased', operation: 'GET /items', reason: 'temporary', expires: '2026-01-31' },
        ],
        '2026-06-01',
      );
    } finally {
      process.chdir(cwd);
    }
  });

  it('prints text grouped by operation, each change with both places, as in report.txt', () => golden('report.txt', formatDiffText(report)));
  it('prints a markdown comment with a table of what breaks and info collapsed, as in report.md', () => golden('report.md', formatDiffMarkdown(report)));
  it('prints GitHub annotations at the revision line (for what is gone, its parent there), as in report.github.txt', () => golden('report.github.txt', formatDiffGithub(report)));
  it('prints JSON as in report.json', () => golden('report.json', formatDiffJson(report)));

  it('prints JSON that its documented schema accepts', async () => {
    const schema = JSON.parse(await readFile(join(ROOT, 'generator', 'diff', 'diff-report.schema.json'), 'utf8'));
    const validate = new Ajv2020({ strict: true, allErrors: true }).compile(schema);
    const ok = validate(JSON.parse(formatDiffJson(report)));
    assert.ok(ok, JSON.stringify(validate.errors));
  });

  it('prints the --impact part (handlers, client) in JSON its schema accepts, and in markdown', async () => {
    const schema = JSON.parse(await readFile(join(ROOT, 'generator', 'diff', 'diff-report.schema.json'), 'utf8'));
    const validate = new Ajv2020({ strict: true, allErrors: true }).compile(schema);
    const impact = { handlers: { 'GET /items': [{ file: 'server/shop/handlers/list-items.ts', line: 3, column: 7, message: "Type 'string' is not assignable to type 'number'." }] }, client: { 'DELETE /items/{id}': [{ file: 'x.ts', line: 9, column: 3, message: 'No overload matches this call.' }] }, clientOperations: 3 };
    const withImpact: DiffReport = { ...report, contracts: report.contracts.map((d) => ({ ...d, impact })) };
    assert.ok(validate(JSON.parse(formatDiffJson(withImpact))), JSON.stringify(validate.errors));
    const md = formatDiffMarkdown(withImpact);
    assert.match(md, /- GET \/items: `server\/shop\/handlers\/list-items\.ts:3:7` Type 'string'/);
    assert.match(md, /\*\*Client\*\*: a caller of the base client no longer compiles: DELETE \/items\/{id}\./);
    assert.match(formatDiffText(withImpact), /client: a caller of the base client no longer compiles: 1 of 3 operations/);
  });

  it('marks an accepted change accepted (never drops it), and reports the stale and the expired entry', () => {
    const all = report.contracts.flatMap((d) => d.changes);
    assert.equal(all.find((c) => c.id === 'api-path-removed-without-deprecation')?.accepted, 'no client calls it (90 days of access logs)');
    assert.deepEqual(report.stale.map((e) => e.id), ['request-parameter-added-required']);
    assert.deepEqual(report.expired.map((e) => e.id), ['request-parameter-max-decreased']);
    assert.equal(all.find((c) => c.id === 'request-parameter-max-decreased')?.accepted, undefined);
  });

  it('fails on an unaccepted breaking change, and on a warning only with --fail-on warning', () => {
    assert.equal(fails(report, 'breaking'), true);
    const withoutBreaking: DiffReport = { ...report, contracts: report.contracts.map((d) => ({ ...d, changes: d.changes.filter((c) => c.level !== 'breaking') })) };
    assert.equal(fails(withoutBreaking, 'breaking'), false);
    assert.equal(fails(withoutBreaking, 'warning'), true);
  });

  it('escapes workflow-command data so a message cannot end the annotation early', () => {
    const c = report.contracts[0]!.changes[0]!;
    const odd: DiffReport = { ...report, stale: [], contracts: [{ ...report.contracts[0]!, changes: [{ ...c, accepted: undefined, message: 'a\nb 100%', revision: { ...c.revision!, file: 'x,y:z.yaml' } }] }] };
    const line = formatDiffGithub(odd).split('\n')[0]!;
    assert.match(line, /file=x%2Cy%3Az\.yaml,/);
    assert.match(line, /::a%0Ab 100%25$/);
  });
});
