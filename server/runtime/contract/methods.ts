// The operations a Path Item can hold, in the order OpenAPI lists them: the walker, the model, the
// route table and the error declarations all go through this module. `query` is OpenAPI 3.2's
// (the QUERY method: a safe request with a body), and so is `additionalOperations` (any other
// method, by its name as requests send it: `COPY`, `LINK`); a 3.0 or 3.1 document that has one is
// told so by its meta-schema.
import { METHODS } from 'node:http';
import { encodePointer } from './pointer.js';

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace', 'query'] as const;

export type HttpMethod = (typeof HTTP_METHODS)[number];

/** The methods Node's HTTP parser accepts: a request with any other gets 400 before a server sees it. */
const PARSED = new Set(METHODS);

/** Whether Node can receive requests of `method` (as written in `additionalOperations`: case counts). */
export function isServableMethod(method: string): boolean {
  return PARSED.has(method);
}

/** One operation of a path item. */
export interface PathItemOperation {
  /** In lower case, as the model and the route bindings hold it (`get`, `query`, `copy`). */
  method: string;
  /** Where it sits in the path item: `['get']`, or `['additionalOperations', 'COPY']`. */
  at: [string] | ['additionalOperations', string];
  operation: unknown;
}

/**
 * Every operation of a path item: the fixed fields in OpenAPI's order, then `additionalOperations`
 * in the contract's order. An additional one Node cannot receive (lint says so) or that repeats
 * a fixed field (the meta-schema says so) is left out: no request can reach it.
 */
export function operationsOf(item: Record<string, unknown>): PathItemOperation[] {
  const out: PathItemOperation[] = [];
  for (const method of HTTP_METHODS) if (item[method] !== undefined) out.push({ method, at: [method], operation: item[method] });
  const more = item.additionalOperations;
  if (typeof more === 'object' && more !== null && !Array.isArray(more)) {
    for (const [name, operation] of Object.entries(more)) {
      const method = name.toLowerCase();
      if (!isServableMethod(name) || (HTTP_METHODS as readonly string[]).includes(method)) continue;
      out.push({ method, at: ['additionalOperations', name], operation });
    }
  }
  return out;
}

/** Where the operation of `method` (lower case) sits in a path item: `['get']`, `['additionalOperations', 'COPY']`. */
export function operationMember(method: string): PathItemOperation['at'] {
  return (HTTP_METHODS as readonly string[]).includes(method) ? [method] : ['additionalOperations', method.toUpperCase()];
}

/** The operation of `method` (lower case) in a path item, if it has one. */
export function operationIn(item: Record<string, unknown> | undefined, method: string): unknown {
  const at = operationMember(method);
  if (at.length === 1) return item?.[at[0]];
  return (item?.additionalOperations as Record<string, unknown> | undefined)?.[at[1]];
}

/** The JSON Pointer of the operation of `method` (lower case) at `path`: `/paths/~1pets/get`. */
export function operationPointer(path: string, method: string): string {
  return encodePointer(['paths', path, ...operationMember(method)]);
}
