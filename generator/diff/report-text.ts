// The text report of `specfirst diff`: per contract pair, the changes grouped by operation, each
// with its level, id, what changed, and where in both versions; then stale and expired accepted
// entries, then the counts. Pure: report in, text out; colour comes from the caller.
import type { Change, Level } from './change.js';
import { byOperation, countChanges, countLine, placeText, type DiffReport, type ImpactReport } from './report.js';

export type Paint = (color: 'red' | 'yellow' | 'green' | 'dim' | 'bold', text: string) => string;

const noPaint: Paint = (_c, text) => text;

const COLOR: Record<Level, 'red' | 'yellow' | 'dim'> = { breaking: 'red', warning: 'yellow', info: 'dim' };

export function formatDiffText(report: DiffReport, c: Paint = noPaint): string {
  const out: string[] = [];
  for (const d of report.contracts) {
    out.push(c('bold', d.base === d.revision ? d.base : `${d.base} → ${d.revision}`));
    if (d.changes.length === 0) out.push('  no changes');
    for (const [operation, changes] of byOperation(d.changes)) {
      out.push(`  ${operation}`);
      for (const ch of changes) out.push(...changeLines(ch, c));
      if (d.impact) out.push(...impactLines(d.impact, operation, c));
    }
    if (d.impact) {
      // Errors in code no changed operation owns (a store the handlers share…), or in an operation without changes.
      const shown = new Set(byOperation(d.changes).map(([op]) => op));
      for (const operation of new Set([...Object.keys(d.impact.handlers), ...Object.keys(d.impact.client)])) {
        if (!shown.has(operation)) out.push(`  ${operation}`, ...impactLines(d.impact, operation, c));
      }
      const broken = Object.keys(d.impact.client).length;
      out.push(`  client: ${broken === 0 ? c('green', `a caller of the base client still compiles (${d.impact.clientOperations} operations)`) : c('red', `a caller of the base client no longer compiles: ${broken} of ${d.impact.clientOperations} operations`)}`);
    }
    out.push('');
  }
  for (const e of report.stale) out.push(c('yellow', `stale accepted entry: ${e.id}${e.operation ? ` ${e.operation}` : ''} matches no change (remove it)`));
  for (const e of report.expired) out.push(c('yellow', `expired accepted entry: ${e.id}${e.operation ? ` ${e.operation}` : ''} (expired ${e.expires}): no longer applied`));
  if (report.stale.length + report.expired.length > 0) out.push('');
  out.push(`specfirst diff: ${countLine(countChanges(report))}`);
  return out.join('\n') + '\n';
}

function impactLines(impact: ImpactReport, operation: string, c: Paint): string[] {
  const lines: string[] = [];
  for (const e of impact.handlers[operation] ?? []) lines.push(c('red', `    handler: ${e.file}:${e.line}:${e.column} ${e.message}`));
  for (const e of impact.client[operation] ?? []) lines.push(c('red', `    client: does not compile: ${e.message.split('\n')[0]}`));
  return lines;
}

function changeLines(ch: Change, c: Paint): string[] {
  const level = ch.accepted !== undefined ? c('green', 'accepted') : c(COLOR[ch.level], ch.level);
  const who = ch.breaks.length > 0 && ch.level !== 'info' ? ` (breaks ${ch.breaks.join(', ')})` : '';
  const lines = [`    ${level} ${ch.id}: ${ch.message}${who}`, c('dim', `      base ${placeText(ch.base, '(not there)')}  revision ${placeText(ch.revision, '(not there)')}`)];
  if (ch.accepted !== undefined) lines.push(c('dim', `      accepted: ${ch.accepted}`));
  return lines;
}

/** One line per breaking change, for `specfirst dev`: `breaking request-…  GET /pets  message  (file:line:col)`. */
export function breakingLines(report: DiffReport): string[] {
  return report.contracts.flatMap((d) =>
    d.changes.filter((ch) => ch.level === 'breaking' && ch.accepted === undefined).map((ch) => `${ch.id} ${ch.operation ?? '(API)'}: ${ch.message} (${placeText(ch.revision ?? ch.base, '?')})`),
  );
}
