// Errors the runtime raises itself, so the error handler (problems.ts) can tell them apart from
// a handler that threw.
import type { RouteBinding } from './api.js';
import type { ProblemField } from './problems.js';

/** A stub returned notImplemented(): the client gets 501 problem+json. */
export class NotImplementedSignal extends Error {
  constructor(readonly operation: string) {
    super(`${operation} is not implemented yet`);
  }
}

/** The handler's response breaks the contract: the client gets 500, the log gets the reason. */
export class ResponseContractError extends Error {
  readonly operation: string;
  constructor(
    route: RouteBinding,
    reason: string,
    /** The failing fields of a response body, for problem bodies in development. */
    readonly fields?: readonly ProblemField[],
  ) {
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

/** The request body cannot be read: malformed (400), too large (413) or in an unreadable encoding (415). */
export class BodyError extends Error {
  constructor(
    readonly status: 400 | 413 | 415,
    readonly detail: string,
    /** For 400: what failed (`parse`, `encoding`, `required`, `integer-precision`, `depth`, `filename`). */
    readonly code?: string,
  ) {
    super(detail);
  }
}

/** Fields of the request that break the contract, every one of them: 400. */
export class ValidationError extends Error {
  constructor(
    readonly fields: readonly ProblemField[],
    /** What the problem's `detail` says instead of counting the fields (an item of a stream names its index). */
    readonly detail?: string,
  ) {
    super(detail ?? `${fields.length} field(s) do not match the contract`);
  }
}

/** No operation, page or route serves the path: 404. */
export class NotFoundError extends Error {
  constructor() {
    super('nothing is served here');
  }
}

/** The path exists, the method does not: 405 with the methods that do. */
export class MethodNotAllowedError extends Error {
  constructor(readonly allow: readonly string[]) {
    super(`use ${allow.join(', ')}`);
  }
}

/** A request's Content-Type is not one the operation declares: 415 (the body is never read). */
export class UnsupportedMediaTypeError extends Error {
  constructor(
    readonly given: string | undefined,
    readonly declared: readonly string[],
  ) {
    super(given ? `unsupported media type ${given}` : 'the request has a body but no Content-Type');
  }
}

/** The operation's own part of the contract cannot be compiled: 500, naming the contract problem. */
export class ContractProblemError extends Error {
  constructor(
    readonly operation: string,
    readonly problems: readonly { where: string; message: string }[],
  ) {
    super(`${operation} cannot be served: ${problems.map((p) => `${p.where}: ${p.message}`).join('; ')}`);
  }
}
