// The typed client of an API (generated/client.ts): openapi-fetch over the generated `paths`, so a
// caller's path, parameters, body and the response it reads are checked against the contract at
// compile time, and a contract change that breaks a caller fails to compile. No hand-written HTTP
// code. Pure: model in, TypeScript out. Nothing else generated imports it: the server never loads it.
import type { ApiModel } from '../model/model.js';
import { docComment } from './doc-comment.js';
import { generatedHeader } from './header.js';

export interface ClientInput {
  model: ApiModel;
  source: string;
  /** The path of the contract's first server URL (`/v1`), where the runtime serves the API; '' for none. */
  basePath: string;
}

export function emitClient({ model, source, basePath }: ClientInput): string {
  const first = model.operations[0];
  const example = first ? `\`const { data, error, response } = await client.${first.method.toUpperCase()}(${JSON.stringify(first.path)}, …)\`` : undefined;
  return [
    generatedHeader(source),
    '',
    'import createClient, { type Client, type ClientOptions } from "openapi-fetch";',
    'import type { paths } from "./schema.js";',
    '',
    '/** A client of this API: `client.GET(path, { params, body })` and the other methods, typed from the contract. */',
    'export type ApiClient = Client<paths>;',
    '',
    docComment([
      `A client of ${model.title} ${model.version}, built on openapi-fetch: paths, parameters, request bodies and responses are typed from the contract.`,
      basePath
        ? `\`baseUrl\` is the server's URL including the path the API is served under, \`${basePath}\` (e.g. \`http://127.0.0.1:3000${basePath}\`).`
        : "`baseUrl` is the server's URL (e.g. `http://127.0.0.1:3000`).",
      example,
    ]),
    'export function createApiClient(options: ClientOptions = {}): ApiClient {',
    '  return createClient<paths>(options);',
    '}',
    '',
  ].join('\n');
}
