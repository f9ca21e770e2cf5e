// What a handler (and a security verifier) gets beside the request: the request id, the admitted
// principal, a logger bound to the request and an AbortSignal that fires when the client goes
// away. The logger and the signal cost something to make, so they are made only when read.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { requestIdOf, requestLogger } from '../request-log.js';

export class HandlerContext {
  readonly requestId: string;
  #log: Logger | undefined;
  #abort: AbortController | undefined;

  constructor(
    private readonly logger: Logger,
    private readonly req: IncomingMessage,
    private readonly res: ServerResponse,
    readonly principal: unknown = undefined,
  ) {
    this.requestId = requestIdOf(req);
  }

  get log(): Logger {
    return (this.#log ??= requestLogger(this.logger, this.req));
  }

  /** Aborts when the connection closes before the response is finished. */
  get signal(): AbortSignal {
    if (!this.#abort) {
      const abort = (this.#abort = new AbortController());
      const res = this.res;
      if (res.writableEnded || res.destroyed) abort.abort();
      else res.once('close', () => res.writableEnded || abort.abort());
    }
    return this.#abort.signal;
  }

  /** Plain data for code that spreads or serialises the context. */
  toJSON(): { requestId: string; principal: unknown } {
    return { requestId: this.requestId, principal: this.principal };
  }
}
