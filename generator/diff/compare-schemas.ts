// Compares two schemas in one direction (`request`: what clients send; `response`: what they
// receive) and lists what changed, each as a kind from the catalogue, the property path it is at,
// and the pointers of both sides. Pure. A pair of schemas is compared once per direction however
// many operations share it (box.json reuses a few components in hundreds of places), and a
// recursive schema ends where the same pair is met again.
import { BOUNDS, CONSTRAINT_KEYWORDS, type Direction } from './catalogue.js';
import type { Pair } from './change.js';
import { encodePointer } from '../../server/runtime/contract/pointer.js';
import { stabilityOf } from './lifecycle.js';
import { allowsNull, canonical, enumOf, isJson, schemaAt, show, typesOf, type Json, type SchemaAt } from './schema-view.js';

export interface SchemaFinding {
  kind: string;
  /** Property names (and `[]` for array items, `*` for additionalProperties) from the compared schema down. */
  path: string[];
  base: string;
  revision: string;
  detail: string;
}

/** The schemas of `anyOf`/`oneOf`/`allOf` and the id each change gets. */
const COMPOSITIONS: [keyword: string, name: string][] = [
  ['allOf', 'all-of'],
  ['anyOf', 'any-of'],
  ['oneOf', 'one-of'],
];

export class SchemaComparer {
  private readonly memo = new Map<string, SchemaFinding[]>();
  private readonly active = new Set<string>();

  constructor(private readonly docs: Pair<unknown>) {}

  /** Compares the schemas written at two places (values as written, `$ref`s allowed). */
  compare(direction: Direction, base: { value: unknown; pointer: string }, revision: { value: unknown; pointer: string }): SchemaFinding[] {
    return this.compareAt(direction, schemaAt(this.docs.base, base.value, base.pointer), schemaAt(this.docs.revision, revision.value, revision.pointer));
  }

  private compareAt(direction: Direction, b: SchemaAt, r: SchemaAt): SchemaFinding[] {
    if (!b.schema || !r.schema) return [];
    const key = `${direction}|${b.pointer}|${b.wrappedNullable}|${r.pointer}|${r.wrappedNullable}`;
    const known = this.memo.get(key);
    if (known) return known;
    if (this.active.has(key)) return [];
    this.active.add(key);
    const found: SchemaFinding[] = [];
    compareOwn(b, r, found);
    this.compareChildren(direction, b, r, found);
    this.active.delete(key);
    this.memo.set(key, found);
    return found;
  }

  private child(direction: Direction, b: unknown, bp: string, r: unknown, rp: string, path: string[], into: SchemaFinding[]): void {
    const inner = this.compareAt(direction, schemaAt(this.docs.base, b, bp), schemaAt(this.docs.revision, r, rp));
    for (const f of inner) into.push({ ...f, path: [...path, ...f.path] });
  }

  private compareChildren(direction: Direction, b: SchemaAt, r: SchemaAt, found: SchemaFinding[]): void {
    const bs = b.schema!;
    const rs = r.schema!;
    const at = (side: SchemaAt, ...segments: (string | number)[]) => side.pointer + encodePointer(segments);
    const skip = direction === 'request' ? 'readOnly' : 'writeOnly';
    const bProps = isJson(bs.properties) ? bs.properties : {};
    const rProps = isJson(rs.properties) ? rs.properties : {};
    const bRequired = new Set(Array.isArray(bs.required) ? bs.required : []);
    const rRequired = new Set(Array.isArray(rs.required) ? rs.required : []);
    const hidden = (doc: unknown, value: unknown, pointer: string) => schemaAt(doc, value, pointer).schema?.[skip] === true;
    for (const name of new Set([...Object.keys(bProps), ...Object.keys(rProps)])) {
      const inB = Object.hasOwn(bProps, name);
      const inR = Object.hasOwn(rProps, name);
      const bp = at(b, 'properties', name);
      const rp = at(r, 'properties', name);
      if (inB && inR) {
        if (hidden(this.docs.base, bProps[name], bp) && hidden(this.docs.revision, rProps[name], rp)) continue;
        this.child(direction, bProps[name], bp, rProps[name], rp, [name], found);
        if (!bRequired.has(name) && rRequired.has(name)) found.push({ kind: 'became-required', path: [name], base: bp, revision: at(r, 'required'), detail: `'${name}' became required` });
        if (bRequired.has(name) && !rRequired.has(name)) found.push({ kind: 'became-optional', path: [name], base: at(b, 'required'), revision: rp, detail: `'${name}' became optional` });
      } else if (inR) {
        if (hidden(this.docs.revision, rProps[name], rp)) continue;
        const kind = rRequired.has(name) ? 'added-required' : 'added-optional';
        found.push({ kind, path: [name], base: at(b, 'properties'), revision: rp, detail: `${kind === 'added-required' ? 'required' : 'optional'} property '${name}' added` });
      } else {
        if (hidden(this.docs.base, bProps[name], bp)) continue;
        const refused = direction === 'request' && rs.additionalProperties === false;
        const kind = refused ? 'removed-now-refused' : bRequired.has(name) ? 'removed-required' : 'removed';
        found.push({ kind, path: [name], base: bp, revision: at(r, 'properties'), detail: `property '${name}' removed` });
      }
    }
    if (rs.additionalProperties === false && bs.additionalProperties !== false) {
      found.push({ kind: 'additional-properties-refused', path: [], base: b.pointer, revision: at(r, 'additionalProperties'), detail: 'additionalProperties became false' });
    } else if (bs.additionalProperties === false && rs.additionalProperties !== false) {
      found.push({ kind: 'additional-properties-allowed', path: [], base: at(b, 'additionalProperties'), revision: r.pointer, detail: 'additionalProperties is no longer false' });
    }
    if (isJson(bs.additionalProperties) && isJson(rs.additionalProperties)) {
      this.child(direction, bs.additionalProperties, at(b, 'additionalProperties'), rs.additionalProperties, at(r, 'additionalProperties'), ['*'], found);
    }
    if (isJson(bs.items) && isJson(rs.items)) this.child(direction, bs.items, at(b, 'items'), rs.items, at(r, 'items'), ['[]'], found);
    this.compareCompositions(direction, b, r, found);
    for (const [keyword, name] of Object.entries(CONSTRAINT_KEYWORDS)) {
      const inB = bs[keyword] !== undefined;
      const inR = rs[keyword] !== undefined;
      if (keyword === 'not' && (allowsNothing(bs) || allowsNothing(rs))) continue;
      if (inR && !inB) found.push({ kind: `${name}-added`, path: [], base: b.pointer, revision: at(r, keyword), detail: `'${keyword}' added` });
      else if (inB && !inR) found.push({ kind: `${name}-removed`, path: [], base: at(b, keyword), revision: r.pointer, detail: `'${keyword}' removed` });
      else if (inB && inR && (keyword === 'dependentSchemas' || keyword === 'patternProperties') && isJson(bs[keyword]) && isJson(rs[keyword])) {
        const bm = bs[keyword] as Json;
        const rm = rs[keyword] as Json;
        for (const k of Object.keys(rm)) if (!Object.hasOwn(bm, k)) found.push({ kind: `${name}-added`, path: [], base: at(b, keyword), revision: at(r, keyword, k), detail: `'${keyword}' ${k} added` });
        for (const k of Object.keys(bm)) {
          if (!Object.hasOwn(rm, k)) found.push({ kind: `${name}-removed`, path: [], base: at(b, keyword, k), revision: at(r, keyword), detail: `'${keyword}' ${k} removed` });
          else this.child(direction, bm[k], at(b, keyword, k), rm[k], at(r, keyword, k), [], found);
        }
      } else if (inB && inR && !['if', 'not', 'dependentSchemas', 'patternProperties'].includes(keyword)) {
        // `if` and `not` invert what their schema means: a change inside them is not judged here.
        this.child(direction, bs[keyword], at(b, keyword), rs[keyword], at(r, keyword), [], found);
      }
    }
    if (Array.isArray(bs.prefixItems) || Array.isArray(rs.prefixItems)) {
      const bl = Array.isArray(bs.prefixItems) ? bs.prefixItems : [];
      const rl = Array.isArray(rs.prefixItems) ? rs.prefixItems : [];
      for (let i = 0; i < Math.min(bl.length, rl.length); i++) this.child(direction, bl[i], at(b, 'prefixItems', i), rl[i], at(r, 'prefixItems', i), [String(i)], found);
      for (let i = bl.length; i < rl.length; i++) found.push({ kind: 'prefix-items-added', path: [], base: b.pointer, revision: at(r, 'prefixItems', i), detail: `prefixItems[${i}] added` });
      for (let i = rl.length; i < bl.length; i++) found.push({ kind: 'prefix-items-removed', path: [], base: at(b, 'prefixItems', i), revision: r.pointer, detail: `prefixItems[${i}] removed` });
    }
  }

  /**
   * allOf/anyOf/oneOf members are matched by what they reference (or what they are), not by
   * position: reordering them changes nothing. Members left over on both sides are paired in order
   * and compared; the rest are added or removed.
   */
  private compareCompositions(direction: Direction, b: SchemaAt, r: SchemaAt, found: SchemaFinding[]): void {
    for (const [keyword, name] of COMPOSITIONS) {
      const bl = Array.isArray(b.schema![keyword]) ? (b.schema![keyword] as unknown[]) : [];
      const rl = Array.isArray(r.schema![keyword]) ? (r.schema![keyword] as unknown[]) : [];
      if (bl.length === 0 && rl.length === 0) continue;
      const keyOf = (m: unknown) => (isJson(m) && typeof m.$ref === 'string' ? `ref:${m.$ref.slice(m.$ref.lastIndexOf('/') + 1)}` : canonical(m));
      const bKeys = bl.map(keyOf);
      const rKeys = rl.map(keyOf);
      const bLeft: number[] = [];
      const rUsed = new Set<number>();
      bKeys.forEach((k, i) => {
        const j = rKeys.findIndex((rk, jj) => rk === k && !rUsed.has(jj));
        if (j < 0) return void bLeft.push(i);
        rUsed.add(j);
        this.child(direction, bl[i], `${b.pointer}/${keyword}/${i}`, rl[j], `${r.pointer}/${keyword}/${j}`, [], found);
      });
      const rLeft = rKeys.map((_, j) => j).filter((j) => !rUsed.has(j));
      const paired = Math.min(bLeft.length, rLeft.length);
      for (let k = 0; k < paired; k++) {
        this.child(direction, bl[bLeft[k]!], `${b.pointer}/${keyword}/${bLeft[k]}`, rl[rLeft[k]!], `${r.pointer}/${keyword}/${rLeft[k]}`, [], found);
      }
      for (const i of bLeft.slice(paired)) found.push({ kind: `${name}-removed`, path: [], base: `${b.pointer}/${keyword}/${i}`, revision: r.pointer, detail: `${describe(bl[i])} removed from ${keyword}` });
      for (const j of rLeft.slice(paired)) found.push({ kind: `${name}-added`, path: [], base: b.pointer, revision: `${r.pointer}/${keyword}/${j}`, detail: `${describe(rl[j])} added to ${keyword}` });
    }
  }
}

/** `not: {}`: what the normaliser makes of `enum: []` (enumOf reads it as an empty enum). */
function allowsNothing(schema: Json): boolean {
  return isJson(schema.not) && Object.keys(schema.not).length === 0;
}

function describe(member: unknown): string {
  return isJson(member) && typeof member.$ref === 'string' ? `'${member.$ref.slice(member.$ref.lastIndexOf('/') + 1)}'` : 'a schema';
}

/** What a schema says about its own values: types, null, enum, const, pattern, default, bounds. */
function compareOwn(b: SchemaAt, r: SchemaAt, found: SchemaFinding[]): void {
  const bs = b.schema!;
  const rs = r.schema!;
  const push = (kind: string, keyword: string, detail: string) =>
    found.push({ kind, path: [], base: keyword in bs ? `${b.pointer}/${keyword}` : b.pointer, revision: keyword in rs ? `${r.pointer}/${keyword}` : r.pointer, detail });
  const tb = typesOf(bs);
  const tr = typesOf(rs);
  const typeText = (s: Json, t: Set<string>) => (t.size === 0 ? 'any type' : [...t].join('|')) + (typeof s.format === 'string' ? `/${s.format}` : '');
  const typeDetail = `type changed from ${typeText(bs, tb)} to ${typeText(rs, tr)}`;
  const sameTypes = tb.size === tr.size && [...tb].every((t) => tr.has(t));
  if (!sameTypes) {
    const removed = [...tb].filter((t) => !tr.has(t) && !(t === 'integer' && tr.has('number')));
    const added = [...tr].filter((t) => !tb.has(t) && !(t === 'integer' && tb.has('number')));
    if (tb.size === 0) push('type-specialized', 'type', typeDetail);
    else if (tr.size === 0) push('type-generalized', 'type', typeDetail);
    else if (tb.size === 1 && tr.size === 1) push(removed.length === 0 ? 'type-generalized' : added.length === 0 ? 'type-specialized' : 'type-changed', 'type', typeDetail);
    else {
      if (removed.length > 0) push('list-of-types-narrowed', 'type', `types ${removed.join(', ')} removed`);
      if (added.length > 0) push('list-of-types-widened', 'type', `types ${added.join(', ')} added`);
    }
  }
  if (bs.format !== rs.format && (sameTypes || [...tb].some((t) => tr.has(t)))) {
    const kind = typeof bs.format !== 'string' ? 'type-specialized' : typeof rs.format !== 'string' ? 'type-generalized' : 'type-changed';
    push(kind, 'format', typeDetail);
  }
  if (tb.size > 0 && tr.size > 0) {
    const nb = allowsNull(b);
    const nr = allowsNull(r);
    if (nb && !nr) push('became-not-nullable', 'type', 'null no longer allowed');
    if (!nb && nr) push('became-nullable', 'type', 'null now allowed');
  }
  const eb = enumOf(bs);
  const er = enumOf(rs);
  if (!eb && er) push('became-enum', 'enum', `restricted to ${[...er.values()].map(show).join(', ')}`);
  else if (eb && !er) push('enum-removed', 'enum', 'no longer restricted to a list of values');
  else if (eb && er) {
    for (const [k, v] of eb) if (!er.has(k)) push('enum-value-removed', 'enum', `enum value ${show(v)} removed`);
    for (const [k, v] of er) if (!eb.has(k)) push('enum-value-added', 'enum', `enum value ${show(v)} added`);
  }
  const xb = Array.isArray(bs['x-extensible-enum']) ? (bs['x-extensible-enum'] as unknown[]) : [];
  const xr = new Set((Array.isArray(rs['x-extensible-enum']) ? (rs['x-extensible-enum'] as unknown[]) : []).map(canonical));
  if (xr.size > 0) for (const v of xb) if (!xr.has(canonical(v))) push('x-extensible-enum-value-removed', 'x-extensible-enum', `x-extensible-enum value ${show(v)} removed`);
  const sb = stabilityOf(bs);
  const sr = stabilityOf(rs);
  if (sb === null || sr === null) push('stability-invalid', 'x-stability-level', `x-stability-level '${String((sb === null ? bs : rs)['x-stability-level'])}' is not draft, alpha, beta or stable`);
  else if (sr < sb) push('stability-decreased', 'x-stability-level', `x-stability-level lowered`);
  valueChange(bs.const, rs.const, 'const', push);
  valueChange(bs.default, rs.default, 'default-value', push, 'default');
  // An empty pattern matches everything: the same as none.
  const pb = typeof bs.pattern === 'string' && bs.pattern !== '' ? bs.pattern : undefined;
  const pr = typeof rs.pattern === 'string' && rs.pattern !== '' ? rs.pattern : undefined;
  if (pb !== pr) {
    const kind = pb === undefined ? 'pattern-added' : pr === undefined ? 'pattern-removed' : 'pattern-changed';
    push(kind, 'pattern', `pattern ${show(pb ?? 'none')} → ${show(pr ?? 'none')}`);
  }
  for (const [keyword, name] of BOUNDS) {
    const vb = typeof bs[keyword] === 'number' ? (bs[keyword] as number) : undefined;
    const vr = typeof rs[keyword] === 'number' ? (rs[keyword] as number) : undefined;
    if (vb === vr) continue;
    const detail = `${keyword} ${vb ?? 'none'} → ${vr ?? 'none'}`;
    if (vb === undefined) push(`${name}-set`, keyword, detail);
    else if (vr === undefined) push(`${name}-unset`, keyword, detail);
    else push(`${name}-${vr > vb ? 'increased' : 'decreased'}`, keyword, detail);
  }
  for (const keyword of ['contentEncoding', 'contentMediaType']) {
    if (bs[keyword] !== rs[keyword]) push(keyword === 'contentEncoding' ? 'content-encoding-changed' : 'content-media-type-changed', keyword, `${keyword} ${show(bs[keyword] ?? 'none')} → ${show(rs[keyword] ?? 'none')}`);
  }
  const db = isJson(bs.dependentRequired) ? bs.dependentRequired : null;
  const dr = isJson(rs.dependentRequired) ? rs.dependentRequired : null;
  if (db || dr) {
    for (const k of new Set([...Object.keys(db ?? {}), ...Object.keys(dr ?? {})])) {
      const vb = db && Object.hasOwn(db, k) ? canonical(db[k]) : null;
      const vr = dr && Object.hasOwn(dr, k) ? canonical(dr[k]) : null;
      if (vb === vr) continue;
      push(vb === null ? 'dependent-required-added' : vr === null ? 'dependent-required-removed' : 'dependent-required-changed', 'dependentRequired', `dependentRequired for '${k}': ${vb ?? 'none'} → ${vr ?? 'none'}`);
    }
  }
}

function valueChange(vb: unknown, vr: unknown, name: string, push: (kind: string, keyword: string, detail: string) => void, keyword = name): void {
  if (vb === undefined && vr === undefined) return;
  if (vb === undefined) return push(`${name}-added`, keyword, `${keyword} ${show(vr)} added`);
  if (vr === undefined) return push(`${name}-removed`, keyword, `${keyword} ${show(vb)} removed`);
  if (canonical(vb) !== canonical(vr)) push(`${name}-changed`, keyword, `${keyword} ${show(vb)} → ${show(vr)}`);
}
