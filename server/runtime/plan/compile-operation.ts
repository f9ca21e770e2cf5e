// Compiles the validators one operation needs — its parameters, each request media type, each
// response media type and header — on the operation's first request, never before. A part that
// cannot be compiled (a schema ajv refuses, a `$ref` that leads nowhere) is collected with the
// others, so the operation can name every contract problem it has; other operations never see it.
import type { ValidateFunction } from 'ajv';
import type { Document } from '../contract/document.js';
import { deref } from '../contract/pointer.js';
import type { BodyMedia, BodyPlan } from './body.js';
import type { ItemRule, ItemShape } from './items.js';
import type { ParameterPlan } from './parameters.js';
import type { ValidatorSet } from './validators.js';
import { isJsonMediaType } from '../contract/media-types.js';

export interface ResponseShape {
  /** `200`, `2XX`, `default`. */
  key: string;
  media: { declared: string; schema: unknown; at: string; item: ItemShape | null }[];
  headers: { name: string; required: boolean; schema: unknown; at: string }[];
}

export interface BodyValidator {
  validate: ValidateFunction;
  /** Fills the schema's defaults into a body already found valid; null when it has none. */
  fillDefaults: ValidateFunction | null;
  /** A streamed body: each item's validator (its `itemSchema`); null for a whole body. */
  item: ValidateFunction | null;
}

export interface HeaderRule {
  name: string;
  required: boolean;
  validate: ValidateFunction | null;
}

export interface CompiledOperation {
  parameters: ValidateFunction | null;
  bodies: Map<BodyMedia, BodyValidator>;
  /** Status key → declared media type → validator (null: nothing to check, e.g. binary). */
  responses: Map<string, Map<string, ValidateFunction | null>>;
  /** Status key → declared media type → the validator of each item of a streamed response. */
  items: Map<string, Map<string, ItemRule>>;
  headers: Map<string, HeaderRule[]>;
}

/** One part that failed to compile: what it is, its schema and where it is (to narrow it down), and why. */
export interface CompileFailure {
  part: string;
  /** `parameters`, `body` or `response`: which validator it failed in. */
  kind: 'parameters' | 'body' | 'response';
  schema: unknown;
  /** Pointer from the document root with `$ref`s followed. */
  at: string;
  message: string;
}

export class OperationCompileError extends Error {
  constructor(readonly failures: CompileFailure[]) {
    super(failures.map((f) => `${f.part}: ${f.message}`).join('; '));
  }
}

export interface OperationShape {
  parameters: ParameterPlan;
  body: BodyPlan | null;
  responses: ResponseShape[];
}

export function compileOperation(set: ValidatorSet, requestDoc: Document, shape: OperationShape): CompiledOperation {
  const failures: CompileFailure[] = [];
  const attempt = <T>(part: string, kind: CompileFailure['kind'], schema: unknown, at: string, compile: () => T): T | null => {
    try {
      return compile();
    } catch (error) {
      failures.push({ part, kind, schema, at, message: messageOf(error) });
      return null;
    }
  };
  const paramSchema = shape.parameters.schema;
  let parameters: ValidateFunction | null = null;
  if (paramSchema) {
    try {
      parameters = set.parameters.compile(paramSchema);
    } catch (error) {
      // Which parameters: each one on its own (only ever done when the whole fails).
      const before = failures.length;
      for (const p of shape.parameters.specs) attempt(`parameter ${p.name} in ${p.in}`, 'parameters', p.schema, p.at, () => set.parameters.compile({ properties: { v: p.schema } }));
      if (failures.length === before) failures.push({ part: 'parameters', kind: 'parameters', schema: paramSchema, at: '', message: messageOf(error) });
    }
  }
  const bodies = new Map<BodyMedia, BodyValidator>();
  for (const media of shape.body?.media ?? []) {
    const schema = media.schema as object;
    const item = media.item;
    const compiled = attempt(`request body ${media.declared}`, 'body', schema, media.at, () => ({
      validate: set.body.compile(schema),
      fillDefaults: hasDefaults(requestDoc, schema) ? set.bodyDefaults().compile(schema) : null,
      item: null as ValidateFunction | null,
    }));
    if (compiled && item) compiled.item = attempt(`request body ${media.declared} items`, 'body', item.schema, item.at, () => set.body.compile(item.schema as object));
    if (compiled) bodies.set(media, compiled);
  }
  const responses = new Map<string, Map<string, ValidateFunction | null>>();
  const items = new Map<string, Map<string, ItemRule>>();
  const headers = new Map<string, HeaderRule[]>();
  for (const r of shape.responses) {
    const byMedia = new Map<string, ValidateFunction | null>();
    const itemsByMedia = new Map<string, ItemRule>();
    for (const m of r.media) {
      const checkable = m.schema !== undefined && !isBinary(m.declared, m.schema);
      byMedia.set(m.declared, checkable ? attempt(`response ${r.key} ${m.declared}`, 'response', m.schema, m.at, () => set.response.compile(m.schema as object)) : null);
      const item = m.item;
      if (item) itemsByMedia.set(m.declared, { kind: item.kind, validate: attempt(`response ${r.key} ${m.declared} items`, 'response', item.schema, item.at, () => set.response.compile(item.schema as object)) });
    }
    responses.set(r.key, byMedia);
    if (itemsByMedia.size > 0) items.set(r.key, itemsByMedia);
    const rules = r.headers.map((h) => ({
      name: h.name,
      required: h.required,
      validate: h.schema === undefined ? null : attempt(`response ${r.key} header ${h.name}`, 'response', h.schema, h.at, () => set.response.compile(h.schema as object)),
    }));
    if (rules.length > 0) headers.set(r.key, rules);
  }
  if (failures.length > 0) throw new OperationCompileError(failures);
  return { parameters, bodies, responses, items, headers };
}

function messageOf(error: unknown): string {
  const message = String((error as Error)?.message ?? error).split('\n')[0]!;
  return message.replace(/^strict mode: /, '');
}

/** Binary content has no JSON value to check: only its media type is. */
function isBinary(mediaType: string, schema: unknown): boolean {
  const format = (schema as { format?: unknown } | null)?.format;
  return format === 'binary' || (!isJsonMediaType(mediaType) && !mediaType.startsWith('text/') && !mediaType.includes('form'));
}

/** Keywords whose value maps names to schemas: a property may be called `default`. */
const NAMED = new Set(['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas']);

/** Whether a schema (through its `$ref`s) gives any `default`: only then is a second pass worth it. */
function hasDefaults(doc: Document, schema: unknown): boolean {
  const seen = new Set<unknown>();
  const visit = (node: unknown, names: boolean): boolean => {
    if (typeof node !== 'object' || node === null || seen.has(node)) return false;
    seen.add(node);
    if (Array.isArray(node)) return node.some((n) => visit(n, false));
    const obj = node as Record<string, unknown>;
    if (names) return Object.values(obj).some((v) => visit(v, false));
    if ('default' in obj) return true;
    if (typeof obj.$ref === 'string') return visit(deref(doc, obj), false);
    return Object.entries(obj).some(([k, v]) => k !== 'examples' && k !== 'example' && visit(v, NAMED.has(k)));
  };
  return visit(schema, false);
}
