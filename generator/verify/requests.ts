// For `specfirst verify`: per operation, one request the contract allows and one it forbids.
// Nothing is decided here: the values come from the one chooser (requests/request-values.ts,
// examples the server's validator takes, else samples it takes), the broken request from the one
// invalid-value strategy, the HTTP request from the one serialiser (requests/build-request.ts).
// Pure: the bundled document and an operation in, requests out.
import { buildRequest, type RequestSpec, type RequestValues } from '../requests/build-request.js';
import { operationInputs } from '../requests/operation-inputs.js';
import { invalidValues, requiredValues } from '../requests/request-values.js';
import type { ValueReport } from '../requests/values.js';
import type { Operation } from '../model/model.js';
import type { OpenAPIDocument } from '../contract/load.js';

export type { RequestSpec };

export interface ValidRequest extends ValueReport {
  spec: RequestSpec;
  values: RequestValues;
}

export interface RequestBuilder {
  valid(op: Operation): ValidRequest;
  /** `valid` with one thing broken that the server's validator refuses; null when nothing can be. */
  invalid(op: Operation, valid: ValidRequest): RequestSpec | null;
}

export function requestBuilder(doc: OpenAPIDocument): RequestBuilder {
  return {
    valid(op) {
      const report: ValueReport = { doubtful: [] };
      const values = requiredValues(doc, op, operationInputs(doc, op), report);
      return { spec: buildRequest(doc, op, values), values, ...report };
    },
    invalid(op, valid) {
      const invalid = invalidValues(doc, operationInputs(doc, op), valid.values);
      return invalid && { ...buildRequest(doc, op, invalid.values), breaks: invalid.breaks };
    },
  };
}
