// The markdown report of `specfirst diff`, for a pull-request comment or a job summary: the counts,
// then a table of the breaking changes and warnings (info collapsed). Pure; every piece of contract
// text is escaped so that it never breaks the table.
import { escapeMarkdown } from '../verify/report-markdown.js';
import type { Change } from './change.js';
import { countChanges, countLine, placeText, type DiffReport, type ImpactReport } from './report.js';

export function formatDiffMarkdown(report: DiffReport): string {
  const counts = countChanges(report);
  const out = ['## specfirst diff', '', `${counts.breaking > 0 ? '❌' : '✅'} **${countLine(counts)}**`];
  for (const d of report.contracts) {
    out.push('', `### ${escapeMarkdown(d.base === d.revision ? d.base : `${d.base} → ${d.revision}`)}`, '');
    const shown = d.changes.filter((c) => c.level !== 'info' || c.accepted !== undefined);
    const info = d.changes.filter((c) => !shown.includes(c));
    if (d.changes.length === 0) out.push('No changes.');
    if (shown.length > 0) {
      out.push('| level | change | operation | what | base | revision |', '| :-- | :-- | :-- | :-- | :-- | :-- |');
      for (const c of shown) out.push(row(c));
    }
    if (d.impact) out.push(...impactSection(d.impact));
    if (info.length > 0) {
      out.push('', `<details><summary>${info.length} info change${info.length === 1 ? '' : 's'}</summary>`, '');
      out.push('| change | operation | what |', '| :-- | :-- | :-- |');
      for (const c of info) out.push(`| \`${c.id}\` | ${escapeMarkdown(c.operation ?? '(API)')} | ${escapeMarkdown(c.message)} |`);
      out.push('', '</details>');
    }
  }
  if (report.stale.length + report.expired.length > 0) out.push('', '### Accepted entries to clean up', '');
  for (const e of report.stale) out.push(`- stale: \`${e.id}\` ${escapeMarkdown(e.operation ?? '')} matches no change`);
  for (const e of report.expired) out.push(`- expired ${escapeMarkdown(e.expires ?? '')}: \`${e.id}\` ${escapeMarkdown(e.operation ?? '')}`);
  return out.join('\n') + '\n';
}

function impactSection(impact: ImpactReport): string[] {
  const out = ['', '**Handlers**: ' + (Object.keys(impact.handlers).length === 0 ? 'no new type error.' : 'new type errors:')];
  for (const [operation, errors] of Object.entries(impact.handlers)) {
    for (const e of errors) out.push(`- ${escapeMarkdown(operation)}: \`${escapeMarkdown(`${e.file}:${e.line}:${e.column}`).replace(/\\/g, '')}\` ${escapeMarkdown(e.message)}`);
  }
  const broken = Object.keys(impact.client);
  out.push('', `**Client**: ${broken.length === 0 ? `a caller of the base client still compiles (${impact.clientOperations} operations).` : `a caller of the base client no longer compiles: ${broken.map(escapeMarkdown).join(', ')}.`}`);
  return out;
}

function row(c: Change): string {
  const level = c.accepted !== undefined ? `accepted: ${escapeMarkdown(c.accepted)}` : c.level === 'breaking' ? '❌ breaking' : '⚠️ warning';
  const place = (p: Change['base']) => (p ? `\`${escapeMarkdown(placeText(p, '')).replace(/\\/g, '')}\`` : '—');
  return `| ${level} | \`${c.id}\` | ${escapeMarkdown(c.operation ?? '(API)')} | ${escapeMarkdown(c.message)} | ${place(c.base)} | ${place(c.revision)} |`;
}
