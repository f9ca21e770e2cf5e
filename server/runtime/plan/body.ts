// Request bodies: only an operation that declares a body reads one, and only in a media type it
// declares (anything else is 415 before a byte is read). JSON is parsed as sent — never coerced,
// any JSON value allowed (RFC 8259), integers that would lose precision refused, nesting deeper
// than MAX_JSON_DEPTH refused before parsing (json-text.ts); forms are read like query strings (repeated names
// are lists) and coerced by their schema; multipart parts are named as sent (no `a[b]` nesting)
// and files arrive as web-standard File objects; binary bodies as a Blob. Every name the client
// chooses is plain data (plain-data.ts). An empty body is an absent body: an error where the
// contract requires one, `undefined` where it does not.
import express, { type Request, type RequestHandler, type Response } from 'express';
import multer from 'multer';
import type { Document } from '../contract/document.js';
import { deref, escapeSegment } from '../contract/pointer.js';
import { isJsonMediaType, mediaTypeBase } from '../contract/media-types.js';
import { BodyError } from '../errors.js';
import { coerceFormFields, formPlanFor, type FormPlan } from './form-coercion.js';
import { parseJson } from './json-text.js';
import { setOwn } from './plain-data.js';
import { BadPercentEncoding, parsePairs } from './query-string.js';

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
}

export interface BodyPlan {
  required: boolean;
  media: BodyMedia[];
}

export function planBody(doc: Document, operation: Record<string, unknown>, operationAt: string): BodyPlan | null {
  const body = deref<{ required?: boolean; content?: Record<string, { schema?: unknown }> }>(doc, operation.requestBody);
  if (!body?.content || Object.keys(body.content).length === 0) return null;
  const media = Object.entries(body.content).map(([declared, m]) => {
    const base = mediaTypeBase(declared);
    const kind = kindOf(base);
    const at = `${operationAt}/requestBody/content/${escapeSegment(declared)}/schema`;
    return { declared, base, schema: m?.schema ?? {}, form: kind === 'form' || kind === 'multipart' ? formPlanFor(doc, m?.schema, kind === 'multipart') : null, at };
  });
  return { required: body.required === true, media };
}


function kindOf(base: string): BodyKind {
  if (isJsonMediaType(base)) return 'json';
  if (base === 'application/x-www-form-urlencoded') return 'form';
  if (base === 'multipart/form-data' || base.startsWith('multipart/')) return 'multipart';
  if (base.startsWith('text/')) return 'text';
  return 'binary';
}

/** The declared media type a request's Content-Type falls under: exact, then `type/*`, then `*\/*`. */
export function matchMedia(plan: BodyPlan, contentType: string): BodyMedia | null {
  const base = mediaTypeBase(contentType);
  const exact = plan.media.find((m) => m.base === base);
  if (exact) return exact;
  const range = plan.media.find((m) => m.base.endsWith('/*') && m.base !== '*/*' && base.startsWith(m.base.slice(0, -1)));
  return range ?? plan.media.find((m) => m.base === '*/*') ?? null;
}

export interface BodyReaders {
  raw: RequestHandler;
  multipart: RequestHandler;
}

/** One reader of raw bytes (with the size limit and Content-Encoding) and one multipart reader, per app. */
export function createBodyReaders(limit: number): BodyReaders {
  return {
    raw: express.raw({ type: () => true, limit, inflate: true }),
    multipart: multer({
      storage: multer.memoryStorage(),
      limits: { fileSize: limit, fieldSize: limit, files: 32, fields: 1000, parts: 1032 },
      streamHandler: recordFields,
    } as multer.Options).any(),
  };
}

const FIELDS = Symbol('specfirst.multipartFields');
type WithFields = Request & { [FIELDS]?: [string, string][] };

/**
 * multer nests text parts by their names (`a[b]` → `{ a: { b } }`, `a[99999999]` → a sparse
 * array that long); OpenAPI names a part by its property, as written. The parts are recorded here
 * as they arrive, with multer's own decoding of the names, and multer's nested copy is not used.
 */
function recordFields(req: WithFields, busboy: NodeJS.WritableStream & { on(event: 'field', listener: (name: unknown, value: unknown) => void): unknown }): void {
  const fields: [string, string][] = [];
  req[FIELDS] = fields;
  busboy.on('field', (name, value) => {
    if (typeof name === 'string' && typeof value === 'string') fields.push([decodeFormDataName(name), value]);
  });
  req.pipe(busboy);
}

/** The three escapes HTML's multipart encoding makes in names (as multer reverses them). */
const decodeFormDataName = (name: string): string => name.replace(/%0A|%0D|%22/gi, (m) => (m.toUpperCase() === '%0A' ? '\n' : m.toUpperCase() === '%0D' ? '\r' : '"'));

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
      const value = parseJson(text(bytes, contentType, 'utf-8'));
      return { present: true, value, checked: value };
    }
    case 'form': {
      const fields = formFields(text(bytes, contentType, 'utf-8'));
      if (media.form) coerceFormFields(fields, media.form);
      return { present: true, value: fields, checked: fields };
    }
    case 'text': {
      const value = text(bytes, contentType, 'utf-8');
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

const CHARSET = /;\s*charset\s*=\s*"?([^";\s]+)"?/i;

/** One strict decoder per charset, made on first use (decoding is stateless between calls). */
const decoders = new Map<string, InstanceType<typeof TextDecoder> | null>();

function decoderFor(charset: string): InstanceType<typeof TextDecoder> | null {
  let decoder = decoders.get(charset);
  if (decoder === undefined) {
    try {
      decoder = new TextDecoder(charset, { fatal: true });
    } catch {
      decoder = null;
    }
    if (decoders.size < 64) decoders.set(charset, decoder);
  }
  return decoder;
}

function text(bytes: Buffer, contentType: string, fallback: string): string {
  const charset = (contentType.includes('charset') ? CHARSET.exec(contentType)?.[1] ?? fallback : fallback).toLowerCase();
  const decoder = decoderFor(charset);
  if (!decoder) throw new BodyError(415, `charset ${charset} is not supported; send UTF-8`);
  try {
    return decoder.decode(bytes);
  } catch {
    throw new BodyError(400, `the body is not valid ${charset}`, 'encoding');
  }
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
  for (const [name, text] of (req as WithFields)[FIELDS] ?? []) add(fields, name, text);
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
