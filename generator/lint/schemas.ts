// Rules over each schema object, where it is written: keywords of the other OpenAPI version
// (`dialect-keyword`: the runtime reads them as their author meant, other tools may not), an
// `enum` that allows nothing (`empty-enum`), patterns the validator cannot take as written
// (`pattern`), and required properties that no properties in scope define
// (`required-not-in-properties`, with `allOf` siblings and the enclosing schema in scope), and a
// `oneOf` member that constrains nothing (`oneof-catch-all`).
import type { Finding } from '../contract/diagnostics.js';
import { JSON_SCHEMA_ONLY } from './structure.js';
import type { OasVersion } from '../contract/meta-schemas.js';
import { encodePointer } from '../../server/runtime/contract/pointer.js';
import type { SourceFile } from '../contract/sources.js';
import type { Visit } from '../contract/walk.js';

type Schema = Record<string, unknown>;

export interface SchemaContext {
  version: OasVersion;
  /** The schema a value written in `file` stands for, and its file: itself, or what its `$ref` leads to. */
  resolve: (file: SourceFile, value: unknown) => { file: SourceFile; schema: Schema } | null;
}

export function lintSchema(v: Visit, ctx: SchemaContext): Finding[] {
  if (typeof v.value !== 'object' || v.value === null || Array.isArray(v.value)) return [];
  const schema = v.value as Schema;
  const at = (field: string | (string | number)[], f: Omit<Finding, 'file' | 'pointer'>): Finding => ({
    ...f,
    file: v.file.path,
    pointer: v.pointer + encodePointer(Array.isArray(field) ? field : [field]),
  });
  return [...dialectKeywords(schema, ctx.version, at), ...emptyEnum(schema, at), ...oneOfCatchAll(v, ctx, at), ...patterns(schema, at), ...requiredNotInProperties(v, ctx, at)];
}

type At = (field: string | (string | number)[], f: Omit<Finding, 'file' | 'pointer'>) => Finding;

const HINTS_30: Record<string, string> = {
  const: 'in 3.0, write enum: [the value]',
  examples: 'in 3.0, write example: one value',
  type: 'in 3.0, write one type and nullable: true',
  exclusiveMinimum: 'in 3.0, write minimum: N and exclusiveMinimum: true',
  exclusiveMaximum: 'in 3.0, write maximum: N and exclusiveMaximum: true',
};

function dialectKeywords(schema: Schema, version: OasVersion, at: At): Finding[] {
  const out: Finding[] = [];
  if (version !== '3.0') {
    if ('nullable' in schema) {
      out.push(
        at('nullable', {
          severity: 'warning',
          rule: 'dialect-keyword',
          message:
            schema.nullable === true
              ? `"nullable" is OpenAPI 3.0, not ${version}: specfirst accepts null here as meant, other ${version} tools ignore it`
              : `"nullable: false" is OpenAPI 3.0, not ${version}, and changes nothing`,
          hint: schema.nullable === true ? `in ${version}, write type: [<type>, "null"] (or add { type: "null" } to the oneOf)` : 'remove it',
        }),
      );
    }
    return out;
  }
  const keywords = Object.keys(schema).filter(
    (k) =>
      JSON_SCHEMA_ONLY.has(k) ||
      (k === 'type' && Array.isArray(schema.type)) ||
      ((k === 'exclusiveMinimum' || k === 'exclusiveMaximum') && typeof schema[k] === 'number'),
  );
  for (const k of keywords) {
    out.push(
      at(k, {
        severity: 'warning',
        rule: 'dialect-keyword',
        message: `"${k}"${k === 'type' ? ' as a list' : k.startsWith('exclusive') ? ' as a number' : ''} is JSON Schema 2020-12 (OpenAPI 3.1), not OpenAPI 3.0: specfirst reads it as JSON Schema does, other 3.0 tools may not`,
        hint: HINTS_30[k] ?? 'or declare openapi: 3.1.0, where it is standard',
      }),
    );
  }
  return out;
}

function emptyEnum(schema: Schema, at: At): Finding[] {
  if (!Array.isArray(schema.enum) || schema.enum.length > 0) return [];
  return [
    at('enum', {
      severity: 'warning',
      rule: 'empty-enum',
      message: 'enum: [] allows no value at all: a value here is always rejected',
      hint: 'list the allowed values, or remove enum',
    }),
  ];
}

/** Keywords that never narrow what a schema accepts. */
const ANNOTATIONS = new Set(['title', 'description', 'example', 'examples', 'deprecated', 'externalDocs', 'xml', '$comment', 'nullable', 'readOnly', 'writeOnly', 'default']);

/**
 * `oneOf: [User, File, {type: object}]` (Box's event source ends in GenericSource, an object with
 * any properties): every User is also a plain object, matches two members, and `oneOf` rejects
 * it — the contract forbids the values it means. Found where a member accepts every value of
 * its type (or every value at all) and another member is there to collide with it.
 */
function oneOfCatchAll(v: Visit, ctx: SchemaContext, at: At): Finding[] {
  const members = (v.value as Schema).oneOf;
  if (!Array.isArray(members) || members.length < 2) return [];
  const out: Finding[] = [];
  const resolvedMembers = members.map((member) => ctx.resolve(v.file, member));
  resolvedMembers.forEach((resolved, i) => {
    if (!resolved || !acceptsEverything(resolved.file, resolved.schema, ctx, 0)) return;
    // It collides only with a member that can hold a value of its type (`[{type: string}, {type: array}]` is fine).
    const type = typeof resolved.schema.type === 'string' ? resolved.schema.type : undefined;
    const collides = resolvedMembers.some((other, j) => j !== i && (other === null || type === undefined || mayBe(other.schema, type)));
    if (!collides) return;
    const kind = typeof resolved.schema.type === 'string' ? `every ${resolved.schema.type}` : 'every value';
    out.push(
      at(['oneOf', i], {
        severity: 'warning',
        rule: 'oneof-catch-all',
        message: `oneOf member ${i} accepts ${kind}: a value valid for another member matches two members, and oneOf rejects it`,
        hint: 'write anyOf (a value may match several), or give this member a constraint the others do not meet',
      }),
    );
  });
  return out;
}

/** Whether a schema may accept a value of JSON type `type`, judged by its own `type` keyword (no `type`: it may). */
function mayBe(schema: Schema, type: string): boolean {
  const own = schema.type;
  const types = typeof own === 'string' ? [own] : Array.isArray(own) ? own : undefined;
  if (!types) return true;
  return types.includes(type) || (type === 'integer' && types.includes('number')) || (type === 'number' && types.includes('integer')) || (type === 'null' && schema.nullable === true);
}

/** True for a schema that constrains nothing but (at most) a single type. */
function acceptsEverything(file: SourceFile, schema: Schema, ctx: SchemaContext, depth: number): boolean {
  if (depth > 8) return false;
  for (const [key, value] of Object.entries(schema)) {
    if (ANNOTATIONS.has(key) || key.startsWith('x-')) continue;
    if (key === 'type' && typeof value === 'string') continue;
    if (key === 'additionalProperties' && (value === true || (typeof value === 'object' && value !== null && acceptsEverything(file, value as Schema, ctx, depth + 1)))) continue;
    if (key === 'allOf' && Array.isArray(value)) {
      const all = value.every((m) => {
        const r = ctx.resolve(file, m);
        return r !== null && acceptsEverything(r.file, r.schema, ctx, depth + 1);
      });
      if (all) continue;
    }
    return false;
  }
  return true;
}

function patterns(schema: Schema, at: At): Finding[] {
  const out: Finding[] = [];
  const check = (pattern: string, field: (string | number)[]): void => {
    const problem = patternProblem(pattern);
    if (problem) out.push(at(field, problem));
  };
  if (typeof schema.pattern === 'string') check(schema.pattern, ['pattern']);
  if (typeof schema.patternProperties === 'object' && schema.patternProperties !== null) {
    for (const key of Object.keys(schema.patternProperties)) check(key, ['patternProperties', key]);
  }
  return out;
}

/** JSON Schema patterns are ECMA-262 with the `u` flag (as ajv compiles them); without it, many escapes pass that `u` refuses. */
export function patternProblem(pattern: string): Omit<Finding, 'file' | 'pointer'> | null {
  try {
    new RegExp(pattern, 'u');
    return null;
  } catch (unicodeError) {
    try {
      new RegExp(pattern);
    } catch (error) {
      return {
        severity: 'error',
        rule: 'pattern',
        message: `pattern /${pattern}/ is not a regular expression: ${(error as Error).message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /, '')}`,
        hint: 'fix the regular expression (ECMA-262 syntax); only operations that use this schema are affected',
      };
    }
    return {
      severity: 'warning',
      rule: 'pattern',
      message: `pattern /${pattern}/ is valid only without the u (Unicode) flag that JSON Schema uses: ${(unicodeError as Error).message.replace(/^Invalid regular expression: \/.*\/u: /, '')}; specfirst enforces it without the flag`,
      hint: 'remove escapes that mean nothing (\\: is :, \\- outside [...] is -) so every validator reads it the same way',
    };
  }
}

const COMPOSITIONS = new Set(['allOf', 'oneOf', 'anyOf']);

function requiredNotInProperties(v: Visit, ctx: SchemaContext, at: At): Finding[] {
  const schema = v.value as Schema;
  if (!Array.isArray(schema.required) || schema.required.length === 0) return [];
  const own = propertiesOf(v.file, schema, ctx);
  const scope = { names: new Set<string>(), open: false };
  gather(v.file, schema, ctx, scope, new Set(), 0);
  // The schemas this one is combined with: the enclosing schema and its other allOf members.
  for (let cur: Visit = v; cur.parent?.kind === 'Schema' && COMPOSITIONS.has(cur.field); cur = cur.parent) {
    gather(cur.parent.file, cur.parent.value as Schema, ctx, scope, new Set(), 0);
  }
  if (scope.names.size === 0) return [];
  const closed = schema.additionalProperties === false && schema.patternProperties === undefined;
  const out: Finding[] = [];
  schema.required.forEach((name, i) => {
    if (typeof name !== 'string' || Object.hasOwn(own, name)) return;
    // With additionalProperties: false, only this schema's own properties can satisfy `required`.
    if (!closed && (scope.open || scope.names.has(name))) return;
    out.push(
      at(['required', i], {
        severity: closed ? 'error' : 'warning',
        rule: 'required-not-in-properties',
        message: closed
          ? `required property "${name}" is not in properties and additionalProperties is false: no value can match`
          : `required property "${name}" is not in properties`,
        hint: `define "${name}" under properties, or check its spelling`,
      }),
    );
  });
  return out;
}

/** Property names a schema defines, with those of its allOf/oneOf/anyOf members, following `$ref`s. */
function gather(file: SourceFile, schema: Schema, ctx: SchemaContext, scope: { names: Set<string>; open: boolean }, seen: Set<object>, depth: number): void {
  if (seen.has(schema) || depth > 16) return;
  seen.add(schema);
  for (const k of Object.keys(propertiesOf(file, schema, ctx))) scope.names.add(k);
  if (schema.patternProperties !== undefined || (typeof schema.additionalProperties === 'object' && schema.additionalProperties !== null)) scope.open = true;
  for (const key of ['$ref', ...COMPOSITIONS]) {
    const members = key === '$ref' ? (typeof schema.$ref === 'string' ? [{ $ref: schema.$ref }] : []) : Array.isArray(schema[key]) ? (schema[key] as unknown[]) : [];
    for (const member of members) {
      const resolved = ctx.resolve(file, member);
      if (resolved) gather(resolved.file, resolved.schema, ctx, scope, seen, depth + 1);
    }
  }
}

/** A schema's `properties`, following a `$ref` given in place of the map (as the bundler does). */
function propertiesOf(file: SourceFile, schema: Schema, ctx: SchemaContext): Schema {
  if (typeof schema.properties !== 'object' || schema.properties === null) return {};
  return ctx.resolve(file, schema.properties)?.schema ?? (schema.properties as Schema);
}
