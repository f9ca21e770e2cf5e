// Which errors the server produces itself, and what the contract declares for each: per operation,
// the statuses it can produce (400, 406 and 500 always; 401/403 when it is secured; 413/415 when it
// takes a body) and the response entry that covers each (exact, `4XX`, `default`); for requests no
// operation serves (404, 405), the one error response the API's operations agree on. Pure and
// shared: the generator types the error formatter from it and the runtime picks it with it, so the
// two never disagree. Reads the bundled contract only; never compiles anything.
import type { Document } from '../contract/document.js';
import { isJsonMediaType, mediaTypeBase } from '../contract/media-types.js';
import { operationsOf } from '../contract/methods.js';
import { decodePointer, deref } from '../contract/pointer.js';

export const PROBLEM_MEDIA_TYPE = 'application/problem+json';

/** Statuses the runtime itself answers with (501 from stubs is not one: it is a placeholder). */
export const SERVER_STATUSES = [400, 401, 403, 404, 405, 406, 413, 415, 500] as const;

/** Statuses of requests no operation serves: the API's, not an operation's. */
export const UNSERVED_STATUSES = [404, 405] as const;

export interface ErrorMedia {
  /** As the contract writes it: the formatter's key and the response's Content-Type. */
  mediaType: string;
  /** The schema as the bundled contract writes it (often a `$ref`). */
  schema: unknown;
  /**
   * `problem`: a problem+json body fits it (`application/problem+json`, `application/*`, `*\/*`);
   * `format`: it has a schema and one concrete type, so the formatter makes the body;
   * `none`: neither (no schema, or a wildcard problem+json does not fall under).
   */
  kind: 'problem' | 'format' | 'none';
  /** `format` only: a JSON media type (else the formatter returns the text to send). */
  json: boolean;
  /** `format` only: names the schema (its component name, else `<operation> <key> <media type>`), one per distinct schema in the API. */
  label: string;
}

export interface ErrorDeclaration {
  /** The response entry that covers the status: `400`, `4XX`, `default`. */
  key: string;
  media: ErrorMedia[];
}

export interface OperationErrors {
  path: string;
  method: string;
  /** The handler's name. */
  operation: string;
  /** Server-produced status → its declaration, for the statuses that need a formatter only. */
  byStatus: Map<number, ErrorDeclaration>;
}

export interface UnservedError extends ErrorDeclaration {
  /** The first operation that declares it: its validators check the body. */
  from: { path: string; method: string; operation: string };
}

export interface ApiErrors {
  operations: OperationErrors[];
  /** 404 and 405 for requests no operation serves, when they need a formatter. */
  unserved: Map<number, UnservedError>;
}

/** `nameOf` gives an operation's handler name (the generator's model and the runtime's bindings agree on it). */
export function errorDeclarations(doc: Document, nameOf: (path: string, method: string) => string): ApiErrors {
  const labels = new Map<string, string>();
  const operations: OperationErrors[] = [];
  const unservedCandidates = new Map<number, { signature: string; declaration: UnservedError }[]>();
  for (const [path, rawItem] of Object.entries(doc.paths ?? {})) {
    const item = deref(doc, rawItem);
    if (!item) continue;
    for (const { method, operation: raw } of operationsOf(item)) {
      const op = deref(doc, raw);
      if (!op) continue;
      const operation = nameOf(path, method);
      const responses = (op.responses ?? {}) as Record<string, unknown>;
      const keys = Object.keys(responses);
      const declarationOf = (key: string): ErrorDeclaration => {
        const response = deref<{ content?: Record<string, { schema?: unknown }> }>(doc, responses[key]) ?? {};
        const media = Object.entries(response.content ?? {}).map(([mediaType, m]) => errorMedia(mediaType, m?.schema, labels, `${operation} ${key} ${mediaType}`));
        return { key, media };
      };
      const byStatus = new Map<number, ErrorDeclaration>();
      for (const status of operationStatuses(doc, op)) {
        const key = coveringKey(keys, status);
        if (key === null) continue;
        const declaration = declarationOf(key);
        if (needsFormatter(declaration)) byStatus.set(status, declaration);
      }
      operations.push({ path, method, operation, byStatus });
      for (const status of UNSERVED_STATUSES) {
        const key = coveringKey(keys, status);
        if (key === null) continue;
        const declaration = declarationOf(key);
        if (declaration.media.length === 0) continue;
        const signature = JSON.stringify(declaration.media.map((m) => [m.mediaType, m.schema]));
        const list = unservedCandidates.get(status) ?? [];
        list.push({ signature, declaration: { ...declaration, from: { path, method, operation } } });
        unservedCandidates.set(status, list);
      }
    }
  }
  // An unserved request belongs to no operation: it gets the API's error shape only when every
  // operation that declares one for the status declares the same.
  const unserved = new Map<number, UnservedError>();
  for (const [status, list] of unservedCandidates) {
    if (new Set(list.map((c) => c.signature)).size === 1 && needsFormatter(list[0]!.declaration)) unserved.set(status, list[0]!.declaration);
  }
  return { operations, unserved };
}

/** Whether any server-produced error of the API needs the formatter. */
export function hasFormattedErrors(errors: ApiErrors): boolean {
  return errors.unserved.size > 0 || errors.operations.some((o) => o.byStatus.size > 0);
}

export function needsFormatter(declaration: ErrorDeclaration): boolean {
  return declaration.media.some((m) => m.kind === 'format');
}

/** The statuses the runtime can answer an operation's requests with by itself. */
export function operationStatuses(doc: Document, op: Record<string, unknown>): number[] {
  const security = (op.security ?? doc.security ?? []) as Record<string, unknown>[];
  const secured = security.some((requirement) => Object.keys(requirement ?? {}).length > 0);
  const body = deref<{ content?: Record<string, unknown> }>(doc, op.requestBody);
  const takesBody = body?.content !== undefined && Object.keys(body.content).length > 0;
  return SERVER_STATUSES.filter((s) => {
    if (s === 404 || s === 405) return false;
    if (s === 401 || s === 403) return secured;
    if (s === 413 || s === 415) return takesBody;
    return true;
  });
}

/** The response entry that covers a status, as OpenAPI orders them: exact, then `4XX`, then `default`. */
export function coveringKey(keys: readonly string[], status: number): string | null {
  const exact = String(status);
  if (keys.includes(exact)) return exact;
  const range = keys.find((k) => k.length === 3 && k[0] === exact[0] && k.slice(1).toUpperCase() === 'XX');
  if (range) return range;
  return keys.includes('default') ? 'default' : null;
}

/** A problem+json body is acceptable as this media type. */
export function fitsProblem(mediaType: string): boolean {
  const base = mediaTypeBase(mediaType);
  return base === PROBLEM_MEDIA_TYPE || base === 'application/*' || base === '*/*';
}

function errorMedia(mediaType: string, schema: unknown, labels: Map<string, string>, inlineLabel: string): ErrorMedia {
  if (fitsProblem(mediaType)) return { mediaType, schema, kind: 'problem', json: true, label: '' };
  if (schema === undefined || mediaType.includes('*')) return { mediaType, schema, kind: 'none', json: false, label: '' };
  const signature = JSON.stringify(schema);
  let label = labels.get(signature);
  if (label === undefined) {
    const ref = (schema as { $ref?: unknown } | null)?.$ref;
    label = typeof ref === 'string' && /^#\/components\/schemas\/[^/]+$/.test(ref) ? decodePointer(ref)[2]! : inlineLabel;
    labels.set(signature, label);
  }
  return { mediaType, schema, kind: 'format', json: isJsonMediaType(mediaType), label };
}
