// How a contract says where something is in its life: `x-sunset` (the day it may go) and
// `x-stability-level` (draft < alpha < beta < stable), both as oasdiff reads them. Pure reading.
import type { Json } from './schema-view.js';

type Sunset = { date: string } | { invalid: string } | null;

/** `x-sunset` as a `YYYY-MM-DD` date (a date-time keeps its day), or why it is not one. */
export function sunsetOf(holder: Json): Sunset {
  const raw = holder['x-sunset'];
  if (raw === undefined || raw === null) return null;
  if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? { invalid: String(raw) } : { date: raw.toISOString().slice(0, 10) };
  const text = String(raw).trim();
  const m = /^(\d{4}-\d{2}-\d{2})(T[0-9:.]+(Z|[+-]\d{2}:\d{2})?)?$/.exec(text);
  if (!m || Number.isNaN(Date.parse(m[1]!))) return { invalid: text };
  return { date: m[1]! };
}

export const LEVELS = ['draft', 'alpha', 'beta', 'stable'];

/** The stability rank (0 draft … 3 stable; none written is stable), or null for a value that is no level. */
export function stabilityOf(op: Json): number | null {
  const raw = op['x-stability-level'];
  if (raw === undefined) return LEVELS.length - 1;
  const rank = LEVELS.indexOf(String(raw));
  return rank < 0 ? null : rank;
}

/** An operation the base marks draft or alpha: its changes break no promise. */
export function unstable(op: Json): boolean {
  const rank = stabilityOf(op);
  return rank !== null && rank < LEVELS.indexOf('beta');
}

