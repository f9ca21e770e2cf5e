// How `specfirst fuzz` prints what it found: one row per operation (a cell per kind of request),
// then each failure as the smallest request fast-check shrank it to, what it breaks, the answer
// and every problem with it, and the command that replays the run. Pure: results in, text out.
import type { FuzzKind } from './requests.js';
import type { PropertyResult } from './run.js';
import type { RequestSpec } from '../requests/build-request.js';

const KINDS: [FuzzKind, string][] = [
  ['valid', 'valid'],
  ['invalid', 'invalid'],
  ['no-credentials', 'no credentials'],
];

export function resultTable(results: PropertyResult[]): string {
  const operations = [...new Set(results.map((r) => r.operation))];
  const header = ['operation', ...KINDS.map(([, title]) => title)];
  const rows = operations.map((operation) => [
    operation,
    ...KINDS.map(([kind]) => {
      const r = results.find((x) => x.operation === operation && x.kind === kind);
      if (!r) return '-';
      if (r.failure) return `✗ after ${r.failure.failedAfter}`;
      if (r.gaveUp) return `gave up (${r.runs})`;
      return `✓ ${r.runs}${r.notImplemented > 0 ? ` (${r.notImplemented}×501)` : ''}`;
    }),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  return [header, ...rows].map((row) => row.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd()).join('\n');
}

export function failureReport(r: PropertyResult): string {
  const f = r.failure!;
  const lines = [`✗ ${r.operation}, ${KINDS.find(([k]) => k === r.kind)![1]} requests: failed after ${f.failedAfter} run(s), shrunk ${f.shrinks} time(s) to`];
  lines.push(...requestLines(f.request).map((l) => `    ${l}`));
  if (f.breaks) lines.push(`  which breaks: ${f.breaks}`);
  if (f.answer) lines.push(`  answered ${f.answer.status}${f.answer.body ? `: ${f.answer.body.length > 400 ? `${f.answer.body.slice(0, 400)}…` : f.answer.body}` : ''}`);
  for (const problem of f.problems) lines.push(`  - ${problem}`);
  return lines.join('\n');
}

/** The request as a person would read it: request line, headers, body. */
export function requestLines(spec: RequestSpec): string[] {
  const lines = [`${spec.method} ${spec.url}`, ...Object.entries(spec.headers).map(([k, v]) => `${k}: ${v}`)];
  const body = spec.body;
  if (body === undefined) return lines;
  if (typeof body === 'string') lines.push('', body);
  else if (body instanceof URLSearchParams) lines.push('(application/x-www-form-urlencoded)', body.toString());
  else if (body instanceof FormData) {
    lines.push('(multipart/form-data)');
    for (const [name, value] of body.entries()) lines.push(typeof value === 'string' ? `  ${name} = ${JSON.stringify(value)}` : `  ${name} = <file ${value.name}, ${value.size} bytes, ${value.type}>`);
  } else lines.push('', `<${body.byteLength} bytes>`);
  return lines;
}
