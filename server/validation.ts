// express-openapi-validator, configured once per API: requests (parameters with coercion and
// defaults, bodies of every media type, formats, unknown query parameters) and JSON responses are
// checked against the contract. Validators are compiled by the library once per route and cached;
// nothing here runs per request.
import type { RequestHandler } from 'express';
import * as OpenApiValidator from 'express-openapi-validator';
import type { Document } from './contract.js';
import { normalizeForValidator } from './normalize.js';

export interface ValidationOptions {
  /** Largest accepted upload file, in bytes. */
  fileSizeLimit: number;
}

export function contractValidator(doc: Document, { fileSizeLimit }: ValidationOptions): RequestHandler[] {
  const middleware = OpenApiValidator.middleware({
    // The validator annotates the document it is given: it gets its own, normalised copy.
    apiSpec: normalizeForValidator(doc) as never,
    // specfirst generate validated the contract already; doing it again would only slow start-up.
    validateApiSpec: false,
    // allErrors: report every failing field at once, not the first one only.
    validateRequests: { allowUnknownQueryParameters: false, coerceTypes: true, removeAdditional: false, allErrors: true },
    validateResponses: { removeAdditional: false, coerceTypes: false, allErrors: true },
    validateFormats: true,
    validateSecurity: false,
    ignoreUndocumented: false,
    fileUploader: { limits: { fileSize: fileSizeLimit, files: 32 } },
    $refParser: { mode: 'bundle' },
  });
  return middleware as unknown as RequestHandler[];
}
