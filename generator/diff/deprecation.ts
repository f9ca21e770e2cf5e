// Removing an operation is a break unless it was deprecated first and its sunset date (the
// `x-sunset` extension, as oasdiff reads it) has passed. Also: a sunset date dropped or moved
// earlier while the operation stays deprecated.
import type { DiffContext } from './context.js';
import type { Json } from './schema-view.js';

export function sunsetOf(op: Json): string | null {
  const raw = op['x-sunset'];
  if (raw instanceof Date) return raw.toISOString().slice(0, 10);
  return typeof raw === 'string' && raw.trim() !== '' ? raw.trim().slice(0, 10) : null;
}

/** The id for an operation (or, with `path`, a whole path) that is gone from the revision. */
export function removalId(ctx: DiffContext, op: Json, path: boolean): { id: string; why: string } {
  const prefix = path ? 'api-path' : 'api';
  if (op.deprecated !== true) return { id: `${prefix}-removed-without-deprecation`, why: 'removed without being deprecated first' };
  const sunset = sunsetOf(op);
  if (sunset && sunset > ctx.today) return { id: `${prefix}-removed-before-sunset`, why: `removed before its sunset date ${sunset}` };
  return { id: `${prefix}-removed-with-deprecation`, why: 'removed after deprecation' };
}

export function compareDeprecation(ctx: DiffContext, operation: string, pointers: { base: string; revision: string }, base: Json, revision: Json): void {
  if (base.deprecated !== true && revision.deprecated === true) ctx.add('endpoint-deprecated', operation, pointers.base, `${pointers.revision}/deprecated`, 'operation deprecated');
  if (base.deprecated === true && revision.deprecated !== true) ctx.add('endpoint-reactivated', operation, `${pointers.base}/deprecated`, pointers.revision, 'operation no longer deprecated');
  if (base.deprecated !== true || revision.deprecated !== true) return;
  const bs = sunsetOf(base);
  const rs = sunsetOf(revision);
  if (bs && !rs) ctx.add('api-sunset-deleted', operation, `${pointers.base}/x-sunset`, pointers.revision, `sunset date ${bs} removed while the operation stays deprecated`);
  else if (bs && rs && rs < bs) ctx.add('api-sunset-date-earlier', operation, `${pointers.base}/x-sunset`, `${pointers.revision}/x-sunset`, `sunset date moved earlier: ${bs} → ${rs}`);
}
