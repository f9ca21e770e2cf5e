// The GitHub Actions report of `specfirst diff`: one workflow command per breaking change
// (`::error`) and warning (`::warning`) at the revision's line (the base's when the thing is
// gone), so that the pull request shows each at the contract line that made it. Accepted changes
// and info are not annotated. Pure.
import type { Change } from './change.js';
import { countChanges, countLine, type DiffReport } from './report.js';

/** GitHub's escaping of workflow command data and properties. */
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function formatDiffGithub(report: DiffReport): string {
  const out: string[] = [];
  for (const c of report.contracts.flatMap((d) => d.changes)) {
    if (c.level === 'info' || c.accepted !== undefined) continue;
    out.push(annotation(c));
  }
  for (const e of report.stale) out.push(`::warning title=${escapeProperty(`stale accepted entry ${e.id}`)}::${escapeData(`${e.id} ${e.operation ?? ''} matches no change: remove it from .specfirst-accepted.yaml`)}`);
  out.push(`specfirst diff: ${countLine(countChanges(report))}`);
  return out.join('\n') + '\n';
}

function annotation(c: Change): string {
  const place = c.revision ?? c.base;
  const props = [place ? `file=${escapeProperty(place.file)},line=${place.line},col=${place.column}` : '', `title=${escapeProperty(`${c.id}${c.operation ? ` ${c.operation}` : ''}`)}`]
    .filter(Boolean)
    .join(',');
  return `::${c.level === 'breaking' ? 'error' : 'warning'} ${props}::${escapeData(c.message)}`;
}
