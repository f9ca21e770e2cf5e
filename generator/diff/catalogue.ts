// The catalogue of changes `specfirst diff` reports: every id, its level and who it breaks. Ids
// are stable (CI files and contracts/.specfirst-accepted.yaml name them) and follow one pattern,
// `<where>-<what>`, close to oasdiff's so that people who know one read the other
// (test/unit/diff/oasdiff-ids.ts maps oasdiff's ids to these).
// Schema changes are judged by direction: a schema clients send (a request body, a parameter) breaks
// them when it accepts less; a schema they receive (a response body, a header) breaks them when it
// may hold more. So one schema kind gives one id per place, with a level per direction.
import type { Level, Party } from './change.js';

export interface CatalogueEntry {
  id: string;
  level: Level;
  breaks: Party[];
  summary: string;
}

type Row = [id: string, level: Level, breaks: Party[], summary: string];

const C: Party[] = ['clients'];
const H: Party[] = ['handlers'];
const CH: Party[] = ['clients', 'handlers'];
const NONE: Party[] = [];

/** Changes to the API, its operations, parameters, bodies, responses and security. */
const FIXED: Row[] = [
  ['api-contract-removed', 'breaking', CH, 'a whole contract removed from contracts/ (diff --base)'],
  ['api-path-removed-without-deprecation', 'breaking', CH, 'a path and its operations removed without being deprecated first'],
  ['api-path-removed-before-sunset', 'breaking', CH, 'a deprecated path removed before its sunset date'],
  ['api-path-removed-with-deprecation', 'info', H, 'a deprecated path removed after its sunset date (or with none)'],
  ['api-removed-without-deprecation', 'breaking', CH, 'an operation removed without being deprecated first'],
  ['api-removed-before-sunset', 'breaking', CH, 'a deprecated operation removed before its sunset date'],
  ['api-removed-with-deprecation', 'info', H, 'a deprecated operation removed after its sunset date (or with none)'],
  ['api-sunset-deleted', 'breaking', C, 'the sunset date of a deprecated operation removed'],
  ['api-sunset-date-earlier', 'breaking', C, 'the sunset date of a deprecated operation moved earlier'],
  ['api-sunset-invalid', 'breaking', C, 'the x-sunset of a deprecated operation is not a date: its removal cannot be judged'],
  ['api-stability-decreased', 'breaking', C, 'x-stability-level lowered (stable → beta → alpha → draft)'],
  ['api-stability-invalid', 'breaking', C, 'x-stability-level is not draft, alpha, beta or stable'],
  ['endpoint-added', 'info', NONE, 'an operation added'],
  ['endpoint-deprecated', 'info', NONE, 'an operation deprecated'],
  ['endpoint-reactivated', 'info', NONE, 'an operation no longer deprecated'],
  ['operation-id-changed', 'breaking', CH, 'operationId changed: the handler, its types and the client method are renamed'],
  ['operation-id-added', 'info', H, 'an operationId added (the handler name was derived from method and path)'],
  ['webhook-removed', 'breaking', C, 'a webhook removed'],
  ['request-parameter-added-required', 'breaking', CH, 'a required parameter added: requests without it are refused'],
  ['request-parameter-added-optional', 'info', H, 'an optional parameter added'],
  ['request-path-parameter-added', 'breaking', CH, 'a path parameter added: the path changed'],
  ['request-parameter-removed', 'warning', H, 'a parameter removed (clients that still send it: a header or cookie is ignored)'],
  ['request-query-parameter-removed', 'breaking', CH, 'a query parameter removed: specfirst refuses unknown query parameters, so requests that send it are refused'],
  ['request-parameter-location-changed', 'breaking', CH, 'a parameter moved to another location (in)'],
  ['request-parameter-became-required', 'breaking', CH, 'an optional parameter became required'],
  ['request-parameter-became-optional', 'info', H, 'a required parameter became optional'],
  ['request-parameter-style-changed', 'breaking', C, 'a parameter serialisation style changed'],
  ['request-parameter-explode-changed', 'breaking', C, 'a parameter explode flag changed'],
  ['request-parameter-default-value-added', 'breaking', C, 'a parameter gained a default: requests without it now mean that value'],
  ['request-parameter-default-value-removed', 'breaking', CH, 'a parameter lost its default: requests without it no longer mean that value'],
  ['request-parameter-default-value-changed', 'breaking', C, 'a parameter default changed: requests without it mean another value'],
  ['request-parameter-deprecated', 'info', NONE, 'a parameter deprecated'],
  ['request-parameter-removed-before-sunset', 'breaking', CH, 'a deprecated parameter removed before its sunset date'],
  ['request-parameter-removed-with-deprecation', 'info', H, 'a deprecated parameter removed after its sunset date (or with none)'],
  ['request-parameter-sunset-deleted', 'breaking', C, 'the sunset date of a deprecated parameter removed'],
  ['request-parameter-sunset-date-earlier', 'breaking', C, 'the sunset date of a deprecated parameter moved earlier'],
  ['request-parameter-sunset-invalid', 'breaking', C, 'the x-sunset of a deprecated parameter is not a date'],
  ['request-body-added-required', 'breaking', CH, 'a required request body added'],
  ['request-body-added-optional', 'info', H, 'an optional request body added'],
  ['request-body-removed', 'breaking', CH, 'the request body removed: requests that send one are refused'],
  ['request-body-became-required', 'breaking', C, 'the request body became required'],
  ['request-body-became-optional', 'info', H, 'the request body became optional'],
  ['request-body-media-type-removed', 'breaking', CH, 'a request media type removed: requests of that type are refused'],
  ['request-body-media-type-added', 'info', H, 'a request media type added'],
  ['response-success-status-removed', 'breaking', CH, 'a success status removed: clients that read it stop getting it'],
  ['response-success-status-added', 'warning', C, 'a success status added: clients may receive a status they do not handle'],
  ['response-non-success-status-removed', 'info', H, 'an error status removed'],
  ['response-non-success-status-added', 'info', NONE, 'an error status added'],
  ['response-media-type-removed', 'breaking', CH, 'a response media type removed'],
  ['response-media-type-added', 'info', NONE, 'a response media type added'],
  ['response-header-removed-required', 'breaking', C, 'a required response header removed'],
  ['response-header-removed-optional', 'warning', C, 'an optional response header removed'],
  ['response-header-became-optional', 'breaking', C, 'a required response header became optional'],
  ['response-header-became-required', 'warning', H, 'an optional response header became required: handlers must send it'],
  ['response-header-added-required', 'warning', H, 'a required response header added: handlers must send it'],
  ['security-requirement-added', 'breaking', C, 'a security requirement added: requests without those credentials are refused'],
  ['security-requirement-removed', 'info', NONE, 'a security requirement removed (an alternative, or security dropped)'],
  ['security-scope-added', 'breaking', C, 'a scope added to a security requirement'],
  ['security-scope-removed', 'info', NONE, 'a scope removed from a security requirement'],
  ['security-scheme-changed', 'breaking', CH, 'a security scheme used by the operation changed type, location or name'],
];

/** One kind of schema change, judged per direction. `types` marks a kind that changes the generated types. */
type Kind = [kind: string, request: Level, response: Level, types: boolean, summary: string];

const SCHEMA_KINDS: Kind[] = [
  ['type-changed', 'breaking', 'breaking', true, 'the type or format changed'],
  ['type-generalized', 'info', 'breaking', true, 'the type or format widened (integer → number, a format removed)'],
  ['type-specialized', 'breaking', 'info', true, 'the type or format narrowed (number → integer, a type set where there was none)'],
  ['list-of-types-narrowed', 'breaking', 'info', true, 'types removed from a list of types'],
  ['list-of-types-widened', 'info', 'breaking', true, 'types added to a list of types'],
  ['became-nullable', 'info', 'breaking', true, 'null now allowed'],
  ['became-not-nullable', 'breaking', 'info', true, 'null no longer allowed'],
  ['became-enum', 'breaking', 'info', true, 'restricted to a list of values'],
  ['enum-removed', 'info', 'breaking', true, 'no longer restricted to a list of values'],
  ['enum-value-removed', 'breaking', 'info', true, 'a value removed from the enum'],
  ['enum-value-added', 'info', 'warning', true, 'a value added to the enum (clients that switch over it may not handle it)'],
  ['const-added', 'breaking', 'info', true, 'a const value set'],
  ['const-removed', 'info', 'breaking', true, 'the const value removed'],
  ['const-changed', 'breaking', 'breaking', true, 'the const value changed'],
  ['pattern-added', 'breaking', 'info', false, 'a pattern set'],
  ['pattern-removed', 'info', 'warning', false, 'the pattern removed'],
  ['pattern-changed', 'warning', 'warning', false, 'the pattern changed'],
  ['default-value-added', 'info', 'info', false, 'a default added'],
  ['default-value-removed', 'info', 'info', false, 'the default removed'],
  ['default-value-changed', 'info', 'info', false, 'the default changed'],
  ['added-required', 'breaking', 'warning', true, 'a required property added (responses: handlers must send it)'],
  ['added-optional', 'info', 'info', true, 'an optional property added'],
  ['became-required', 'breaking', 'info', true, 'a property became required'],
  ['became-optional', 'info', 'breaking', true, 'a property became optional: clients that read it may not get it'],
  ['removed', 'warning', 'warning', true, 'an optional property removed'],
  ['removed-required', 'warning', 'breaking', true, 'a required property removed'],
  ['removed-now-refused', 'breaking', 'warning', true, 'a property removed where additionalProperties is false: requests that send it are refused'],
  ['additional-properties-refused', 'breaking', 'info', true, 'additionalProperties became false'],
  ['additional-properties-allowed', 'info', 'warning', true, 'additionalProperties no longer false'],
  ['all-of-added', 'breaking', 'info', true, 'a schema added to allOf'],
  ['all-of-removed', 'warning', 'breaking', true, 'a schema removed from allOf'],
  ['any-of-added', 'info', 'breaking', true, 'a schema added to anyOf'],
  ['any-of-removed', 'breaking', 'info', true, 'a schema removed from anyOf'],
  ['one-of-added', 'info', 'breaking', true, 'a schema added to oneOf'],
  ['one-of-removed', 'breaking', 'info', true, 'a schema removed from oneOf'],
  ['wrapped-in-one-of', 'breaking', 'breaking', true, 'restructured into a oneOf'],
  ['prefix-items-added', 'info', 'breaking', true, 'an item schema added to prefixItems'],
  ['prefix-items-removed', 'breaking', 'info', true, 'an item schema removed from prefixItems'],
  ['dependent-required-added', 'breaking', 'info', false, 'dependentRequired added'],
  ['dependent-required-removed', 'info', 'breaking', false, 'dependentRequired removed'],
  ['dependent-required-changed', 'breaking', 'breaking', false, 'dependentRequired changed'],
  ['x-extensible-enum-value-removed', 'breaking', 'info', false, 'a value removed from x-extensible-enum'],
  ['stability-decreased', 'breaking', 'breaking', false, 'x-stability-level lowered'],
  ['stability-invalid', 'breaking', 'breaking', false, 'x-stability-level is not draft, alpha, beta or stable'],
  ['content-encoding-changed', 'breaking', 'breaking', false, 'contentEncoding changed'],
  ['content-media-type-changed', 'breaking', 'breaking', false, 'contentMediaType changed'],
];

/** Keywords whose schema, once added, constrains more (and once removed, less). */
export const CONSTRAINT_KEYWORDS: Record<string, string> = {
  if: 'if',
  then: 'then',
  else: 'else',
  not: 'not',
  contains: 'contains',
  propertyNames: 'property-names',
  unevaluatedItems: 'unevaluated-items',
  unevaluatedProperties: 'unevaluated-properties',
  contentSchema: 'content-schema',
  dependentSchemas: 'dependent-schema',
  patternProperties: 'pattern-property',
};

for (const name of Object.values(CONSTRAINT_KEYWORDS)) {
  SCHEMA_KINDS.push([`${name}-added`, 'breaking', 'info', false, `'${name}' added`]);
  SCHEMA_KINDS.push([`${name}-removed`, 'info', 'breaking', false, `'${name}' removed`]);
}

/** Bounds: `upper` ones (maximum, maxLength…) narrow when they decrease or are set; `lower` ones when they increase or are set. */
export const BOUNDS: [keyword: string, name: string, side: 'upper' | 'lower'][] = [
  ['maximum', 'max', 'upper'],
  ['minimum', 'min', 'lower'],
  ['exclusiveMaximum', 'exclusive-max', 'upper'],
  ['exclusiveMinimum', 'exclusive-min', 'lower'],
  ['maxLength', 'max-length', 'upper'],
  ['minLength', 'min-length', 'lower'],
  ['maxItems', 'max-items', 'upper'],
  ['minItems', 'min-items', 'lower'],
  ['maxProperties', 'max-properties', 'upper'],
  ['minProperties', 'min-properties', 'lower'],
  ['maxContains', 'max-contains', 'upper'],
  ['minContains', 'min-contains', 'lower'],
];

for (const [, name, side] of BOUNDS) {
  const narrow = side === 'upper' ? 'decreased' : 'increased';
  const widen = side === 'upper' ? 'increased' : 'decreased';
  SCHEMA_KINDS.push([`${name}-${narrow}`, 'breaking', 'info', false, `${name} ${narrow}`]);
  // A bound set where there was none narrows too; oasdiff reports it as a warning (often a new field's first bound).
  SCHEMA_KINDS.push([`${name}-set`, 'warning', 'info', false, `${name} set`]);
  SCHEMA_KINDS.push([`${name}-${widen}`, 'info', 'breaking', false, `${name} ${widen}`]);
  SCHEMA_KINDS.push([`${name}-unset`, 'info', 'breaking', false, `${name} removed`]);
}

/** Where a schema sits, by direction: the root of a body/parameter/header, or something inside it. */
export const SCHEMA_PLACES = {
  request: { body: 'request-body', parameter: 'request-parameter', header: 'request-parameter' },
  response: { body: 'response-body', parameter: 'response-header', header: 'response-header' },
} as const;

export type Direction = keyof typeof SCHEMA_PLACES;
export type SchemaPlace = keyof (typeof SCHEMA_PLACES)['request'];

/** `request-body-max-decreased`, `request-property-max-decreased`, `request-parameter-property-…`. */
export function schemaChangeId(direction: Direction, place: SchemaPlace, nested: boolean, kind: string): string {
  const root = SCHEMA_PLACES[direction][place];
  const prefix = !nested ? root : place === 'body' ? `${direction}-property` : `${root}-property`;
  return `${prefix}-${kind}`;
}

function buildCatalogue(): Map<string, CatalogueEntry> {
  const entries = new Map<string, CatalogueEntry>();
  for (const [id, level, breaks, summary] of FIXED) entries.set(id, { id, level, breaks, summary });
  for (const direction of ['request', 'response'] as const) {
    for (const place of ['body', 'parameter'] as const) {
      for (const nested of [false, true]) {
        for (const [kind, request, response, types, summary] of SCHEMA_KINDS) {
          const id = schemaChangeId(direction, place, nested, kind);
          if (entries.has(id)) continue;
          const level = direction === 'request' ? request : response;
          const breaks: Party[] = level === 'info' ? (types ? H : NONE) : types ? CH : C;
          entries.set(id, { id, level, breaks, summary });
        }
      }
    }
  }
  return entries;
}

export const CATALOGUE: ReadonlyMap<string, CatalogueEntry> = buildCatalogue();

/** The entry of an id; an id outside the catalogue is a bug in a comparer, reported as a warning rather than lost. */
export function entryOf(id: string): CatalogueEntry {
  return CATALOGUE.get(id) ?? { id, level: 'warning', breaks: C, summary: id };
}
