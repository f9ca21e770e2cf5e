// `example` and `examples` never change whether a value is valid, and ajv mistakes what is inside
// them for schema: two examples holding `"id": "v2.0"` made every request fail with "resolves to
// more than one schema". They are removed from schemas, parameters, headers and media types.
// A large contract has thousands; the start-up log gets one entry for all of them.
import type { Json } from './walk.js';

/** Removes `example`/`examples` from one schema, parameter, header or media type; counts them. */
export function removeExamples(node: Json, counter: { count: number }): void {
  for (const key of ['example', 'examples']) {
    if (!(key in node)) continue;
    delete node[key];
    counter.count += 1;
  }
}
