// Fastify's route schemas for the bench, taken from the contract's bundled JSON
// (server/petstore/generated/openapi.json), so that Fastify checks what specfirst checks:
// path, query and header parameters, the JSON request body, and JSON responses (which Fastify
// uses to serialise, not to validate). References are inlined (the example has no cycles);
// `discriminator` is dropped: it is a hint, `oneOf` alone decides validity.
import { readFileSync } from 'node:fs';
import type { FastifySchema } from 'fastify';

type Json = Record<string, unknown>;

const DOCUMENT_URL = new URL('../../server/petstore/generated/openapi.json', import.meta.url);

function resolvePointer(doc: Json, ref: string): unknown {
  return ref
    .slice(2)
    .split('/')
    .reduce<unknown>((node, key) => (node as Json)[key.replace(/~1/g, '/').replace(/~0/g, '~')], doc);
}

/** A copy of `node` with every local `$ref` replaced by its target, without OpenAPI-only keywords. */
function inline(doc: Json, node: unknown): unknown {
  if (Array.isArray(node)) return node.map((n) => inline(doc, n));
  if (typeof node !== 'object' || node === null) return node;
  const ref = (node as Json).$ref;
  if (typeof ref === 'string') return inline(doc, resolvePointer(doc, ref));
  const out: Json = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'discriminator' || key === 'example' || key === 'examples') continue;
    out[key] = inline(doc, value);
  }
  return out;
}

interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  schema?: Json;
}

function objectOf(params: Parameter[], lowercase: boolean, closed: boolean): Json | undefined {
  if (params.length === 0) return undefined;
  const properties: Json = {};
  for (const p of params) properties[lowercase ? p.name.toLowerCase() : p.name] = p.schema ?? {};
  const required = params.filter((p) => p.required).map((p) => (lowercase ? p.name.toLowerCase() : p.name));
  return { type: 'object', properties, ...(required.length > 0 ? { required } : {}), ...(closed ? { additionalProperties: false } : {}) };
}

/** The Fastify schema for one operation of the example contract. */
export function fastifySchema(path: string, method: string): FastifySchema {
  const doc = JSON.parse(readFileSync(DOCUMENT_URL, 'utf8')) as Json;
  const item = (doc.paths as Json)[path] as Json;
  const operation = inline(doc, item[method]) as Json;
  const parameters = [...((inline(doc, item.parameters ?? []) as Parameter[]) ?? []), ...((operation.parameters as Parameter[]) ?? [])];
  const by = (where: string) => parameters.filter((p) => p.in === where);
  const schema: FastifySchema = {};
  const params = objectOf(by('path'), false, false);
  // Unknown query parameters are refused, as specfirst refuses them.
  const querystring = objectOf(by('query'), false, true);
  const headers = objectOf(by('header'), true, false);
  if (params) schema.params = params;
  if (querystring) schema.querystring = querystring;
  if (headers) schema.headers = headers;
  const body = ((operation.requestBody as Json | undefined)?.content as Json | undefined)?.['application/json'] as Json | undefined;
  if (body?.schema) schema.body = body.schema;
  const response: Json = {};
  for (const [status, r] of Object.entries((operation.responses as Json) ?? {})) {
    const json = ((r as Json).content as Json | undefined)?.['application/json'] as Json | undefined;
    if (json?.schema) response[status] = json.schema;
  }
  if (Object.keys(response).length > 0) schema.response = response;
  return schema;
}
