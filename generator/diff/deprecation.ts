// Lifecycle: removing an operation or parameter is a break unless it was deprecated first and its
// sunset date (the `x-sunset` extension, as oasdiff reads it) has passed; a sunset date dropped or
// moved earlier while deprecated is a break; an unreadable sunset date cannot be judged and is
// reported. `x-stability-level` (draft < alpha < beta < stable, as oasdiff reads it): an operation
// still draft or alpha in the base promises nothing, and lowering a level is a break.
import type { DiffContext } from './context.js';
import type { Json } from './schema-view.js';
import { LEVELS, stabilityOf, sunsetOf } from './lifecycle.js';

/** The id for something gone from the revision (an operation, a whole path, a parameter), by its lifecycle. */
export function removalId(ctx: DiffContext, holder: Json, prefix: 'api' | 'api-path' | 'request-parameter'): { id: string; why: string } | null {
  const sunset = sunsetOf(holder);
  if (sunset && 'invalid' in sunset && holder.deprecated === true) {
    return { id: prefix === 'request-parameter' ? 'request-parameter-sunset-invalid' : 'api-sunset-invalid', why: `removed, and its sunset date '${sunset.invalid}' is not a date` };
  }
  if (holder.deprecated !== true) return prefix === 'request-parameter' ? null : { id: `${prefix}-removed-without-deprecation`, why: 'removed without being deprecated first' };
  if (sunset && 'date' in sunset && sunset.date > ctx.today) return { id: `${prefix}-removed-before-sunset`, why: `removed before its sunset date ${sunset.date}` };
  return { id: `${prefix}-removed-with-deprecation`, why: 'removed after deprecation' };
}

export function compareDeprecation(ctx: DiffContext, operation: string, pointers: { base: string; revision: string }, base: Json, revision: Json): void {
  const bRank = stabilityOf(base);
  const rRank = stabilityOf(revision);
  if (bRank === null || rRank === null) {
    const [side, op] = bRank === null ? ['base', base] : ['revision', revision];
    ctx.add('api-stability-invalid', operation, bRank === null ? `${pointers.base}/x-stability-level` : pointers.base, rRank === null ? `${pointers.revision}/x-stability-level` : pointers.revision, `x-stability-level '${String(op['x-stability-level'])}' in the ${side} is not draft, alpha, beta or stable`);
  } else if (rRank < bRank) {
    ctx.add('api-stability-decreased', operation, pointers.base, `${pointers.revision}/x-stability-level`, `stability lowered from ${LEVELS[bRank]} to ${LEVELS[rRank]}`);
  }
  if (base.deprecated !== true && revision.deprecated === true) ctx.add('endpoint-deprecated', operation, pointers.base, `${pointers.revision}/deprecated`, 'operation deprecated');
  if (base.deprecated === true && revision.deprecated !== true) ctx.add('endpoint-reactivated', operation, `${pointers.base}/deprecated`, pointers.revision, 'operation no longer deprecated');
  compareSunset(ctx, operation, pointers, base, revision, 'api', 'the operation');
}

/** Sunset dates of something deprecated in both versions (an operation, a parameter). */
export function compareSunset(ctx: DiffContext, operation: string, pointers: { base: string; revision: string }, base: Json, revision: Json, prefix: 'api' | 'request-parameter', what: string): void {
  if (revision.deprecated !== true) return;
  const bs = base.deprecated === true ? sunsetOf(base) : null;
  const rs = sunsetOf(revision);
  const invalid = [bs, rs].find((s) => s && 'invalid' in s) as { invalid: string } | undefined;
  if (invalid) return ctx.add(`${prefix}-sunset-invalid`, operation, `${pointers.base}/x-sunset`, `${pointers.revision}/x-sunset`, `${what}: sunset date '${invalid.invalid}' is not a date`);
  if (!bs || !('date' in bs)) return;
  if (!rs) ctx.add(`${prefix}-sunset-deleted`, operation, `${pointers.base}/x-sunset`, pointers.revision, `${what}: sunset date ${bs.date} removed while still deprecated`);
  else if ('date' in rs && rs.date < bs.date) ctx.add(`${prefix}-sunset-date-earlier`, operation, `${pointers.base}/x-sunset`, `${pointers.revision}/x-sunset`, `${what}: sunset date moved earlier, ${bs.date} → ${rs.date}`);
}
