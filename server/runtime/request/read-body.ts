// A request's body read as its operation's plan says (plan/body.ts). JSON is parsed as sent —
// never coerced, any JSON value allowed (RFC 8259), integers that would lose precision refused,
// nesting deeper than MAX_JSON_DEPTH refused before parsing (json-text.ts); forms are read like
// query strings (repeated names are lists) and coerced by their schema; multipart parts are named
// as sent (no `a[b]` nesting) and files arrive as web-standard File objects; binary bodies as a
// Blob. Every name the client chooses is plain data (plain-data.ts). An empty body is an absent
// body: an error where the contract requires one, `undefined` where it does not.
import type { Request, RequestHandler, Response } from 'express';
import { mediaTypeBase } from '../contract/media-types.js';
import { BodyError } from '../errors.js';
import { kindOf, type BodyKind, type BodyMedia, type BodyPlan } from '../plan/body.js';
import type { BodyReaders } from '../plan/plan.js';
import { multipartFields } from './body-readers.js';
import { bodyText } from './body-text.js';
import { coerceFormFields } from './form-coercion.js';
import { parseJson } from './json-text.js';
import { setOwn } from './plain-data.js';
import { BadPercentEncoding, parsePairs } from './query-string.js';

/** The declared media type a request's Content-Type falls under: exact, then `type/*`, then `*\/*`. */
export function matchMedia(plan: BodyPlan, contentType: string): BodyMedia | null {
  const base = mediaTypeBase(contentType);
  const exact = plan.media.find((m) => m.base === base);
  if (exact) return exact;
  const range = plan.media.find((m) => m.base.endsWith('/*') && m.base !== '*/*' && base.startsWith(m.base.slice(0, -1)));
  return range ?? plan.media.find((m) => m.base === '*/*') ?? null;
}

export interface ReadBody {
  present: boolean;
  /** What the handler gets. */
  value: unknown;
  /** What the validator checks (files replaced by placeholders). */
  checked: unknown;
}

const ABSENT: ReadBody = { present: false, value: undefined, checked: undefined };

export async function readBody(req: Request, res: Response, media: BodyMedia, readers: BodyReaders): Promise<ReadBody> {
  const kind = kindOf(mediaTypeBase(req.headers['content-type'] ?? ''));
  const host = parsedByHost(req);
  if (host) return host.value === undefined ? ABSENT : fromHost(host.value, kind, media);
  if (kind === 'multipart') return readMultipart(req, res, media, readers);
  await run(readers.raw, req, res);
  const bytes = req.body as Buffer | undefined;
  if (!Buffer.isBuffer(bytes) || bytes.length === 0) return ABSENT;
  const contentType = req.headers['content-type'] ?? '';
  switch (kind) {
    case 'json': {
      const value = parseJson(bodyText(bytes, contentType, 'utf-8'));
      return { present: true, value, checked: value };
    }
    case 'form': {
      const fields = formFields(bodyText(bytes, contentType, 'utf-8'));
      if (media.form) coerceFormFields(fields, media.form);
      return { present: true, value: fields, checked: fields };
    }
    case 'text': {
      const value = bodyText(bytes, contentType, 'utf-8');
      return { present: true, value, checked: value };
    }
    default: {
      const blob = new Blob([bytes], { type: mediaTypeBase(contentType) });
      // A binary body is checked as what it is on the wire: a string of bytes.
      return { present: true, value: blob, checked: '' };
    }
  }
}

/**
 * Mounted in a host app whose own body parser ran first, the stream is already read: what that
 * parser made of it is used as it is (a JSON body then cannot be checked for integers beyond
 * 2^53 — mount specfirst before the host's parsers to keep that check).
 */
function parsedByHost(req: Request): { value: unknown } | null {
  return req.readableEnded ? { value: req.body } : null;
}

function fromHost(value: unknown, kind: BodyKind, media: BodyMedia): ReadBody {
  if (Buffer.isBuffer(value) || typeof value === 'string') {
    const text = Buffer.isBuffer(value) ? value.toString('utf8') : value;
    if (text.length === 0) return ABSENT;
    if (kind === 'json') {
      const parsed = parseJson(text);
      return { present: true, value: parsed, checked: parsed };
    }
    if (kind === 'form') {
      const fields = formFields(text);
      if (media.form) coerceFormFields(fields, media.form);
      return { present: true, value: fields, checked: fields };
    }
    if (kind === 'text') return { present: true, value: text, checked: text };
    return { present: true, value: new Blob([value]), checked: '' };
  }
  if (kind === 'form' && typeof value === 'object' && value !== null && media.form) coerceFormFields(value as Record<string, unknown>, media.form);
  return { present: true, value, checked: value };
}

function run(handler: RequestHandler, req: Request, res: Response): Promise<void> {
  return new Promise((resolve, reject) => void handler(req, res, (error?: unknown) => (error ? reject(error) : resolve())));
}

function formFields(source: string): Record<string, unknown> {
  let pairs: Record<string, string[]>;
  try {
    pairs = parsePairs(source, 'body');
  } catch (error) {
    if (error instanceof BadPercentEncoding) throw new BodyError(400, `The form body has ${error.message}.`, 'encoding');
    throw error;
  }
  const fields: Record<string, unknown> = {};
  for (const name of Object.keys(pairs)) {
    const values = pairs[name]!;
    setOwn(fields, name, values.length === 1 ? values[0] : values);
  }
  return fields;
}

async function readMultipart(req: Request, res: Response, media: BodyMedia, readers: BodyReaders): Promise<ReadBody> {
  try {
    await run(readers.multipart, req, res);
  } catch (error) {
    throw multipartError(error);
  }
  const fields: Record<string, unknown> = {};
  for (const [name, text] of multipartFields(req)) add(fields, name, text);
  if (media.form) coerceFormFields(fields, media.form);
  const value: Record<string, unknown> = {};
  const checked: Record<string, unknown> = {};
  for (const name of Object.keys(fields)) {
    setOwn(value, name, fields[name]);
    setOwn(checked, name, fields[name]);
  }
  const files = ((req as Request & { files?: Express.Multer.File[] }).files ?? []) as Express.Multer.File[];
  for (const f of files) {
    // A NUL cuts a name short in C APIs: `photo.png\0.exe` must never reach a file system as either.
    if (f.originalname.includes('\0')) throw new BodyError(400, `The file name of part ${f.fieldname} contains a NUL byte.`, 'filename');
    const file = new File([f.buffer], f.originalname, { type: f.mimetype });
    add(value, f.fieldname, file);
    add(checked, f.fieldname, '');
  }
  const present = files.length > 0 || Object.keys(fields).length > 0;
  return present ? { present, value, checked } : ABSENT;
}

/** A repeated name becomes a list, in the order its parts arrived. */
function add(into: Record<string, unknown>, name: string, item: unknown): void {
  const existing = Object.hasOwn(into, name) ? into[name] : undefined;
  setOwn(into, name, existing === undefined ? item : Array.isArray(existing) ? [...existing, item] : [existing, item]);
}

function multipartError(error: unknown): BodyError {
  const e = error as { code?: string; message?: string; field?: string };
  if (e.code === 'LIMIT_FILE_SIZE' || e.code === 'LIMIT_FIELD_VALUE') return new BodyError(413, `A multipart part is over the size limit${e.field ? ` (${e.field})` : ''}.`);
  if (typeof e.code === 'string' && e.code.startsWith('LIMIT_')) return new BodyError(413, `The multipart body has too many parts (${e.message}).`);
  return new BodyError(400, `The multipart body could not be read: ${e.message ?? 'malformed'}.`, 'parse');
}
