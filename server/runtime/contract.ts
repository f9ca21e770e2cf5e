// Reads the bundled contract a generated API points at, and answers the few questions the runtime
// asks of it at start-up (base path, a route's parameters). Never used per request.
import { readFileSync } from 'node:fs';
import type { ApiDefinition, HttpMethod } from './api.js';

export type Document = {
  openapi: string;
  info: { title: string; version: string };
  servers?: { url: string; variables?: Record<string, { default?: string }> }[];
  paths?: Record<string, Record<string, unknown>>;
  components?: Record<string, Record<string, unknown>>;
  [key: string]: unknown;
};

export function loadDocument(api: ApiDefinition): Document {
  if (api.document instanceof URL) return JSON.parse(readFileSync(api.document, 'utf8')) as Document;
  return structuredClone(api.document) as Document;
}

/**
 * The path of the first `servers` URL (`/v1` of `https://api.example.com/v1`), with server
 * variables at their defaults (`{scheme}://host/{base}`), or '' for none.
 */
export function basePath(doc: Document): string {
  const server = doc.servers?.[0];
  if (!server?.url) return '';
  const url = server.url.replace(/\{([^}]+)\}/g, (_, name: string) => server.variables?.[name]?.default ?? '');
  let path: string;
  try {
    path = decodeURI(new URL(url, 'http://relative.invalid').pathname);
  } catch {
    return '';
  }
  const trimmed = path.replace(/\/+$/, '');
  return trimmed === '' ? '' : trimmed;
}

/** Follows internal `$ref`s. */
export function deref<T = Record<string, unknown>>(doc: Document, value: unknown): T | undefined {
  let cur = value;
  for (let hops = 0; hops < 32; hops++) {
    const ref = (cur as { $ref?: unknown } | null)?.$ref;
    if (typeof ref !== 'string' || !ref.startsWith('#/')) break;
    cur = ref
      .slice(2)
      .split('/')
      .map((s) => decodeURIComponent(s).replace(/~1/g, '/').replace(/~0/g, '~'))
      .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], doc);
  }
  return cur as T | undefined;
}

export interface ParameterInfo {
  name: string;
  in: string;
  schema: Record<string, unknown> | undefined;
}

/** Path-level and operation-level parameters of an operation, the operation's winning. */
export function operationParameters(doc: Document, path: string, method: HttpMethod): ParameterInfo[] {
  const item = deref(doc, doc.paths?.[path]) ?? {};
  const op = deref(doc, item[method]) ?? {};
  const byKey = new Map<string, ParameterInfo>();
  for (const raw of [...((item.parameters as unknown[]) ?? []), ...((op.parameters as unknown[]) ?? [])]) {
    const p = deref<{ name: string; in: string; schema?: unknown }>(doc, raw);
    if (!p) continue;
    byKey.set(`${p.in}:${p.name}`, { name: p.name, in: p.in, schema: deref(doc, p.schema) });
  }
  return [...byKey.values()];
}
