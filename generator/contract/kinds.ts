// The kinds of OpenAPI object and which field holds which kind: what lets the loader follow a
// `$ref` knowing what it must find there (a path item, a schema…), validate that in the file
// that holds it, and bundle it into the right components section. Pure data, 3.0, 3.1 and 3.2 alike
// (a 3.1 keyword in a 3.0 document is still walked: lint warns about it, refs in it are followed;
// a 3.2 field in a 3.1 document is walked too, and its meta-schema rejects it).
import { HTTP_METHODS } from '../../server/runtime/contract/methods.js';

export type Kind =
  | 'Document'
  | 'Paths'
  | 'PathItem'
  | 'Operation'
  | 'Parameter'
  | 'Header'
  | 'RequestBody'
  | 'MediaType'
  | 'Encoding'
  | 'Responses'
  | 'Response'
  | 'Callback'
  | 'Example'
  | 'Link'
  | 'SecurityScheme'
  | 'Components'
  | 'Schema'
  | 'Discriminator'
  /** Anything else (info, tags, extensions): `$ref`s in it are followed, nothing is validated. */
  | 'Any'
  /** Literal values (examples, defaults, enums): never walked, a `$ref` in them is data. */
  | 'Data';

export type Shape = Kind | { map: Kind } | { list: Kind };

const SCHEMA_FIELDS: Record<string, Shape> = {
  properties: { map: 'Schema' },
  patternProperties: { map: 'Schema' },
  $defs: { map: 'Schema' },
  definitions: { map: 'Schema' },
  dependentSchemas: { map: 'Schema' },
  prefixItems: { list: 'Schema' },
  allOf: { list: 'Schema' },
  anyOf: { list: 'Schema' },
  oneOf: { list: 'Schema' },
  not: 'Schema',
  if: 'Schema',
  then: 'Schema',
  else: 'Schema',
  additionalProperties: 'Schema',
  additionalItems: 'Schema',
  contains: 'Schema',
  propertyNames: 'Schema',
  unevaluatedItems: 'Schema',
  unevaluatedProperties: 'Schema',
  contentSchema: 'Schema',
  discriminator: 'Discriminator',
  example: 'Data',
  examples: 'Data',
  default: 'Data',
  enum: 'Data',
  const: 'Data',
};

const PARAMETER_FIELDS: Record<string, Shape> = { schema: 'Schema', content: { map: 'MediaType' }, examples: { map: 'Example' }, example: 'Data' };

const FIELDS: Partial<Record<Kind, Record<string, Shape>>> = {
  Document: { paths: 'Paths', webhooks: { map: 'PathItem' }, components: 'Components' },
  PathItem: { ...Object.fromEntries(HTTP_METHODS.map((m) => [m, 'Operation'])), additionalOperations: { map: 'Operation' }, parameters: { list: 'Parameter' } },
  Operation: { parameters: { list: 'Parameter' }, requestBody: 'RequestBody', responses: 'Responses', callbacks: { map: 'Callback' } },
  Parameter: PARAMETER_FIELDS,
  Header: PARAMETER_FIELDS,
  RequestBody: { content: { map: 'MediaType' } },
  MediaType: {
    schema: 'Schema',
    itemSchema: 'Schema',
    examples: { map: 'Example' },
    example: 'Data',
    encoding: { map: 'Encoding' },
    prefixEncoding: { list: 'Encoding' },
    itemEncoding: 'Encoding',
  },
  Encoding: { headers: { map: 'Header' }, encoding: { map: 'Encoding' }, prefixEncoding: { list: 'Encoding' }, itemEncoding: 'Encoding' },
  Response: { headers: { map: 'Header' }, content: { map: 'MediaType' }, links: { map: 'Link' } },
  Example: { value: 'Data', dataValue: 'Data' },
  Link: { parameters: 'Data', requestBody: 'Data' },
  Components: {
    schemas: { map: 'Schema' },
    responses: { map: 'Response' },
    parameters: { map: 'Parameter' },
    examples: { map: 'Example' },
    requestBodies: { map: 'RequestBody' },
    headers: { map: 'Header' },
    securitySchemes: { map: 'SecurityScheme' },
    links: { map: 'Link' },
    callbacks: { map: 'Callback' },
    pathItems: { map: 'PathItem' },
    mediaTypes: { map: 'MediaType' },
  },
  Schema: SCHEMA_FIELDS,
};

/** Kinds that are maps of one kind: every member but extensions (`x-…`) is of it. */
const MAP_KINDS: Partial<Record<Kind, Kind>> = { Paths: 'PathItem', Responses: 'Response', Callback: 'PathItem' };

/** What the member `key` of an object of kind `kind` holds. */
export function memberShape(kind: Kind, key: string, value: unknown): Shape {
  if (kind === 'Any') return 'Any';
  if (kind === 'Data') return 'Data';
  const each = MAP_KINDS[kind];
  if (each) return key.startsWith('x-') ? 'Any' : each;
  // Before 2020-12, `items` could be a list of schemas (tuples).
  if (kind === 'Schema' && key === 'items') return Array.isArray(value) ? { list: 'Schema' } : 'Schema';
  return FIELDS[kind]?.[key] ?? 'Any';
}

/** Where OpenAPI allows a Reference Object (and a path item's own `$ref`). */
export const REFERABLE = new Set<Kind>(['Schema', 'Parameter', 'Header', 'RequestBody', 'Response', 'Example', 'Link', 'Callback', 'SecurityScheme', 'PathItem', 'Any', 'Data']);

/** Kinds a Reference Object may stand for from OpenAPI 3.2 on (`components/mediaTypes`). */
export const REFERABLE_FROM_32 = new Set<Kind>(['MediaType']);

/** The components section a kind is bundled into; kinds without one are copied where they are used. */
export const COMPONENT_SECTION: Partial<Record<Kind, string>> = {
  Schema: 'schemas',
  Parameter: 'parameters',
  Header: 'headers',
  RequestBody: 'requestBodies',
  Response: 'responses',
  Example: 'examples',
  Link: 'links',
  Callback: 'callbacks',
  SecurityScheme: 'securitySchemes',
};

/** How a person names the kind in a message: `PathItem` → `path item`. */
export function kindName(kind: Kind): string {
  return kind.replace(/(?<=[a-z])([A-Z])/g, ' $1').toLowerCase();
}
