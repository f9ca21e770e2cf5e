// The operations a Path Item can hold, in the order OpenAPI lists them: the walker, the model, the
// route table and the error declarations all go through this one list.

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

export type HttpMethod = (typeof HTTP_METHODS)[number];
