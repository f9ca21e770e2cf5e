// Rule `schema`: every object of the contract is what its meta-schema says, checked in the file
// that holds it. The root document is checked against the OpenAPI schema of its version; every
// piece reached only by `$ref` against the definition of the kind its referrer expects (a path
// item in nodes-path.yaml is checked as a path item, there); in 3.1 and 3.2, every schema against JSON
// Schema 2020-12, the dialect. Of ajv's errors, those a person can act on are kept.
import type { Finding } from '../contract/diagnostics.js';
import { dialectValidator, metaValidator, type ErrorObject, type OasVersion } from '../contract/meta-schemas.js';
import type { Kind } from '../contract/kinds.js';
import { decodePointer, encodePointer, valueAt } from '../../server/runtime/contract/pointer.js';
import { refOf } from '../contract/sources.js';
import type { ContractWalk, Visit } from '../contract/walk.js';

/** JSON Schema keywords OpenAPI 3.0's schema object does not have; lint-schemas.ts warns about them. */
export const JSON_SCHEMA_ONLY = new Set([
  'const', 'examples', 'prefixItems', '$defs', 'if', 'then', 'else', 'dependentRequired', 'dependentSchemas',
  'unevaluatedProperties', 'unevaluatedItems', 'contains', 'minContains', 'maxContains', 'propertyNames',
  'contentMediaType', 'contentEncoding', 'contentSchema', '$id', '$anchor', '$schema', '$comment',
  '$dynamicRef', '$dynamicAnchor', 'patternProperties', 'definitions', 'additionalItems', 'dependencies', '$vocabulary',
]);

const DIALECTS_CHECKED = new Set([undefined, 'https://json-schema.org/draft/2020-12/schema', 'https://spec.openapis.org/oas/3.1/dialect/base']);
/** OpenAPI 3.2's dialect: its `$id` ends with the date of its iteration (`…/oas/3.2/dialect/2025-09-17`). */
const DIALECT_32 = /^https:\/\/spec\.openapis\.org\/oas\/3\.2\/dialect\//;

export function lintStructure(walk: ContractWalk, version: OasVersion, jsonSchemaDialect: unknown): Finding[] {
  const out: Finding[] = [];
  for (const unit of walk.units) {
    const validate = metaValidator(version, unit.kind);
    if (validate && !validate(unit.value)) out.push(...findings(unit, validate.errors ?? [], walk, version));
  }
  for (const schema of walk.schemaRoots) {
    const where = `${schema.file.path}#${schema.pointer}`;
    if (version === '3.0') {
      // Inside the root document (or any piece checked whole) the OpenAPI 3.0 schema covers it.
      if (walk.kindAt.get(where) === 'Schema') continue;
      const validate = metaValidator('3.0', 'Schema')!;
      if (!validate(schema.value)) out.push(...findings(schema, validate.errors ?? [], walk, version));
      continue;
    }
    const declared = (schema.value as { $schema?: unknown } | null)?.$schema ?? jsonSchemaDialect;
    if (!DIALECTS_CHECKED.has(declared as string | undefined) && !DIALECT_32.test(String(declared))) continue;
    const validate = dialectValidator(version === '3.2' && declared !== 'https://json-schema.org/draft/2020-12/schema' ? '3.2' : '3.1');
    if (!validate(schema.value)) out.push(...findings(schema, validate.errors ?? [], walk, version));
  }
  return out;
}

function findings(unit: Visit, errors: readonly ErrorObject[], walk: ContractWalk, version: OasVersion): Finding[] {
  const kindOf = (instancePath: string): Kind | undefined =>
    instancePath === '' ? unit.kind : walk.kindAt.get(`${unit.file.path}#${unit.pointer}${instancePath}`);
  const kept = errors.filter((e) => {
    if (['oneOf', 'anyOf', 'if', '$ref', 'propertyNames'].includes(e.keyword)) return false;
    // A `not` says something only when its schema is one of the plain prohibitions (else it is an alternative's noise).
    if (e.keyword === 'not' && forbiddenBy(e, '') === null) return false;
    if (e.keyword === 'required' && e.params.missingProperty === '$ref') return false;
    // A `$ref` is checked where it leads (and reported by rule `ref` or `ref-not-allowed`).
    if (e.instancePath.endsWith('/$ref') || refOf(valueAt(unit.value, e.instancePath)) !== null) return false;
    // The object the error is about: the instance itself for an unknown property, else the one holding the field.
    const owner = e.keyword === 'additionalProperties' ? e.instancePath : e.instancePath.replace(/\/[^/]*$/, '');
    return !(version === '3.0' && kindOf(owner) === 'Schema' && isDialectMatter(e, valueAt(unit.value, e.instancePath)));
  });
  const candidates = kept;
  const deepest = candidates.filter((e) => !candidates.some((o) => o !== e && o.instancePath.startsWith(e.instancePath + '/')));
  // `type: strnig` fails both "one of the type names" and "a list of them": the first is the point.
  const pointed = deepest.filter((e) => e.keyword !== 'type' || !deepest.some((o) => o.instancePath === e.instancePath && o.keyword !== 'type'));
  const seen = new Set<string>();
  const out: Finding[] = [];
  const unitName = decodePointer(unit.pointer).pop() ?? (unit.kind === 'Document' ? 'the document' : `this ${unit.kind.toLowerCase()}`);
  for (const e of pointed) {
    // A member's name that breaks the rule for names (propertyNames) is reported at that name.
    const extra = String(e.params.additionalProperty ?? e.params.unevaluatedProperty ?? e.propertyName ?? '');
    const instance = e.instancePath + (extra ? encodePointer([extra]) : '');
    const at = decodePointer(e.instancePath).pop() ?? unitName;
    const message =
      forbiddenBy(e, at) ?? (e.propertyName !== undefined ? `name "${e.propertyName}" in ${at} must match ${String(e.params.pattern ?? 'its pattern')}` : messageOf(e, at));
    if (seen.has(`${instance} ${message}`)) continue;
    seen.add(`${instance} ${message}`);
    out.push({ file: unit.file.path, pointer: unit.pointer + instance, severity: 'error', rule: 'schema', message, hint: hintOf(e, version) });
  }
  return out;
}

/** Errors of the 3.0 schema object that are 3.1 ways of writing a schema: lint-schemas.ts warns about them instead. */
function isDialectMatter(e: ErrorObject, value: unknown): boolean {
  const extra = e.params.additionalProperty ?? e.params.unevaluatedProperty;
  if (typeof extra === 'string') return JSON_SCHEMA_ONLY.has(extra);
  const field = e.instancePath.split('/').pop();
  if (field === 'type' && Array.isArray(value)) return true;
  if ((field === 'exclusiveMinimum' || field === 'exclusiveMaximum') && typeof value === 'number') return true;
  return field === 'enum' && e.keyword === 'minItems';
}

type Json = Record<string, unknown>;

/**
 * What a `not` of the OpenAPI schema forbids, in words, when its schema says it plainly (OpenAPI
 * 3.2's: two fields together, a query beside a querystring parameter, a fixed method among
 * additionalOperations); null for any other.
 */
function forbiddenBy(e: ErrorObject, at: string): string | null {
  if (e.keyword !== 'not' || typeof e.schema !== 'object' || e.schema === null) return null;
  const not = e.schema as Json;
  if (e.propertyName !== undefined && Array.isArray(not.enum)) {
    return `"${e.propertyName}" in ${at} is a method the path item has its own field for: write it as "${e.propertyName.toLowerCase()}:" in the path item`;
  }
  if (Array.isArray(not.required) && Object.keys(not).length === 1) return `${at} must not have both ${not.required.map((f) => `"${String(f)}"`).join(' and ')}`;
  const locations = Array.isArray(not.allOf) ? not.allOf.map((s) => ((s as { contains?: { properties?: { in?: { const?: unknown } } } }).contains?.properties?.in?.const)) : [];
  if (locations.length > 1 && locations.every((l) => typeof l === 'string')) return `${at} must not have both an "in: ${locations.join('" and an "in: ')}" parameter`;
  return null;
}

function messageOf(e: ErrorObject, at: string): string {
  switch (e.keyword) {
    case 'false schema': {
      // A field forbidden beside another (dependentSchemas: itemEncoding beside encoding, attribute beside nodeType).
      const beside = /\/dependentSchemas\/([^/]+)\//.exec(e.schemaPath)?.[1];
      return beside ? `"${at}" is not allowed beside "${beside}"` : `"${at}" is not allowed here`;
    }
    case 'contains': {
      const only = ((e.parentSchema as { contains?: { properties?: { in?: { const?: unknown } } } } | undefined)?.contains?.properties?.in?.const);
      return typeof only === 'string' && e.params.maxContains !== undefined ? `${at} must have at most ${String(e.params.maxContains)} "in: ${only}" parameter` : `${at} ${e.message ?? 'is invalid'}`;
    }
    case 'additionalProperties':
    case 'unevaluatedProperties':
      return `unknown property "${String(e.params.additionalProperty ?? e.params.unevaluatedProperty)}" in ${at}`;
    case 'required':
      return `${at} must have property "${String(e.params.missingProperty)}"`;
    case 'type':
      return `${at} must be ${String(e.params.type)}`;
    case 'enum':
      return `${at} must be one of ${JSON.stringify(e.params.allowedValues)}`;
    case 'pattern':
      return `"${at}" is not allowed here (must match ${String(e.params.pattern)})`;
    default:
      return `${at} ${e.message ?? 'is invalid'}`;
  }
}

function hintOf(e: ErrorObject, version: OasVersion): string | undefined {
  const field = e.instancePath.split('/').pop();
  if (e.propertyName !== undefined) return 'use only letters, digits, ".", "-" and "_" in component names';
  if (version !== '3.0' && e.keyword === 'type' && (field === 'exclusiveMinimum' || field === 'exclusiveMaximum')) {
    const bound = field === 'exclusiveMinimum' ? 'minimum' : 'maximum';
    return `OpenAPI ${version} (JSON Schema 2020-12) gives the bound itself: write "${field}: 0" instead of "${bound}: 0, ${field}: true"`;
  }
  switch (e.keyword) {
    case 'additionalProperties':
    case 'unevaluatedProperties':
      return 'remove it, check its spelling, or prefix it with x- to make it an extension';
    case 'required':
      return `add "${String(e.params.missingProperty)}"`;
    case 'type':
      return 'see https://spec.openapis.org/oas/latest.html for what this field takes';
    default:
      return undefined;
  }
}
