// The markdown report of `specfirst verify`: a CI job summary (GitHub's $GITHUB_STEP_SUMMARY).
// A heading, one table row per contract with a ✅/❌ status, then for each contract with problems a
// collapsed <details> block that groups them: server failures first, then contract problems by lint
// rule, then requests not verified, then operations with no invalid request. Pure: rows in, text out.
// Every piece of contract or server text is escaped: it must never break the table or open HTML.
import { passed, type VerifyRow } from './row.js';
import { summaryLine } from './report-text.js';

export function formatMarkdownReport(rows: readonly VerifyRow[], strict: boolean): string {
  const out: string[] = ['## specfirst verify', ''];
  out.push('| contract | load | ops | valid ok | invalid rejected | no invalid | contract problems | server failures | status |');
  out.push('| :-- | :-- | --: | --: | --: | --: | --: | --: | :-: |');
  for (const r of rows) {
    const cells = [escapeMarkdown(r.contract), r.load, r.operations, `${r.validOk}/${r.operations}`, `${r.invalidRejected}/${r.operations}`, r.noInvalidRequest.length, r.contractProblems.length, r.failures.length, passed(r, strict) ? '✅' : '❌'];
    out.push(`| ${cells.join(' | ')} |`);
  }
  out.push('', `**${escapeMarkdown(summaryLine(rows, strict).replace(/^specfirst verify: /, ''))}**`);
  for (const r of rows) {
    const groups = problemGroups(r);
    if (groups.length === 0) continue;
    out.push('', `<details><summary>${passed(r, strict) ? '✅' : '❌'} ${escapeHtml(r.contract)}: ${escapeHtml(problemCounts(r))}</summary>`, '');
    for (const g of groups) {
      out.push(`#### ${escapeMarkdown(g.heading)} (${g.items.length})`, '');
      for (const item of g.items) out.push(`- ${escapeMarkdown(item)}`);
      out.push('');
    }
    out.push('</details>');
  }
  return out.join('\n') + '\n';
}

export interface ProblemGroup {
  heading: string;
  items: readonly string[];
}

/** The row's problems in the order a reader acts on them: what fails first, what is merely noted last. */
export function problemGroups(r: VerifyRow): ProblemGroup[] {
  const byRule = new Map<string, string[]>();
  for (const p of r.contractProblems) {
    const rule = problemRule(p);
    byRule.set(rule, [...(byRule.get(rule) ?? []), p]);
  }
  return [
    { heading: 'server failures', items: r.failures },
    ...[...byRule].map(([rule, items]) => ({ heading: `contract problems: ${rule}`, items })),
    { heading: 'not verified', items: r.unverified },
    { heading: 'no invalid request possible', items: r.noInvalidRequest },
  ].filter((g) => g.items.length > 0);
}

/** `1 server failure, 3 contract problems`: what the collapsed block holds. */
function problemCounts(r: VerifyRow): string {
  const counts: [number, string][] = [
    [r.failures.length, 'server failure'],
    [r.contractProblems.length, 'contract problem'],
    [r.unverified.length, 'not verified'],
    [r.noInvalidRequest.length, 'no invalid request'],
  ];
  return counts
    .filter(([n]) => n > 0)
    .map(([n, what]) => `${n} ${what}${n === 1 || what.startsWith('no') || what.startsWith('not') ? '' : 's'}`)
    .join(', ');
}

/**
 * The lint rule of a contract problem: `file:line:col severity RULE message` as lint prints it, or the
 * `(rule)` an operation-level problem ends with; a 5xx the server sent for an operation it isolated
 * is its own kind.
 */
export function problemRule(problem: string): string {
  const diagnostic = /^\S+:\d+:\d+ (?:error|warning) (\S+) /.exec(problem);
  if (diagnostic) return diagnostic[1]!;
  const trailing = /\(([a-z0-9-]+)\)$/.exec(problem);
  if (trailing) return trailing[1]!;
  if (problem.includes(': served as a contract problem')) return 'isolated by the server';
  return 'other';
}

/** Text that stays text inside a table cell or a list item: no `|`, backtick, emphasis, link or HTML, and one line. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\r?\n/g, ' ')
    .replace(/[\\`*_[\]|#]/g, (ch) => `\\${ch}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

const escapeHtml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
