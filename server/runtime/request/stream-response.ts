// A streamed response (a media type with `itemSchema`, OpenAPI 3.2): the handler's items are
// checked one by one against the item schema and framed as they come (contract/sequences.ts).
// An item that breaks the contract is never sent: the stream ends there, cleanly, with one log
// line naming the operation, the item's index and where in it the fault is (and, for SSE, an
// `event: error` first when the contract admits one). Writing waits for the client to take what
// was written (back-pressure), and a client that goes away stops the handler's iterator
// (`return()`, so its `finally` runs; the handler's `signal` aborts too).
import type { Request, Response } from 'express';
import type { Logger } from 'pino';
import type { RouteBinding } from '../api.js';
import { FrameError, frameItem } from '../contract/sequences.js';
import type { ItemRule } from '../plan/items.js';
import { logDone } from '../request-log.js';
import { bodyFields } from './ajv-fields.js';

/** A body a handler may stream: any (async) iterable that is not text or bytes. */
export function isItemSource(body: unknown): body is AsyncIterable<unknown> | Iterable<unknown> {
  if (typeof body !== 'object' || body === null || Buffer.isBuffer(body) || body instanceof Blob) return false;
  return Symbol.asyncIterator in body || Symbol.iterator in body;
}

const GONE = Symbol('gone');

export interface StreamTarget {
  route: RouteBinding;
  rule: ItemRule;
  /** The media type as sent (the declared one, or the handler's `contentType`). */
  mediaType: string;
  validateItems: boolean;
  logger: Logger | undefined;
}

export async function sendStream(req: Request, res: Response, target: StreamTarget, source: AsyncIterable<unknown> | Iterable<unknown>): Promise<void> {
  const { rule, mediaType } = target;
  res.setHeader('Content-Type', rule.kind === 'event-stream' ? 'text/event-stream; charset=utf-8' : mediaType);
  // Proxies must pass each item on as it comes: no caching, no buffering (nginx), no compression.
  res.setHeader('Cache-Control', 'no-cache');
  res.setHeader('X-Accel-Buffering', 'no');
  res.removeHeader('Content-Length');
  const iterator = Symbol.asyncIterator in source ? source[Symbol.asyncIterator]() : (source as Iterable<unknown>)[Symbol.iterator]();
  if (req.method === 'HEAD') {
    await iterator.return?.();
    res.end();
    logDone(res);
    return;
  }
  res.flushHeaders();
  // The client going away ends the wait for 'drain' (which then never comes). Not a race with one
  // promise that never settles: each race would leave a reaction on it, per item.
  let gone = false;
  let waiting: ((value: typeof GONE) => void) | null = null;
  const wait = <T>(start: (resolve: (value: T) => void, reject: (error: unknown) => void) => void): Promise<T | typeof GONE> =>
    new Promise<T | typeof GONE>((resolve, reject) => {
      waiting = resolve;
      start(resolve, reject);
    });
  const onClose = () => {
    gone = true;
    waiting?.(GONE);
  };
  res.on('close', onClose);
  let finished = false;
  try {
    for (let index = 0; ; index++) {
      // Awaited as it is (no race per item: the cost is per item): a client that leaves aborts the
      // handler's signal, and the loop stops at the next item.
      const step = await iterator.next();
      if (gone) break;
      if (step.done) {
        finished = true;
        break;
      }
      const frame = checkedFrame(target, step.value, index);
      if (frame === null) {
        const error = errorEvent(target);
        if (error !== null) res.write(error);
        break;
      }
      if (!res.write(frame) && (await wait<void>((resolve) => res.once('drain', resolve))) === GONE) break;
    }
  } catch (error) {
    // The handler's iterator threw: the status is sent, so the stream can only end.
    target.logger?.error({ operation: target.route.operation, err: error }, `${label(target.route)}: the handler's stream threw; the stream was ended`);
  } finally {
    res.off('close', onClose);
    // A client that left does not wait for the iterator to stop: a generator suspended in an
    // `await` stops when that await settles (the handler's `signal` has aborted by then).
    if (!finished) {
      const stopping = stop(iterator, target);
      if (!gone) await stopping;
    }
    if (!res.writableEnded) res.end();
  }
  logDone(res);
}

/** Stops the handler's iterator so its `finally` runs; an error there is logged, never thrown. */
async function stop(iterator: Iterator<unknown> | AsyncIterator<unknown>, target: StreamTarget): Promise<void> {
  try {
    await iterator.return?.();
  } catch (error) {
    target.logger?.error({ operation: target.route.operation, err: error }, `${label(target.route)}: the handler's stream threw while stopping`);
  }
}

/** The item framed, or null (logged) when it breaks the contract or cannot be framed. */
function checkedFrame({ route, rule, validateItems, logger }: StreamTarget, item: unknown, index: number): string | null {
  if (validateItems && rule.validate && !rule.validate(item)) {
    const fields = bodyFields(rule.validate.errors, 'response');
    const first = fields[0];
    const where = first ? `${first.pointer || '/'} ${first.message}` : 'is invalid';
    logger?.error(
      { operation: route.operation, item: index, pointer: first?.pointer ?? '', violation: fields.map((f) => `${f.pointer || '/'} ${f.message}`) },
      `${label(route)}: stream item ${index} breaks the contract (${where}); it was not sent and the stream was ended`,
    );
    return null;
  }
  try {
    return frameItem(rule.kind, item);
  } catch (error) {
    if (!(error instanceof FrameError)) throw error;
    logger?.error({ operation: route.operation, item: index, pointer: '' }, `${label(route)}: stream item ${index} cannot be sent: ${error.message}; the stream was ended`);
    return null;
  }
}

/** For SSE, an `event: error` to end on, when the contract's item schema admits one. */
function errorEvent({ rule }: StreamTarget): string | null {
  if (rule.kind !== 'event-stream') return null;
  const event = { event: 'error', data: 'the stream ended early: an item broke the contract' };
  return rule.validate && rule.validate(event) ? frameItem('event-stream', event) : null;
}

function label(route: RouteBinding): string {
  return `${route.method.toUpperCase()} ${route.path} (${route.operation})`;
}
