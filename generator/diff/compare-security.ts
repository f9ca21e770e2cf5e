// The security an operation requires in both versions (its own, else the API's). A list of
// requirements is an OR, each requirement an AND of schemes with scopes: the revision breaks
// clients when some way of calling the base is no longer enough, i.e. some base requirement is
// not a superset of any revision requirement.
import type { DiffContext } from './context.js';
import { encodePointer } from '../../server/runtime/contract/pointer.js';
import { canonical, isJson, type Json } from './schema-view.js';

type Requirement = Map<string, Set<string>>;

interface Security {
  requirements: Requirement[];
  pointer: string;
}

export function securityOf(doc: Json, op: Json, opPointer: string): Security {
  const own = Array.isArray(op.security);
  const list = own ? (op.security as unknown[]) : Array.isArray(doc.security) ? (doc.security as unknown[]) : [];
  const requirements = list.filter(isJson).map((r) => new Map(Object.entries(r).map(([k, v]) => [k, new Set(Array.isArray(v) ? v.map(String) : [])])));
  return { requirements, pointer: own ? `${opPointer}/security` : Array.isArray(doc.security) ? '/security' : opPointer };
}

/** Every request that satisfies `strong` satisfies `weak`. */
function covers(strong: Requirement, weak: Requirement): boolean {
  return [...weak].every(([scheme, scopes]) => strong.has(scheme) && [...scopes].every((s) => strong.get(scheme)!.has(s)));
}

const anonymous = (s: Security) => s.requirements.length === 0;

export function compareSecurity(ctx: DiffContext, operation: string, base: Security, revision: Security): void {
  // No requirement at all means anyone may call: the same as one empty requirement.
  const bReqs = anonymous(base) ? [new Map()] : base.requirements;
  const rReqs = anonymous(revision) ? [new Map()] : revision.requirements;
  for (const b of bReqs) {
    if (rReqs.some((r) => covers(b, r))) continue;
    const sameSchemes = rReqs.find((r) => [...r.keys()].every((k) => b.has(k)));
    const text = describe(b);
    if (sameSchemes) {
      const added = [...sameSchemes].flatMap(([k, scopes]) => [...scopes].filter((s) => !b.get(k)!.has(s)).map((s) => `${k}:${s}`));
      ctx.add('security-scope-added', operation, base.pointer, revision.pointer, `scope ${added.join(', ')} now required (was ${text})`);
    } else {
      ctx.add('security-requirement-added', operation, base.pointer, revision.pointer, `security ${describe(rReqs[0]!)} now required (was ${text})`);
    }
  }
  for (const r of rReqs) {
    if (bReqs.some((b) => covers(r, b))) continue;
    const sameSchemes = bReqs.find((b) => [...b.keys()].every((k) => r.has(k)));
    ctx.add(sameSchemes ? 'security-scope-removed' : 'security-requirement-removed', operation, base.pointer, revision.pointer, `security ${describe(r)} now enough`);
  }
  // A scheme both versions use under one name, but that now means another credential.
  const bDoc = ctx.docs.base as Json;
  const rDoc = ctx.docs.revision as Json;
  const used = new Set(bReqs.flatMap((b) => [...b.keys()]).filter((k) => rReqs.some((r) => r.has(k))));
  for (const name of used) {
    const bs = schemeOf(bDoc, name);
    const rs = schemeOf(rDoc, name);
    if (bs && rs && bs.text !== rs.text) ctx.add('security-scheme-changed', operation, bs.pointer, rs.pointer, `security scheme '${name}' changed (${bs.text} → ${rs.text})`);
  }
}

function schemeOf(doc: Json, name: string): { text: string; pointer: string } | null {
  const components = isJson(doc.components) && isJson(doc.components.securitySchemes) ? doc.components.securitySchemes : {};
  const s = components[name];
  if (!isJson(s)) return null;
  const { type, in: location, name: param, scheme } = s;
  return { text: canonical({ type, in: location, name: param, scheme: typeof scheme === 'string' ? scheme.toLowerCase() : scheme }), pointer: encodePointer(['components', 'securitySchemes', name]) };
}

function describe(r: Requirement): string {
  if (r.size === 0) return 'none';
  return [...r].map(([k, scopes]) => (scopes.size > 0 ? `${k}[${[...scopes].join(' ')}]` : k)).join(' + ');
}
