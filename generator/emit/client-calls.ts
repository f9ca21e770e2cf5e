// The client's calls for what openapi-fetch's eight methods cannot send or type (OpenAPI 3.2): an
// operation of another method (`query`, `additionalOperations`), sent through openapi-fetch's own
// `client.request`, and an operation with an `in: querystring` parameter, whose value is written
// as the whole query string by its media type. Each is a function named for the operation, typed
// from the schema.ts types the server's handlers use (emit/operation-types.ts), so one contract
// change breaks caller and handler alike. Generated code imports nothing of specfirst's, so the
// querystring writer is written out here: it writes what generator/requests/build-request.ts
// writes for verify, which the server reads back (request/read-parameters.ts). Pure: model in, TypeScript out.
import { isJsonMediaType } from '../../server/runtime/contract/media-types.js';
import type { ApiModel, Operation } from '../model/model.js';
import { docComment } from './doc-comment.js';
import { isTypedUnderPaths, operationTypeRef, querystringTypeRef } from './operation-types.js';

/** Whether an operation needs a call of its own: the typed `client.GET(…)` and the others cannot reach it. */
export function needsOwnCall(op: Operation): boolean {
  return !isTypedUnderPaths(op.method) || op.parameters.some((p) => p.in === 'querystring');
}

/** The calls, and the one sender they share; nothing when every operation is an openapi-fetch method's. */
export function emitOwnCalls(model: ApiModel): string[] {
  const calls = model.operations.filter(needsOwnCall).flatMap(emitCall);
  return calls.length === 0 ? [] : [SEND, ...calls];
}

function emitCall(op: Operation): string[] {
  const opType = operationTypeRef(op.path, op.method);
  // `paths["/a"]["get"]` → the path item and the method key openapi-fetch's init types read.
  const at = opType.lastIndexOf('[');
  const init = `${op.typeStem}Init`;
  const q = op.parameters.find((p) => p.in === 'querystring' && p.mediaType !== undefined);
  const method = op.method.toUpperCase();
  const lines = [
    docComment([`What \`${op.name}\` takes besides${q ? ' `querystring`' : ''}: \`params\`, \`body\`, and openapi-fetch's options.`]),
    `export type ${init} = MaybeOptionalInit<${opType.slice(0, at)}, ${opType.slice(at + 1, -1)}>;`,
    '',
    docComment([
      op.summary,
      `\`${method} ${op.path}\`${isTypedUnderPaths(op.method) ? '' : ` (openapi-fetch has no ${method} method: sent through \`client.request\`)`}.`,
      q ? `\`querystring\` (the parameter \`${q.name}\`) is the whole query string, written ${isJsonMediaType(q.mediaType!) ? 'as percent-encoded JSON' : 'as form pairs (a list as a repeated name)'}.` : undefined,
    ], { deprecated: op.deprecated }),
  ];
  const qType = q ? `${querystringTypeRef(op.path, op.method, q.mediaType!)}${q.required || q.hasDefault ? '' : ' | undefined'}` : '';
  // Named `querystring`, not by the parameter: its name need not be an identifier.
  const params = [`client: ApiClient`, ...(q ? [`querystring: ${qType}`] : []), `...init: undefined extends ${init} ? [${init}?] : [${init}]`];
  const text = q ? `writeQuerystring(querystring, ${isJsonMediaType(q.mediaType!)})` : 'undefined';
  lines.push(
    `export function ${op.name}(${params.join(', ')}): Promise<FetchResponse<${opType}, ${init}, \`\${string}/\${string}\`>> {`,
    `  return sendThroughRequest(client, ${JSON.stringify(method)}, ${JSON.stringify(op.path)}, init[0], ${text});`,
    '}',
    '',
  );
  return lines;
}

const SEND = `/**
 * Sends a call openapi-fetch's typed methods cannot make, through its \`client.request\` (so its
 * middleware, base URL, path and header parameters and body serialiser apply): another method
 * than its eight, and a whole query string already written (\`in: querystring\`).
 */
function sendThroughRequest(client: ApiClient, method: string, path: string, init: object | undefined, querystring: string | undefined): Promise<never> {
  const options = querystring === undefined ? init : { ...init, querySerializer: () => querystring };
  return (client.request as unknown as (method: string, path: string, init?: object) => Promise<never>)(method, path, options);
}

/** A querystring value as the server reads it: percent-encoded JSON, or form pairs (a list as a repeated name). */
function writeQuerystring(value: unknown, json: boolean): string | undefined {
  if (value === undefined) return undefined;
  if (json) return encodeURIComponent(JSON.stringify(value));
  const pairs = new URLSearchParams();
  for (const [name, v] of Object.entries(value as Record<string, unknown>)) {
    for (const item of Array.isArray(v) ? v : [v]) if (item !== undefined) pairs.append(name, typeof item === "string" ? item : JSON.stringify(item));
  }
  return pairs.toString();
}
`;
