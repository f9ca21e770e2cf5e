// The text report of `specfirst verify`: a table, one line per contract, then each contract's
// problems listed under it, then a count. Pure: rows in, text out; colour comes from the caller
// (it alone knows whether stdout is a terminal). Its output is what people and scripts already read:
// change it only on purpose.
import { passed, passedWithProblems, type VerifyRow } from './row.js';

export type Paint = (color: 'red' | 'yellow', text: string) => string;

const noPaint: Paint = (_color, text) => text;

export function formatTextReport(rows: readonly VerifyRow[], strict: boolean, c: Paint = noPaint): string {
  const out: string[] = [];
  const header = ['contract', 'load', 'generate ms', 'tsc ms', 'start ms', 'ops', 'valid ok', 'invalid rejected', 'no invalid', 'contract problems', 'server failures'];
  const cells = rows.map((r) =>
    [r.contract, r.load, r.generateMs, r.tscMs, r.startMs, r.operations, `${r.validOk}/${r.operations}`, `${r.invalidRejected}/${r.operations}`, r.noInvalidRequest.length, r.contractProblems.length, r.failures.length].map(String),
  );
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((row) => row[i]!.length)));
  const line = (values: string[]) => values.map((v, i) => (i === 0 ? v.padEnd(widths[i]!) : v.padStart(widths[i]!))).join('  ');
  out.push(line(header));
  for (const [i, row] of cells.entries()) {
    const r = rows[i]!;
    out.push(r.failures.length > 0 ? c('red', line(row)) : r.contractProblems.length > 0 ? c('yellow', line(row)) : line(row));
  }
  for (const r of rows.filter((x) => x.failures.length + x.contractProblems.length + x.unverified.length + x.noInvalidRequest.length > 0)) {
    out.push(`\n${r.contract}:`);
    if (r.contractProblems.length > 0) out.push(`  contract problems (${r.contractProblems.length}):`);
    for (const p of r.contractProblems) out.push(`    ${p}`);
    if (r.noInvalidRequest.length > 0) out.push(`  no invalid request possible (${r.noInvalidRequest.length}):`);
    for (const n of r.noInvalidRequest) out.push(`    ${n}`);
    if (r.unverified.length > 0) out.push(`  not verified (${r.unverified.length}):`);
    for (const u of r.unverified) out.push(`    ${u}`);
    if (r.failures.length > 0) out.push(`  server failures (${r.failures.length}):`);
    for (const f of r.failures) out.push(`    - ${f}`);
  }
  out.push(`\n${summaryLine(rows, strict)}`);
  return out.join('\n') + '\n';
}

/** `specfirst verify: 1/2 contract(s) passed (1 with contract problems: --strict fails them)` */
export function summaryLine(rows: readonly VerifyRow[], strict: boolean): string {
  const ok = rows.filter((r) => passed(r, strict)).length;
  const withProblems = passedWithProblems(rows);
  return `specfirst verify: ${ok}/${rows.length} contract(s) passed${!strict && withProblems > 0 ? ` (${withProblems} with contract problems: --strict fails them)` : ''}`;
}
