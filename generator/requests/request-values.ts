// The values of one request an operation must accept (every required parameter, the first body
// we can build), and the one way verify, the Prism test and anyone else break such a request: the
// smallest change the contract forbids. Values only: build-request.ts serialises them. Pure.
import type { OpenAPIDocument } from '../contract/load.js';
import type { Operation } from '../model/model.js';
import type { RequestValues } from './build-request.js';
import { buildableBodies, operationInputs, schemaType, type OperationInputs } from './operation-inputs.js';
import { isJsonMediaType } from '../../server/runtime/contract/media-types.js';
import { valueChooser, type ValueReport } from './values.js';

const LOCATIONS = new Set(['path', 'query', 'querystring', 'header', 'cookie']);

/**
 * Every required parameter (and every path one), credentials left to the serialiser, and the
 * body of the first media type we can build: JSON, a form, multipart, text; any other media type
 * gets a few raw bytes. Refused examples and doubtful values go `into` the report.
 */
export function requiredValues(doc: OpenAPIDocument, op: Operation, inputs: OperationInputs = operationInputs(doc, op), into?: ValueReport): RequestValues {
  const chooser = valueChooser(doc);
  const values: RequestValues = { path: {}, query: {}, querystring: {}, header: {}, cookie: {} };
  for (const name of op.path.match(/\{[^}]+\}/g) ?? []) values.path![name.slice(1, -1)] = 'x';
  for (const p of inputs.parameters.filter((x) => (x.required || x.in === 'path') && LOCATIONS.has(x.in))) values[p.in]![p.name] = chooser.parameter(p, into);
  const [body] = buildableBodies(inputs);
  if (op.requestBody && body) {
    values.body = /^(application\/(.+\+)?json|application\/x-www-form-urlencoded|multipart\/form-data|text\/)/i.test(body.mediaType)
      ? { mediaType: body.mediaType, value: chooser.body(body, into) }
      : { mediaType: body.mediaType, raw: 'sf' };
  }
  return values;
}

/** A request the operation must refuse, and what it breaks. */
export interface InvalidRequest {
  values: RequestValues;
  breaks: string;
}

const NOT_A_VALUE = 'specfirst: not an object';

/**
 * `valid` with one thing broken, the first of: the JSON body (a JSON string in its place), a path
 * parameter, a required query parameter left out, an unknown query parameter. A broken value is
 * used only when the server's validator (the one schema checker) refuses it; an unknown query
 * parameter only when the operation refuses those. Null when nothing can be broken: every body
 * and parameter schema accepts anything and the operation takes unknown query parameters.
 */
export function invalidValues(doc: OpenAPIDocument, inputs: OperationInputs, valid: RequestValues): InvalidRequest | null {
  const { checker } = valueChooser(doc);
  const refuses = (at: string | undefined, value: unknown): boolean => at !== undefined && !checker.isValid('request', at, value);
  const values = structuredClone(valid);
  const json = inputs.bodies.find((b) => isJsonMediaType(b.mediaType));
  if (json && valid.body && isJsonMediaType(valid.body.mediaType) && refuses(json.at, NOT_A_VALUE)) {
    return { values: { ...values, body: { mediaType: json.mediaType, raw: JSON.stringify(NOT_A_VALUE) } }, breaks: 'JSON body of the wrong type' };
  }
  const brokenPath = inputs.parameters.find((p) => p.in === 'path' && refuses(p.at, 'specfirst-not-a-number'));
  if (brokenPath) {
    values.path = { ...values.path, [brokenPath.name]: 'specfirst-not-a-number' };
    return { values, breaks: `path parameter ${brokenPath.name} ${['integer', 'number', 'boolean'].includes(schemaType(brokenPath.schema) ?? '') ? 'of the wrong type' : 'not valid for its schema'}` };
  }
  const requiredQuery = inputs.parameters.find((p) => p.in === 'query' && p.required);
  if (requiredQuery) {
    delete values.query?.[requiredQuery.name];
    return { values, breaks: `required query parameter ${requiredQuery.name} missing` };
  }
  if (inputs.allowsUnknownQuery) return null;
  values.extraQuery = [...(values.extraQuery ?? []), ['specfirst_unknown', '1']];
  return { values, breaks: 'an unknown query parameter' };
}
