// Where the generated schema.ts types each operation. openapi-typescript types the eight methods
// of OpenAPI 3.0 and 3.1 under `paths`; an operation of any other method (3.2's `query`, and
// `additionalOperations`) is handed to it as a webhook named for the method and path
// (`QUERY /pets/search`), whose one operation (`post`) carries the path item's parameters, so
// that it is typed exactly as the others are. So is the schema of a `querystring` parameter (3.2),
// which openapi-typescript does not know, as the body of a webhook `GET /search (querystring)`.
// The client's `paths` never holds them.
import { operationsOf } from '../../server/runtime/contract/methods.js';
import { deref } from '../../server/runtime/contract/pointer.js';

const TYPED_UNDER_PATHS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);

type Json = Record<string, unknown>;

/** Whether openapi-typescript types the method under `paths` (and openapi-fetch has a method for it). */
export function isTypedUnderPaths(method: string): boolean {
  return TYPED_UNDER_PATHS.has(method);
}

/** The type of the operation in schema.ts: `paths["/pets"]["get"]`, `webhooks["QUERY /pets/search"]["post"]`. */
export function operationTypeRef(path: string, method: string): string {
  if (TYPED_UNDER_PATHS.has(method)) return `paths[${JSON.stringify(path)}][${JSON.stringify(method)}]`;
  return `webhooks[${JSON.stringify(webhookName(path, method))}]["post"]`;
}

/** The type of an operation's `querystring` parameter, parsed by `mediaType`. */
export function querystringTypeRef(path: string, method: string, mediaType: string): string {
  return `webhooks[${JSON.stringify(querystringName(path, method))}]["post"]["requestBody"]["content"][${JSON.stringify(mediaType)}]`;
}

/** What operations.ts imports from schema.ts: `paths`, and `webhooks` when an operation is typed there. */
export function typeRoots(model: { operations: readonly { method: string; parameters: readonly { in: string }[] }[] }): string[] {
  const there = model.operations.some((op) => !TYPED_UNDER_PATHS.has(op.method) || op.parameters.some((p) => p.in === 'querystring'));
  return there ? ['paths', 'webhooks'] : ['paths'];
}

function querystringName(path: string, method: string): string {
  return `${webhookName(path, method)} (querystring)`;
}

function webhookName(path: string, method: string): string {
  return `${method.toUpperCase()} ${path}`;
}

/** Adds, to the copy of the contract openapi-typescript reads, a webhook for every operation it would not type. */
export function addOtherMethodsAsWebhooks(copy: Json): void {
  const paths = (copy.paths ?? {}) as Record<string, unknown>;
  for (const [path, item] of Object.entries(paths)) {
    if (typeof item !== 'object' || item === null || '$ref' in item) continue;
    for (const { method, operation } of operationsOf(item as Json)) {
      const add = (name: string, webhook: Json): void => void (((copy.webhooks ??= {}) as Json)[name] = webhook);
      const parameters = (item as Json).parameters;
      if (!TYPED_UNDER_PATHS.has(method)) add(webhookName(path, method), { ...(parameters ? { parameters } : {}), post: operation });
      const querystring = [parameters, (operation as Json | null)?.parameters]
        .flatMap((list) => (Array.isArray(list) ? list : []))
        .map((p) => deref<Json>(copy, p))
        .find((p) => p?.in === 'querystring');
      if (querystring && typeof querystring.content === 'object') {
        add(querystringName(path, method), { post: { requestBody: { required: true, content: querystring.content }, responses: {} } });
      }
    }
  }
}
