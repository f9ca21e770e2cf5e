// A set of requests per operation for comparing two validators (the Prism differential test):
// valid ones that exercise what the contract allows (required parameters only, every parameter,
// each request media type, an optional body left out) and invalid ones that each break exactly
// one rule. Built with the one request builder (build-request.ts); only the values differ.
import type { OpenAPIDocument } from '../../generator/contract/load.js';
import type { Operation } from '../../generator/model/model.js';
import { deref } from '../../server/runtime/contract/pointer.js';
import { buildableBodies, flatForm, jsonBodySchema, operationInputs, schemaType } from '../../generator/requests/operation-inputs.js';
import { buildRequest, type Credentials, type RequestSpec, type RequestValues } from '../../generator/requests/build-request.js';
import { requiredValues } from '../../generator/requests/request-values.js';
import { valueChooser } from '../../generator/requests/values.js';

export interface RequestVariant {
  /** What the request does, stable across runs: `all-parameters`, `missing:query:limit`, `body:malformed-json`. */
  kind: string;
  expect: 'accept' | 'reject';
  spec: RequestSpec;
}

export function requestVariants(doc: OpenAPIDocument, op: Operation, credentials: Credentials = {}): RequestVariant[] {
  const inputs = operationInputs(doc, op);
  const chooser = valueChooser(doc);
  const required = requiredValues(doc, op, inputs);
  const base = (): RequestValues => ({ ...structuredClone(required), credentials });
  const out: RequestVariant[] = [];
  const add = (kind: string, expect: RequestVariant['expect'], values: RequestValues) => out.push({ kind, expect, spec: buildRequest(doc, op, values) });

  // Accepted by the contract.
  add('required-only', 'accept', base());
  const optional = inputs.parameters.filter((p) => !p.required && p.in !== 'path' && !/^(accept|content-type|authorization)$/i.test(p.name));
  if (optional.length > 0) {
    const all = base();
    for (const p of optional) all[p.in]![p.name] = chooser.parameter(p);
    add('all-parameters', 'accept', all);
  }
  // Only bodies a validator can read: an XML or binary body built from a JSON schema means nothing.
  const bodies = buildableBodies(inputs).filter((b) => /json|x-www-form-urlencoded|multipart\/form-data|^text\//i.test(b.mediaType));
  for (const media of bodies.slice(1).filter((b) => /json|^text\//i.test(b.mediaType) || flatForm(chooser.body(b)))) add(`body:${media.mediaType.split(';')[0]}`, 'accept', { ...base(), body: { mediaType: media.mediaType, value: chooser.body(media) } });
  if (op.requestBody && !inputs.bodyRequired) add('body:optional-omitted', 'accept', { ...base(), body: undefined });
  const freeText = inputs.parameters.find((p) => p.in === 'query' && schemaType(p.schema) === 'string' && !p.schema?.enum && !p.schema?.pattern && !p.schema?.format && (p.schema?.maxLength as number | undefined ?? 99) >= 9);
  if (freeText) {
    // RFC 3986 allows `: / @ ? ,` unencoded in a query, and browsers and curl send them so.
    const values = base();
    values.query![freeText.name] = 'a:b/c@d,e';
    const spec = buildRequest(doc, op, values);
    out.push({ kind: `query:reserved-characters:${freeText.name}`, expect: 'accept', spec: { ...spec, url: spec.url.replace(/%3A/g, ':').replace(/%2F/g, '/').replace(/%40/g, '@').replace(/%2C/g, ',') } });
  }
  const list = inputs.parameters.find((p) => p.in === 'query' && schemaType(p.schema) === 'array' && (p.explode ?? true) && (p.style ?? 'form') === 'form' && ((p.schema?.maxItems as number | undefined) ?? 21) >= 21);
  const item = list ? chooser.parameter(list) : undefined;
  if (list && Array.isArray(item) && item.length > 0 && !(list.schema as { uniqueItems?: boolean }).uniqueItems) {
    add(`query:repeated-21-times:${list.name}`, 'accept', { ...base(), query: { ...base().query, [list.name]: Array.from({ length: 21 }, () => item[0]) } });
  }

  // Each breaks one rule.
  for (const p of inputs.parameters.filter((x) => x.in === 'path' && isTyped(x.schema))) {
    add(`path-type:${p.name}`, 'reject', { ...base(), path: { ...base().path, [p.name]: 'specfirst-not-a-number' } });
  }
  for (const p of inputs.parameters.filter((x) => x.required && x.in !== 'path')) {
    const values = base();
    delete values[p.in]![p.name];
    add(`missing:${p.in}:${p.name}`, 'reject', values);
  }
  const scalars = inputs.parameters.filter((x) => x.in !== 'path' && !/^(accept|content-type|authorization)$/i.test(x.name));
  for (const p of scalars.filter((x) => isTyped(x.schema)).slice(0, 3)) {
    const values = base();
    values[p.in]![p.name] = 'specfirst-not-a-number';
    add(`type:${p.in}:${p.name}`, 'reject', values);
  }
  for (const p of scalars.filter((x) => Array.isArray(x.schema?.enum) && schemaType(x.schema) === 'string').slice(0, 3)) {
    const values = base();
    values[p.in]![p.name] = 'specfirst-not-in-enum';
    add(`enum:${p.in}:${p.name}`, 'reject', values);
  }
  for (const p of scalars.filter((x) => FORMATS[x.schema?.format as string] && schemaType(x.schema) === 'string').slice(0, 3)) {
    const values = base();
    values[p.in]![p.name] = FORMATS[p.schema!.format as string];
    add(`format:${p.in}:${p.name}`, 'reject', values);
  }
  add('unknown-query', 'reject', { ...base(), extraQuery: [['specfirst_unknown', '1']] });

  const json = bodies.find((b) => /json/i.test(b.mediaType));
  const sample = json ? chooser.body(json) : undefined;
  const jsonSchema = json && sample && typeof sample === 'object' && !Array.isArray(sample) ? objectSchemaFor(doc, jsonBodySchema(inputs), sample as Record<string, unknown>) : undefined;
  if (json && jsonSchema) {
    add('body:wrong-type', 'reject', { ...base(), body: { mediaType: json.mediaType, value: 'specfirst: not an object' } });
    const required = Array.isArray(jsonSchema.required) ? (jsonSchema.required as string[]) : [];
    const removable = required.find((name) => sample && typeof sample === 'object' && name in sample);
    if (removable) {
      const { [removable]: _, ...rest } = sample as Record<string, unknown>;
      add(`body:missing-required:${removable}`, 'reject', { ...base(), body: { mediaType: json.mediaType, value: rest } });
    }
    const properties = (jsonSchema.properties ?? {}) as Record<string, Record<string, unknown>>;
    const withDefault = required.find((name) => properties[name]?.default !== undefined && sample && typeof sample === 'object' && name in sample);
    if (withDefault) {
      // `required` is about what the client sends: a default never stands in for a required field.
      const { [withDefault]: _, ...rest } = sample as Record<string, unknown>;
      add(`body:missing-required-with-default:${withDefault}`, 'reject', { ...base(), body: { mediaType: json.mediaType, value: rest } });
    }
    const formatted = Object.keys(properties).find((name) => FORMATS[properties[name]?.format as string] && schemaType(properties[name]) === 'string' && sample && typeof sample === 'object' && name in sample);
    if (formatted) {
      add(`body:format:${formatted}`, 'reject', { ...base(), body: { mediaType: json.mediaType, value: { ...(sample as object), [formatted]: FORMATS[properties[formatted]!.format as string] } } });
    }
    if (jsonSchema.additionalProperties === false && sample && typeof sample === 'object') {
      add('body:additional-property', 'reject', { ...base(), body: { mediaType: json.mediaType, value: { ...sample, specfirst_extra: 1 } } });
    }
  }
  if (json) add('body:malformed-json', 'reject', { ...base(), body: { mediaType: json.mediaType, raw: '{"specfirst": ' } });
  if (op.requestBody && inputs.bodyRequired) add('body:missing', 'reject', { ...base(), body: undefined });
  if (op.requestBody && !inputs.bodies.some((b) => b.mediaType.includes('*') || /^text\//i.test(b.mediaType))) add('body:unsupported-media-type', 'reject', { ...base(), body: { mediaType: 'text/x-specfirst', raw: 'specfirst' } });
  if (op.security && op.security.length > 0 && op.security.every((r) => Object.keys(r).length > 0)) add('no-credentials', 'reject', { ...base(), credentials: false });
  return out;
}

/** A value each format forbids, though it looks close: impossible dates, a bare word for an address. */
const FORMATS: Record<string, string> = {
  date: '2024-02-30',
  'date-time': '2024-19-39T29:59:59Z',
  email: 'specfirst',
  uuid: 'specfirst-not-a-uuid',
  ipv4: '256.1.1.1',
  uri: 'specfirst not a uri',
};

/**
 * The object schema a body sample was made from: the schema itself, the `oneOf`/`anyOf` branch
 * whose properties and enums the sample fits, or the `allOf` parts merged.
 */
function objectSchemaFor(doc: OpenAPIDocument, raw: unknown, sample: Record<string, unknown>, depth = 0): Record<string, unknown> | undefined {
  const schema = deref<Record<string, unknown>>(doc, raw as never);
  if (!schema || depth > 8) return undefined;
  if (Array.isArray(schema.allOf)) {
    const parts = schema.allOf.map((part) => objectSchemaFor(doc, part, sample, depth + 1)).filter((x) => x !== undefined);
    const merged: Record<string, unknown> = { type: 'object', properties: Object.assign({}, schema.properties, ...parts.map((x) => x.properties)), required: [...((schema.required as string[]) ?? []), ...parts.flatMap((x) => (x.required as string[]) ?? [])] };
    return merged;
  }
  for (const key of ['oneOf', 'anyOf'] as const) {
    if (!Array.isArray(schema[key])) continue;
    for (const branch of schema[key] as unknown[]) {
      const object = objectSchemaFor(doc, branch, sample, depth + 1);
      const props = (object?.properties ?? {}) as Record<string, Record<string, unknown>>;
      const fits = Object.entries(sample).every(([k, v]) => k in props && (!Array.isArray(deref<Record<string, unknown>>(doc, props[k] as never)?.enum) || (deref<{ enum: unknown[] }>(doc, props[k] as never)!.enum).includes(v)));
      if (object && fits) return object;
    }
    return undefined;
  }
  if (schemaType(schema) !== 'object') return undefined;
  const properties = Object.fromEntries(Object.entries((schema.properties ?? {}) as Record<string, unknown>).map(([k, v]) => [k, deref<Record<string, unknown>>(doc, v as never)]));
  return { ...schema, properties };
}

function isTyped(schema: Record<string, unknown> | undefined): boolean {
  return ['integer', 'number', 'boolean'].includes(schemaType(schema) ?? '') && !Array.isArray(schema?.enum);
}
