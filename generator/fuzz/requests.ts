// Requests for one operation as fast-check arbitraries, in three kinds: valid (every parameter
// and the body drawn from their schemas, optional ones present or not), invalid (a valid request
// with exactly one thing broken: a parameter's value, a required parameter left out, an
// undeclared query parameter, the body's value, its JSON syntax, its media type, a required
// body left out), and without credentials (for an operation that needs them). Values become
// HTTP requests through the one request builder (build-request.ts).
import fc from 'fast-check';
import { isIgnoredHeader } from '../../server/runtime/contract/ignored-headers.js';
import type { Oracle } from './oracle.js';
import { canBreak, invalidParameterText, invalidValue, UNUSABLE, validValue } from './values.js';
import type { OpenAPIDocument } from '../contract/load.js';
import type { Operation } from '../model/model.js';
import { buildableBodies, flatForm, operationInputs, type BodyInput, type ParameterInput } from '../requests/operation-inputs.js';
import { valueChooser } from '../requests/values.js';
import { buildRequest, type Credentials, type RequestSpec, type RequestValues } from '../requests/build-request.js';
import { isJsonMediaType } from '../../server/runtime/contract/media-types.js';

export type FuzzKind = 'valid' | 'invalid' | 'no-credentials';

export interface FuzzCase {
  kind: FuzzKind;
  /** What an invalid request breaks, in words. */
  breaks?: string;
  spec: RequestSpec;
  /** A value could not be made for this run (skipped, not judged). */
  unusable: boolean;
}

export type OperationArbitraries = Partial<Record<FuzzKind, fc.Arbitrary<FuzzCase>>>;

const LOCATIONS = ['path', 'query', 'header', 'cookie'] as const;

export function operationArbitraries(doc: OpenAPIDocument, op: Operation, oracle: Oracle, credentials: Credentials): OperationArbitraries {
  const inputs = operationInputs(doc, op);
  const parameters = inputs.parameters.filter((p) => !isIgnoredHeader(p));
  const bodies = buildableBodies(inputs).filter((b) => /json|x-www-form-urlencoded|multipart\/form-data|^text\//i.test(b.mediaType));
  const body = bodies[0] ?? inputs.bodies[0];

  const valid = validValues(doc, op, oracle, parameters, body, inputs.bodyRequired);
  const toCase = (kind: FuzzKind, values: RequestValues, breaks?: string): FuzzCase => ({ kind, breaks, spec: buildRequest(doc, op, values), unusable: containsUnusable(values) });
  const out: OperationArbitraries = { valid: valid.map((v) => toCase('valid', { ...v, credentials })) };

  const breakers: fc.Arbitrary<FuzzCase>[] = [];
  for (const p of parameters.filter((x) => x.at && canBreak(oracle, x.at, x.schema ?? {}))) {
    breakers.push(
      fc.tuple(valid, invalidParameterText(oracle, p.at!, p.schema, (text) => sendable(p.in, text))).map(([v, text]) => {
        const values = { ...v, [p.in]: { ...v[p.in], [p.name]: text }, credentials };
        return toCase('invalid', values, `${p.in} parameter ${p.name} is ${JSON.stringify(text)}`);
      }),
    );
  }
  for (const p of parameters.filter((x) => x.required && x.in !== 'path')) {
    breakers.push(valid.map((v) => toCase('invalid', { ...v, [p.in]: without(v[p.in], p.name), credentials }, `required ${p.in} parameter ${p.name} is missing`)));
  }
  breakers.push(
    fc.tuple(valid, fc.stringMatching(/^[a-z]{1,6}$/)).map(([v, name]) => toCase('invalid', { ...v, extraQuery: [[`specfirst_${name}`, '1']], credentials }, `undeclared query parameter specfirst_${name}`)),
  );
  if (op.requestBody && body) {
    const json = bodies.find((b) => isJsonMediaType(b.mediaType));
    if (json?.at && canBreak(oracle, json.at)) {
      breakers.push(fc.tuple(valid, invalidValue(oracle, json.at)).map(([v, value]) => toCase('invalid', { ...v, body: { mediaType: json.mediaType, value }, credentials }, `the ${json.mediaType} body breaks its schema`)));
    }
    if (json) {
      breakers.push(fc.tuple(valid, fc.constantFrom('{', '{"a":', '[1,', 'nul', '"', '{"a" 1}')).map(([v, raw]) => toCase('invalid', { ...v, body: { mediaType: json.mediaType, raw }, credentials }, 'the JSON body does not parse')));
    }
    if (inputs.bodyRequired) breakers.push(valid.map((v) => toCase('invalid', { ...v, body: undefined, credentials }, 'the required body is missing')));
    if (!inputs.bodies.some((b) => b.mediaType.includes('*'))) {
      breakers.push(valid.map((v) => toCase('invalid', { ...v, body: { mediaType: 'application/x-specfirst-fuzz', raw: 'specfirst' }, credentials }, 'the body has an undeclared media type')));
    }
  }
  out.invalid = fc.oneof(...breakers);

  if (op.security && op.security.length > 0 && op.security.every((requirement) => Object.keys(requirement).length > 0)) {
    out['no-credentials'] = valid.map((v) => toCase('no-credentials', { ...v, credentials: false }));
  }
  return out;
}

/** Every parameter from its schema (optional ones present or not) and the body, as values. */
function validValues(doc: OpenAPIDocument, op: Operation, oracle: Oracle, parameters: ParameterInput[], body: BodyInput | undefined, bodyRequired: boolean): fc.Arbitrary<RequestValues> {
  const byLocation = Object.fromEntries(
    LOCATIONS.map((location) => {
      const fields: Record<string, fc.Arbitrary<unknown>> = {};
      for (const p of parameters.filter((x) => x.in === location)) {
        const value = p.at && p.schema ? validValue(oracle, p.at).map((v) => (sendable(location, v) && fillsQuery(p, v) ? v : UNUSABLE)) : fc.constant(valueChooser(doc).parameter(p));
        fields[p.name] = p.required || location === 'path' ? value : fc.option(value, { nil: undefined });
      }
      return [location, fc.record(fields)];
    }),
  ) as Record<(typeof LOCATIONS)[number], fc.Arbitrary<Record<string, unknown>>>;
  let bodyValue: fc.Arbitrary<RequestValues['body']> = fc.constant(undefined);
  if (op.requestBody && body) {
    const form = /x-www-form-urlencoded|multipart\/form-data/i.test(body.mediaType);
    const value = body.at && body.schema ? validValue(oracle, body.at).map((v) => (!form || flatForm(v) ? v : UNUSABLE)) : fc.constant(valueChooser(doc).body(body));
    const media = value.map((v) => ({ mediaType: body.mediaType, value: v }));
    bodyValue = bodyRequired ? media : fc.option(media, { nil: undefined });
  }
  return fc.record({ ...byLocation, body: bodyValue });
}

/** Path values must make a path segment; header values must be legal header text. */
function sendable(location: string, value: unknown): boolean {
  if (value === UNUSABLE) return true;
  const text = Array.isArray(value) ? value.join(',') : typeof value === 'string' ? value : JSON.stringify(value);
  if (location === 'path') return text !== '' && text !== '.' && text !== '..';
  if (location === 'header') return /^[\x21-\x7e]([\x20-\x7e]*[\x21-\x7e])?$/.test(text);
  return true;
}

/**
 * A query value that is really sent: not empty unless the parameter allows empty values (OpenAPI
 * `allowEmptyValue`, false by default), and a required list not empty (it would send nothing).
 */
function fillsQuery(p: ParameterInput, value: unknown): boolean {
  if (p.in !== 'query' || value === UNUSABLE || p.allowEmptyValue) return true;
  if (Array.isArray(value)) return !(p.required && value.length === 0) && value.every((v) => v !== '');
  return value !== '';
}

function without(values: Record<string, unknown> | undefined, name: string): Record<string, unknown> {
  const { [name]: _, ...rest } = values ?? {};
  return rest;
}

function containsUnusable(values: RequestValues): boolean {
  return [values.path, values.query, values.header, values.cookie].some((v) => Object.values(v ?? {}).includes(UNUSABLE)) || (values.body !== undefined && 'value' in values.body && values.body.value === UNUSABLE);
}
