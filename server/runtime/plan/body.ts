// An operation's request body, planned once at start-up: whether it is required, the media types
// it may come in (anything else is 415 before a byte is read), each one's schema, and for forms
// and multipart which fields to coerce. Never reads a request: request/read-body.ts does, as the
// plan says.
import type { Document } from '../contract/document.js';
import { deref, escapeSegment } from '../contract/pointer.js';
import { isJsonMediaType, mediaTypeBase } from '../contract/media-types.js';
import { formPlanFor, type FormPlan } from './form-plan.js';
import { itemShapeOf, type ItemShape } from './items.js';

export type BodyKind = 'json' | 'form' | 'multipart' | 'text' | 'binary';

export interface BodyMedia {
  /** As the contract writes it (`application/json`, `image/*`). */
  declared: string;
  /** Lower case, without parameters. */
  base: string;
  schema: unknown;
  /** Form and multipart fields: which to coerce to numbers, booleans, lists. */
  form: FormPlan | null;
  /** Where the schema is, as a pointer from the document root with `$ref`s followed. */
  at: string;
  /** A stream of items (JSON Lines, json-seq with `itemSchema`), read and checked one by one. */
  item: ItemShape | null;
}

export interface BodyPlan {
  required: boolean;
  media: BodyMedia[];
}

export function planBody(doc: Document, operation: Record<string, unknown>, operationAt: string): BodyPlan | null {
  const body = deref<{ required?: boolean; content?: Record<string, { schema?: unknown; itemSchema?: unknown; encoding?: Record<string, { contentType?: unknown }> }> }>(doc, operation.requestBody);
  if (!body?.content || Object.keys(body.content).length === 0) return null;
  const media = Object.entries(body.content).map(([declared, m]) => {
    const base = mediaTypeBase(declared);
    const kind = kindOf(base);
    const mediaAt = `${operationAt}/requestBody/content/${escapeSegment(declared)}`;
    const form = kind === 'form' || kind === 'multipart' ? formPlanFor(doc, m?.schema, kind === 'multipart', m?.encoding) : null;
    return { declared, base, schema: m?.schema ?? {}, form, at: `${mediaAt}/schema`, item: itemShapeOf(declared, m, mediaAt) };
  });
  return { required: body.required === true, media };
}


export function kindOf(base: string): BodyKind {
  if (isJsonMediaType(base)) return 'json';
  if (base === 'application/x-www-form-urlencoded') return 'form';
  if (base === 'multipart/form-data' || base.startsWith('multipart/')) return 'multipart';
  if (base.startsWith('text/')) return 'text';
  return 'binary';
}
