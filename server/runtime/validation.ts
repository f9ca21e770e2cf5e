// express-openapi-validator, configured once per API: requests (parameters with coercion and
// defaults, bodies of every media type, formats, unknown query parameters) and JSON responses are
// checked against the contract. Validators are compiled by the library once per route and cached;
// nothing here runs per request.
import type { RequestHandler } from 'express';
import * as OpenApiValidator from 'express-openapi-validator';
import { fullFormats } from 'ajv-formats/dist/formats.js';
import type { Document } from './contract.js';
import { normalizeForValidator } from './normalize.js';

export interface ValidationOptions {
  /** Largest accepted upload file, in bytes. */
  fileSizeLimit: number;
  /** Run after the body is parsed (multipart included) and before it is validated. */
  beforeRequestValidation: RequestHandler[];
}

export function contractValidator(doc: Document, { fileSizeLimit, beforeRequestValidation }: ValidationOptions, normalized = normalizeForValidator(doc)): RequestHandler[] {
  const middleware = OpenApiValidator.middleware({
    // The validator annotates the document it is given: it gets its own, normalised copy.
    apiSpec: normalized.document as never,
    // specfirst generate validated the contract already; doing it again would only slow start-up.
    validateApiSpec: false,
    // Parameters are always coerced by the library; coerceTypes here is for bodies, and a JSON
    // body must never be coerced (form fields are, by beforeRequestValidation).
    // allErrors: report every failing field at once, not the first one only.
    // Unknown query parameters are found by unknown-query.ts, to be reported with the others.
    validateRequests: { allowUnknownQueryParameters: true, coerceTypes: false, removeAdditional: false, allErrors: true },
    validateResponses: { removeAdditional: false, coerceTypes: false, allErrors: true },
    validateFormats: true,
    // Formats the validator does not know (phone-number, http-method, …) are annotations in
    // OpenAPI: accepted as they are, listed once in the start-up log instead of warned per schema.
    formats: Object.fromEntries(customFormats(normalized.document).map((f) => [f, true])),
    validateSecurity: false,
    ignoreUndocumented: false,
    fileUploader: { limits: { fileSize: fileSizeLimit, files: 32 } },
    $refParser: { mode: 'bundle' },
  });
  const chain = [...(middleware as unknown as RequestHandler[])];
  const at = chain.findIndex((m) => m.name === 'requestMiddleware');
  if (at < 0) throw new Error('express-openapi-validator changed: no requestMiddleware to insert form coercion before');
  chain.splice(at, 0, ...beforeRequestValidation);
  return chain;
}

/** Formats checked by the validator: ajv-formats' full set, and OpenAPI's own numeric/binary ones. */
const KNOWN_FORMATS = new Set([...Object.keys(fullFormats), 'int32', 'int64', 'float', 'double', 'byte', 'binary', 'password']);

/** Every `format` the contract uses that the validator does not know, sorted. */
export function customFormats(doc: Document): string[] {
  const found = new Set<string>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (typeof node !== 'object' || node === null) return;
    const format = (node as { format?: unknown }).format;
    if (typeof format === 'string' && !KNOWN_FORMATS.has(format)) found.add(format);
    Object.values(node).forEach(walk);
  };
  walk(doc);
  return [...found].sort();
}
