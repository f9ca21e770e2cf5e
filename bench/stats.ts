// Summaries of repeated measurements and the tables they are printed in. Medians, not means: a
// round that caught a neighbour's burst or a major GC should move the summary as little as
// possible, and min/max are printed beside it so the spread is visible.

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export interface Summary {
  min: number;
  median: number;
  max: number;
}

export function summarize(values: readonly number[]): Summary {
  return { min: Math.min(...values), median: median(values), max: Math.max(...values) };
}

/**
 * Per round, how much work `subject` does for the same resources as `baseline` (baseline cost /
 * subject cost for costs, subject / baseline for throughputs); the median of those ratios. Rounds
 * are paired so that a slow moment of the machine, which affects both, cancels out.
 */
export function medianRatio(subject: readonly number[], baseline: readonly number[], kind: 'cost' | 'throughput'): number {
  const ratios: number[] = [];
  for (let i = 0; i < Math.min(subject.length, baseline.length); i++) {
    const s = subject[i]!;
    const b = baseline[i]!;
    if (!(s > 0 && b > 0)) continue;
    ratios.push(kind === 'cost' ? b / s : s / b);
  }
  return median(ratios);
}

/** Rotates `items` by `round`, so that over the rounds every item runs first, second, … in turn. */
export function rotate<T>(items: readonly T[], round: number): T[] {
  const k = round % items.length;
  return [...items.slice(k), ...items.slice(0, k)];
}

export function fixed(value: number, digits: number): string {
  return Number.isFinite(value) ? value.toFixed(digits) : 'n/a';
}

/** A Markdown table, right-aligned except the first column(s) of text. */
export function table(header: readonly string[], rows: readonly (readonly string[])[], textColumns = 1): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]?.length ?? 0)));
  const line = (cells: readonly string[]): string => `| ${cells.map((c, i) => (i < textColumns ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (i < textColumns ? `${'-'.repeat(w + 2)}` : `${'-'.repeat(w + 1)}:`)).join('|')}|`;
  return [line(header), rule, ...rows.map(line)].join('\n');
}
