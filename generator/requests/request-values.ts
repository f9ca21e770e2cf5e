// The values of one request an operation must accept (every required parameter, the first body
// we can build), and the one way verify, the Prism test and anyone else break such a request: the
// smallest change the contract forbids. Values only: build-request.ts serialises them. Pure.
import type { OpenAPIDocument } from '../contract/load.js';
import type { Operation } from '../model/model.js';
import type { RequestValues } from './build-request.js';
import { buildableBodies, jsonBodySchema, operationInputs, schemaType, type OperationInputs } from './operation-inputs.js';
import { valueChooser, type ValueReport } from './values.js';

const LOCATIONS = new Set(['path', 'query', 'header', 'cookie']);

/**
 * Every required parameter (and every path one), credentials left to the serialiser, and the
 * body of the first media type we can build: JSON, a form, multipart, text; any other media type
 * gets a few raw bytes. Refused examples and doubtful values go `into` the report.
 */
export function requiredValues(doc: OpenAPIDocument, op: Operation, inputs: OperationInputs = operationInputs(doc, op), into?: ValueReport): RequestValues {
  const chooser = valueChooser(doc);
  const values: RequestValues = { path: {}, query: {}, header: {}, cookie: {} };
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

/** `valid` with one thing broken, the first of: the JSON body's type, a typed path parameter, a required query parameter, an unknown query parameter. */
export function invalidValues(inputs: OperationInputs, valid: RequestValues): { values: RequestValues; breaks: string } {
  const values = structuredClone(valid);
  const bodySchema = jsonBodySchema(inputs);
  if (bodySchema && schemaType(bodySchema) === 'object') {
    return { values: { ...values, body: { mediaType: 'application/json', raw: '"specfirst: not an object"' } }, breaks: 'JSON body of the wrong type' };
  }
  const typedPath = inputs.parameters.find((p) => p.in === 'path' && ['integer', 'number', 'boolean'].includes(schemaType(p.schema) ?? ''));
  if (typedPath) {
    values.path = { ...values.path, [typedPath.name]: 'specfirst-not-a-number' };
    return { values, breaks: `path parameter ${typedPath.name} of the wrong type` };
  }
  const requiredQuery = inputs.parameters.find((p) => p.in === 'query' && p.required);
  if (requiredQuery) {
    delete values.query?.[requiredQuery.name];
    return { values, breaks: `required query parameter ${requiredQuery.name} missing` };
  }
  values.extraQuery = [...(values.extraQuery ?? []), ['specfirst_unknown', '1']];
  return { values, breaks: 'an unknown query parameter' };
}
