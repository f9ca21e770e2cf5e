// Runs specfirst's diff over oasdiff's own test cases (../shared/contracts/oasdiff-cases, see its
// README) and scores it: every ERR-level change oasdiff expects is found (reported as breaking
// under a mapped id, on the same operation when the case names one), and a pair oasdiff calls
// clean gets no breaking change among the ids the case checks.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadContract, type LoadedContract } from '../../../generator/contract/load.js';
import type { Change } from '../../../generator/diff/change.js';
import { diffContracts } from '../../../generator/diff/diff-contracts.js';
import { oasdiffIds, specfirstIds } from './oasdiff-ids.js';

interface Expected {
  id: string;
  level: string;
  operation?: string;
}

export interface OasdiffCase {
  test: string;
  variant?: number;
  base: string;
  revision: string;
  checks: string[] | 'all';
  min_level: string;
  expected: Expected[];
  exact: boolean;
}

export interface CaseResult {
  name: string;
  found: Expected[];
  missed: Expected[];
  /** Breaking changes on a pair oasdiff calls clean (for the ids the case checks). */
  extra: Change[];
  clean: boolean;
  loadError: string | null;
}

export function caseName(c: OasdiffCase): string {
  return c.variant === undefined ? c.test : `${c.test}#${c.variant}`;
}

/** Date the cases are judged on: their sunset dates are absolute (README: 9999-… or past). */
const TODAY = '2026-08-08';

export async function runOasdiffCases(dir: string): Promise<CaseResult[]> {
  const cases = JSON.parse(await readFile(join(dir, 'cases.json'), 'utf8')) as OasdiffCase[];
  const loaded = new Map<string, Promise<LoadedContract | string>>();
  const load = (file: string) => {
    let p = loaded.get(file);
    if (!p) {
      p = loadContract(join(dir, file)).then(({ contract, diagnostics }) => contract ?? `${file}: ${diagnostics.map((d) => d.message).join('; ')}`);
      loaded.set(file, p);
    }
    return p;
  };
  const results: CaseResult[] = [];
  for (const c of cases) {
    const name = caseName(c);
    const base = await load(c.base);
    const revision = await load(c.revision);
    const errs = c.expected.filter((e) => e.level === 'ERR');
    if (typeof base === 'string' || typeof revision === 'string') {
      results.push({ name, found: [], missed: errs, extra: [], clean: false, loadError: typeof base === 'string' ? base : (revision as string) });
      continue;
    }
    const changes = diffContracts(base, revision, { today: TODAY });
    const breaking = changes.filter((ch) => ch.level === 'breaking');
    const found: Expected[] = [];
    const missed: Expected[] = [];
    for (const e of errs) {
      const ids = specfirstIds(e.id);
      const hit = breaking.some((ch) => ids.includes(ch.id) && (e.operation === undefined || ch.operation === null || sameOperation(ch.operation, e.operation)));
      (hit ? found : missed).push(e);
    }
    const clean = c.exact && c.expected.length === 0;
    const checked = (ch: Change) => c.checks === 'all' || oasdiffIds(ch.id).some((id) => (c.checks as string[]).includes(id));
    results.push({ name, found, missed, extra: clean ? breaking.filter(checked) : [], clean, loadError: null });
  }
  return results;
}

/** `GET /a/{id}` and `GET /a/{x}` are one operation. */
function sameOperation(a: string, b: string): boolean {
  const norm = (s: string) => s.replace(/\{[^}]*\}/g, '{}');
  return norm(a) === norm(b);
}
