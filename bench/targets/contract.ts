// The example's bundled contract (what `specfirst generate` writes next to the generated code), as
// the peers that read a contract at start-up are given it.
//
// The example is OpenAPI 3.2 (it streams). No peer reads 3.2: express-openapi-validator refuses the
// version string and none knows `itemSchema`. So the peers get what they can read: the same
// document labelled 3.1.0 (3.2 schemas are 3.1's dialect) without the streamed operations, which the
// bench's three requests never reach.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const CONTRACT_PATH = fileURLToPath(new URL('../../server/petstore/generated/openapi.json', import.meta.url));

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Whether an operation sends or reads a stream of items anywhere (a `content` entry with `itemSchema`). */
function streams(operation: Json): boolean {
  const bodies = [operation.requestBody, ...Object.values(isObject(operation.responses) ? operation.responses : {})];
  return bodies.some((b) => isObject(b) && isObject(b.content) && Object.values(b.content).some((m) => isObject(m) && 'itemSchema' in m));
}

/** A fresh parsed copy a 3.1 tool reads (some peers change the document they are given). */
export function readContract(): Json {
  const doc = JSON.parse(readFileSync(CONTRACT_PATH, 'utf8')) as Json;
  if (typeof doc.openapi === 'string' && doc.openapi.startsWith('3.2')) doc.openapi = '3.1.0';
  const paths = isObject(doc.paths) ? doc.paths : {};
  for (const [path, item] of Object.entries(paths)) {
    if (!isObject(item)) continue;
    for (const [method, operation] of Object.entries(item)) if (isObject(operation) && streams(operation)) delete item[method];
    if (!Object.values(item).some((v) => isObject(v) && 'responses' in v)) delete paths[path];
  }
  return doc;
}
