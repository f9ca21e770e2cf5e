// The operations a Path Item can hold, in the order OpenAPI lists them: the walker, the model, the
// route table and the error declarations all go through this one list. `query` is OpenAPI 3.2's
// (the QUERY method: a safe request with a body); a 3.0 or 3.1 document that has one is told so by
// its meta-schema.

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace', 'query'] as const;

export type HttpMethod = (typeof HTTP_METHODS)[number];
