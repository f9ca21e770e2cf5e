// The typed client of an API (generated/client.ts): openapi-fetch over the generated `paths`, so a
// caller's path, parameters, body and the response it reads are checked against the contract at
// compile time, and a contract change that breaks a caller fails to compile. No hand-written HTTP
// code. Pure: model in, TypeScript out. Nothing else generated imports it: the server never loads it.
import type { ApiModel } from '../model/model.js';
import { isFixedStatus } from '../model/model.js';
import { sequenceKind } from '../../server/runtime/contract/media-types.js';
import { emitOwnCalls, needsOwnCall } from './client-calls.js';
import { docComment } from './doc-comment.js';
import { generatedHeader } from './header.js';
import { typeRoots } from './operation-types.js';

export interface ClientInput {
  model: ApiModel;
  source: string;
  /** The path of the contract's first server URL (`/v1`), where the runtime serves the API; '' for none. */
  basePath: string;
}

export function emitClient({ model, source, basePath }: ClientInput): string {
  const first = model.operations[0];
  const example = first ? `\`const { data, error, response } = await client.${first.method.toUpperCase()}(${JSON.stringify(first.path)}, …)\`` : undefined;
  const own = model.operations.some(needsOwnCall);
  return [
    generatedHeader(source),
    '',
    own
      ? 'import createClient, { type Client, type ClientOptions, type FetchResponse, type MaybeOptionalInit } from "openapi-fetch";'
      : 'import createClient, { type Client, type ClientOptions } from "openapi-fetch";',
    `import type { ${typeRoots(model).join(', ')} } from "./schema.js";`,
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
    ...emitOwnCalls(model),
    ...emitStreams(model),
  ].join('\n');
}

/**
 * For an API that streams (`itemSchema`): one typed reader per streamed response, on top of
 * openapi-fetch's `parseAs: "stream"`, and the decoders they share (SSE, JSON Lines, json-seq).
 * Generated code imports nothing of specfirst's, so the decoders are written out here; the server
 * frames items with server/runtime/contract/sequences.ts, which reads them back the same way.
 */
function emitStreams(model: ApiModel): string[] {
  const readers: string[] = [];
  for (const op of model.operations) {
    for (const r of op.responses) {
      for (const m of r.streamed) {
        const kind = sequenceKind(m);
        const several = op.responses.flatMap((x) => x.streamed).length > 1;
        const stem = `${op.name}${several ? `${r.status === 'default' ? 'Default' : r.status}${m.split(/[^A-Za-z0-9]+/).map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('')}` : ''}`;
        const key = isFixedStatus(r.status) ? r.status : JSON.stringify(r.status);
        const type = `${op.typeStem}${several ? stem.slice(op.name.length) : ''}Item`;
        readers.push(
          docComment([`One item of \`${op.method.toUpperCase()} ${op.path}\` (${r.status}, ${m}).`]),
          `export type ${type} = paths[${JSON.stringify(op.path)}][${JSON.stringify(op.method)}]["responses"][${key}]["content"][${JSON.stringify(m)}];`,
          '',
          docComment([
            `The items of \`${op.method.toUpperCase()} ${op.path}\` as they arrive: \`for await (const item of ${stem}Items(response))\`, with the response of \`client.${op.method.toUpperCase()}(${JSON.stringify(op.path)}, { parseAs: "stream" })\`.`,
            'Leaving the loop early cancels the stream (the server stops its handler).',
          ]),
          `export function ${stem}Items(response: Response): AsyncGenerator<${type}> {`,
          `  return readItems<${type}>(response, ${JSON.stringify(kind)}${r.jsonEventData.includes(m) ? ', true' : ''});`,
          '}',
          '',
        );
      }
    }
  }
  return readers.length === 0 ? [] : [DECODERS, ...readers];
}

const DECODERS = `/** How a streamed body repeats its items. */
export type StreamKind = "event-stream" | "json-lines" | "json-seq";

/**
 * A streamed body's items, decoded as they arrive: Server-Sent Events (as the HTML standard parses
 * them; \`data\` parsed as JSON when \`jsonData\`), JSON Lines, or JSON text sequences.
 */
export async function* readItems<T>(response: Response, kind: StreamKind, jsonData = false): AsyncGenerator<T> {
  if (!response.body) return;
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let rest = "";
  let event: Record<string, unknown> | null = null;
  const finish = (e: Record<string, unknown>): T => {
    if (jsonData && typeof e.data === "string") {
      try {
        e.data = JSON.parse(e.data);
      } catch {
        // not JSON: left as the text it is
      }
    }
    return e as T;
  };
  try {
    for (;;) {
      const { done, value } = await reader.read();
      rest += done ? decoder.decode() : decoder.decode(value, { stream: true });
      if (kind === "json-seq") {
        const parts = rest.split("\\x1e");
        rest = done ? "" : parts.pop()!;
        for (const part of parts) if (part.trim() !== "") yield JSON.parse(part) as T;
      } else {
        // A CR at the end may be the first half of a CRLF: it waits for the next chunk.
        const hold = !done && rest.endsWith("\\r") ? 1 : 0;
        const lines = rest.slice(0, rest.length - hold).split(/\\r\\n|\\n|\\r/);
        rest = done ? "" : lines.pop()! + rest.slice(rest.length - hold);
        for (const line of lines) {
          if (kind === "json-lines") {
            if (line.trim() !== "") yield JSON.parse(line) as T;
          } else if (line === "") {
            if (event) yield finish(event);
            event = null;
          } else if (!line.startsWith(":")) {
            const colon = line.indexOf(":");
            const field = colon < 0 ? line : line.slice(0, colon);
            let text = colon < 0 ? "" : line.slice(colon + 1);
            if (text.startsWith(" ")) text = text.slice(1);
            if (field === "data") (event ??= {}).data = event.data === undefined ? text : String(event.data) + "\\n" + text;
            else if (field === "event" || (field === "id" && !text.includes("\\0"))) (event ??= {})[field] = text;
            else if (field === "retry" && /^\\d+$/.test(text)) (event ??= {}).retry = Number(text);
          }
        }
      }
      if (done) return;
    }
  } finally {
    await reader.cancel().catch(() => {});
  }
}
`;
