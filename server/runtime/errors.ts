// Errors the runtime raises itself, so the error handler (problems.ts) can tell them apart from
// a handler that threw.
import type { RouteBinding } from './api.js';

/** A stub returned notImplemented(): the client gets 501 problem+json. */
export class NotImplementedSignal extends Error {
  constructor(readonly operation: string) {
    super(`${operation} is not implemented yet`);
  }
}

/** The handler's response breaks the contract: the client gets 500, the log gets the reason. */
export class ResponseContractError extends Error {
  readonly operation: string;
  constructor(route: RouteBinding, reason: string) {
    super(`${route.method.toUpperCase()} ${route.path} (${route.operation}): ${reason}`);
    this.operation = route.operation;
  }
}

/** The client accepts none of the media types the operation can answer with: 406. */
export class NotAcceptableError extends Error {
  constructor(readonly available: readonly string[]) {
    super(`This operation answers with ${available.join(', ')}.`);
  }
}

/** The security check refused the request: 401 (with its WWW-Authenticate challenge) or 403. */
export class SecurityError extends Error {
  constructor(
    readonly status: 401 | 403,
    readonly detail: string,
    readonly challenge?: string,
  ) {
    super(detail);
  }
}
