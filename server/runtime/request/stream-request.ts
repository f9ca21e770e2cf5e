// A streamed request body (JSON Lines or json-seq with `itemSchema`, OpenAPI 3.2): the handler gets
// an async iterable of items, each parsed (json-text.ts: depth and integer precision as for any
// JSON body) and checked against the item schema as it arrives; the body is never held whole. An
// item that breaks the contract, or one over the size limit, is answered at once (400 naming the
// item's index and pointer, 413) unless the handler has answered already, and the handler's loop
// sees the same error, which it may catch. Only one loop may read the stream.
import type { Request, Response } from 'express';
import type { ValidateFunction } from 'ajv';
import { escapeSegment } from '../contract/pointer.js';
import { ItemSplitter, type ReadItem } from '../contract/sequences.js';
import { BodyError, ValidationError } from '../errors.js';
import type { StreamKind } from '../plan/items.js';
import type { ProblemField } from '../problems.js';
import { bodyFields } from './ajv-fields.js';
import { parseJson } from './json-text.js';

export interface StreamLimits {
  /** Largest item, in bytes of its text. */
  item: number;
  /** Largest stream, in bytes. */
  total: number;
}

export interface ItemSource {
  kind: Exclude<StreamKind, 'event-stream'>;
  validate: ValidateFunction | null;
  limits: StreamLimits;
  /** Answers the request with the error (the app's error handler), while nothing has been sent. */
  answer: (error: Error) => void;
}

export function readItems(req: Request, res: Response, source: ItemSource): AsyncIterable<unknown> {
  let taken = false;
  return {
    [Symbol.asyncIterator]() {
      if (taken) throw new Error('a streamed request body can be read once');
      taken = true;
      return items(req, res, source);
    },
  };
}

async function* items(req: Request, res: Response, { kind, validate, limits, answer }: ItemSource): AsyncGenerator<unknown, void, undefined> {
  const splitter = new ItemSplitter(kind);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let index = 0;
  let total = 0;
  const fail = (error: Error): Error => {
    if (!res.headersSent) {
      // The rest of the body is not read: the connection cannot be reused.
      res.setHeader('Connection', 'close');
      answer(error);
    }
    req.unpipe();
    return error;
  };
  const take = function* (read: ReadItem[]): Generator<unknown> {
    for (const r of read) {
      if (!('text' in r)) continue;
      const item = parse(r.text, index);
      if (validate && !validate(item)) throw fail(new ValidationError(itemFields(validate, index), `Item ${index} of the stream does not match the contract.`));
      index++;
      yield item;
    }
  };
  try {
    for await (const chunk of req as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (total > limits.total) throw fail(new BodyError(413, `The streamed body is over ${limits.total} bytes.`));
      let text: string;
      try {
        text = decoder.decode(chunk, { stream: true });
      } catch {
        throw fail(new BodyError(400, `Item ${index} of the stream is not UTF-8.`, 'encoding'));
      }
      const ready = splitter.push(text);
      yield* take(ready);
      if (splitter.pending > limits.item) throw fail(new BodyError(413, `Item ${index} of the stream is over ${limits.item} bytes.`));
    }
    yield* take(splitter.end());
  } catch (error) {
    if (error instanceof ValidationError || error instanceof BodyError) throw error;
    // The client went away or the body could not be read: the handler's loop ends with it.
    throw new BodyError(400, `The streamed body broke off after item ${index - 1}: ${(error as Error).message}`, 'aborted');
  }

  function parse(text: string, at: number): unknown {
    if (Buffer.byteLength(text) > limits.item) throw fail(new BodyError(413, `Item ${at} of the stream is over ${limits.item} bytes.`));
    try {
      return parseJson(text);
    } catch (error) {
      if (!(error instanceof BodyError)) throw error;
      throw fail(new BodyError(400, `Item ${at} of the stream: ${error.detail}`, error.code));
    }
  }
}

/** The item's failing fields, with pointers into the stream read as an array (`/4/name`). */
function itemFields(validate: ValidateFunction, index: number): ProblemField[] {
  return bodyFields(validate.errors).map((f) => ({ ...f, name: f.pointer ? `${index}.${f.name}` : String(index), pointer: `/${escapeSegment(index)}${f.pointer ?? ''}` }));
}
