// An operation's shape as the validators need it, read from the normalised contract: its
// parameters, its request body's media types and schemas, its responses' media types, schemas and
// headers. Reading it compiles nothing.
import type { Document } from '../contract/document.js';
import { operationIn, operationPointer } from '../contract/methods.js';
import { deref, escapeSegment } from '../contract/pointer.js';
import { planBody } from './body.js';
import type { OperationShape, ResponseShape } from './compile-operation.js';
import { itemShapeOf } from './items.js';
import { planParameters } from './parameters.js';

export interface ShapeSources {
  /** The contract as requests see it, and as responses see it (see direction.ts). */
  requestDoc: Document;
  responseDoc: Document;
  /** Query names allowed beside the parameters (API keys that travel in the query). */
  extraQueryNames: ReadonlySet<string>;
}

export function shapeOf({ requestDoc, responseDoc, extraQueryNames }: ShapeSources, path: string, method: string): OperationShape {
  const operation = operationOf(requestDoc, path, method);
  const at = operationPointer(path, method);
  return {
    parameters: planParameters(requestDoc, path, method, extraQueryNames),
    body: planBody(requestDoc, operation, at),
    responses: responsesOf(responseDoc, operationOf(responseDoc, path, method), at),
  };
}

function operationOf(doc: Document, path: string, method: string): Record<string, unknown> {
  return deref(doc, operationIn(deref(doc, doc.paths?.[path]), method)) ?? {};
}

function responsesOf(doc: Document, operation: Record<string, unknown>, operationAt: string): ResponseShape[] {
  const responses = (operation.responses ?? {}) as Record<string, unknown>;
  return Object.entries(responses).map(([key, raw]) => {
    const response = deref<{ content?: Record<string, { schema?: unknown; itemSchema?: unknown }>; headers?: Record<string, unknown> }>(doc, raw) ?? {};
    const at = `${operationAt}/responses/${escapeSegment(key)}`;
    return {
      key,
      media: Object.entries(response.content ?? {}).map(([declared, m]) => {
        const mediaAt = `${at}/content/${escapeSegment(declared)}`;
        return { declared, schema: m?.schema, at: `${mediaAt}/schema`, item: itemShapeOf(declared, m, mediaAt) };
      }),
      headers: Object.entries(response.headers ?? {}).map(([name, rawHeader]) => {
        const header = deref<{ required?: boolean; schema?: unknown; content?: Record<string, { schema?: unknown }> }>(doc, rawHeader) ?? {};
        const schema = header.schema ?? Object.values(header.content ?? {})[0]?.schema;
        return { name, required: header.required === true, schema, at: `${at}/headers/${escapeSegment(name)}/schema` };
      }),
    };
  });
}

/** API key names that may travel in the query string (credentials, not parameters). */
export function queryCredentialNames(doc: Document): Set<string> {
  const schemes = Object.values((doc.components?.securitySchemes ?? {}) as Record<string, unknown>).map((s) => deref<{ type?: string; in?: string; name?: string }>(doc, s));
  return new Set(schemes.filter((s) => s?.type === 'apiKey' && s.in === 'query' && s.name).map((s) => s!.name!));
}
