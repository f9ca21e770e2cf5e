// The app's two readers of body bytes, made once per app: raw bytes (with the size limit and
// Content-Encoding) and multipart parts (multer). Only the request path and create-app.ts load
// this file: it is where express's body parser and multer come in, and the plan never needs them.
import { createRequire } from 'node:module';
import express, { type Request, type RequestHandler } from 'express';
import type Multer from 'multer';
import type { BodyReaders } from '../plan/plan.js';

/** One reader of raw bytes (with the size limit and Content-Encoding) and one multipart reader, per app. */
export function createBodyReaders(limit: number, streamLimit = DEFAULT_STREAM_LIMIT): BodyReaders {
  return {
    limits: { item: limit, total: streamLimit },
    raw: express.raw({ type: () => true, limit, inflate: true }),
    multipart: onFirstUse(() => {
      const multer = require('multer') as typeof Multer;
      return multer({
        storage: multer.memoryStorage(),
        limits: { fileSize: limit, fieldSize: limit, files: 32, fields: 1000, parts: 1032 },
        streamHandler: recordFields,
      } as Multer.Options).any();
    }),
  };
}

const require = createRequire(import.meta.url);

/** A handler made on the first request that needs it: multer is loaded only by an API that gets a multipart body. */
function onFirstUse(make: () => RequestHandler): RequestHandler {
  let handler: RequestHandler | undefined;
  return (req, res, next) => (handler ??= make())(req, res, next);
}

/** Largest streamed request body (JSON Lines, json-seq with itemSchema), in bytes: 100 MB. */
export const DEFAULT_STREAM_LIMIT = 100 * 1024 * 1024;

const FIELDS = Symbol('specfirst.multipartFields');
type WithFields = Request & { [FIELDS]?: [string, string][] };

/** The text parts of a multipart body, as recordFields took them in, in the order they arrived. */
export const multipartFields = (req: Request): [string, string][] => (req as WithFields)[FIELDS] ?? [];

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
