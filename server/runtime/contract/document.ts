// Reads the bundled contract a generated API points at, and answers where it is served (its base
// path). Never used per request; `$ref`s are followed by ./pointer.ts.
import { readFileSync } from 'node:fs';
import type { ApiDefinition } from '../api.js';

export type Document = {
  openapi: string;
  info: { title: string; version: string };
  servers?: { url: string; variables?: Record<string, { default?: string }> }[];
  paths?: Record<string, Record<string, unknown>>;
  components?: Record<string, Record<string, unknown>>;
  [key: string]: unknown;
};

export interface LoadedDocument {
  document: Document;
  /** The file's text, when the document came from a file (its hash keys contract-problems.json). */
  text: string | null;
}

export function loadDocument(api: ApiDefinition): LoadedDocument {
  if (api.document instanceof URL) {
    const text = readFileSync(api.document, 'utf8');
    return { document: JSON.parse(text) as Document, text };
  }
  return { document: structuredClone(api.document) as Document, text: null };
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
