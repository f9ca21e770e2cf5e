// Parameters of one operation in both versions: added, removed, moved, required, serialisation,
// and their schemas judged as what clients send.
import type { DiffContext } from './context.js';
import { compareSunset, removalId } from './deprecation.js';
import { styleOf, type ParameterAt } from './parameters.js';

export function compareParameters(ctx: DiffContext, operation: string, opPointers: { base: string; revision: string }, base: ParameterAt[], revision: ParameterAt[]): void {
  const revByKey = new Map(revision.map((p) => [p.key, p]));
  const baseByKey = new Map(base.map((p) => [p.key, p]));
  const label = (p: ParameterAt) => `${p.in} parameter '${p.name}'`;
  for (const b of base) {
    const r = revByKey.get(b.key);
    if (!r) {
      const moved = revision.find((x) => x.name === b.name && x.in !== b.in && !baseByKey.has(x.key));
      if (moved) ctx.add('request-parameter-location-changed', operation, b.pointer, moved.pointer, `${label(b)} moved to ${moved.in}`);
      else {
        const lifecycle = removalId(ctx, b.value, 'request-parameter');
        const id = lifecycle?.id ?? (b.in === 'query' ? 'request-query-parameter-removed' : 'request-parameter-removed');
        ctx.add(id, operation, b.pointer, opPointers.revision, `${label(b)} ${lifecycle?.why ?? 'removed'}`);
      }
      continue;
    }
    const what = label(r);
    const rb = b.in === 'path' || b.value.required === true;
    const rr = r.in === 'path' || r.value.required === true;
    if (!rb && rr) ctx.add('request-parameter-became-required', operation, b.pointer, r.pointer, `${what} became required`);
    if (rb && !rr) ctx.add('request-parameter-became-optional', operation, b.pointer, r.pointer, `${what} became optional`);
    if (b.value.deprecated !== true && r.value.deprecated === true) ctx.add('request-parameter-deprecated', operation, b.pointer, r.pointer, `${what} deprecated`);
    compareSunset(ctx, operation, { base: b.pointer, revision: r.pointer }, b.value, r.value, 'request-parameter', what);
    const sb = styleOf(b);
    const sr = styleOf(r);
    if (sb.style !== sr.style) ctx.add('request-parameter-style-changed', operation, b.pointer, r.pointer, `${what}: style ${sb.style} → ${sr.style}`);
    else if (sb.explode !== sr.explode) ctx.add('request-parameter-explode-changed', operation, b.pointer, r.pointer, `${what}: explode ${sb.explode} → ${sr.explode}`);
    if (b.schema && r.schema) ctx.compareSchemas('request', 'parameter', operation, what, b.schema, r.schema);
  }
  for (const r of revision) {
    if (baseByKey.has(r.key) || base.some((b) => b.name === r.name && b.in !== r.in && !revByKey.has(b.key))) continue;
    const required = r.in === 'path' || r.value.required === true;
    const id = r.in === 'path' ? 'request-path-parameter-added' : required ? 'request-parameter-added-required' : 'request-parameter-added-optional';
    ctx.add(id, operation, opPointers.base, r.pointer, `${required ? 'required' : 'optional'} ${label(r)} added`);
  }
}
