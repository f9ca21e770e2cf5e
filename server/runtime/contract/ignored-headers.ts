// OpenAPI: a header parameter named `Accept`, `Content-Type` or `Authorization` is ignored; those
// are described by `responses.content`, `requestBody.content` and `security`. The normaliser drops
// them, the plan never reads them, the model leaves them out of the typed request, and requests
// that verify and fuzz build never set them from the parameter: all by this one predicate.

const IGNORED = new Set(['accept', 'content-type', 'authorization']);

/** True for a header parameter that OpenAPI says to ignore (names compared case-insensitively). */
export function isIgnoredHeader(parameter: { in?: unknown; name?: unknown }): boolean {
  return parameter.in === 'header' && typeof parameter.name === 'string' && IGNORED.has(parameter.name.toLowerCase());
}
