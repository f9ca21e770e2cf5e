// RFC 9457 problem details: the one shape of every error the server sends, built here and nowhere
// else. Each kind of error has one entry in the catalogue (code → status, title) and one function
// that turns what went wrong into a Problem. Never puts stack traces or internals in a body unless
// the app was created with exposeErrors (NODE_ENV=development).

export type ProblemLocation = 'path' | 'query' | 'querystring' | 'header' | 'cookie' | 'body' | 'response';

/** One failing field. */
export interface ProblemField {
  in: ProblemLocation;
  /** The parameter's name, or the body property's dotted path (`owner.name`), or `body`. */
  name: string;
  /** JSON Pointer into the body (body errors only). */
  pointer?: string;
  message: string;
  /** What failed, e.g. `type`, `required`, `additionalProperties`, `format`. */
  code?: string;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  /** The request path. */
  instance?: string;
  requestId?: string;
  errors?: ProblemField[];
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** The closed catalogue: every problem the server can send has a code here. */
export const PROBLEMS = {
  validation: { status: 400, title: 'The request does not match the contract' },
  malformedBody: { status: 400, title: 'The request body could not be parsed' },
  malformedRequest: { status: 400, title: 'The request is not valid HTTP' },
  unauthorized: { status: 401, title: 'Authentication is required' },
  forbidden: { status: 403, title: 'Not allowed' },
  notFound: { status: 404, title: 'No such resource' },
  methodNotAllowed: { status: 405, title: 'Method not allowed' },
  notAcceptable: { status: 406, title: 'None of the accepted media types can be produced' },
  requestTimeout: { status: 408, title: 'The request did not arrive in time' },
  tooLarge: { status: 413, title: 'The request body is too large' },
  unsupportedMediaType: { status: 415, title: 'Unsupported media type' },
  headersTooLarge: { status: 431, title: 'The request headers are too large' },
  internal: { status: 500, title: 'Internal server error' },
  responseInvalid: { status: 500, title: 'The server produced a response the contract does not allow' },
  contractProblem: { status: 500, title: 'The contract has a problem this operation cannot be served with' },
  notImplemented: { status: 501, title: 'Not implemented' },
} as const satisfies Record<string, { status: number; title: string }>;

export type ProblemCode = keyof typeof PROBLEMS;

export function problemType(code: ProblemCode): string {
  return `urn:specfirst:problem:${code.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase())}`;
}

export function problem(
  code: ProblemCode,
  fields: { detail?: string; instance?: string; requestId?: string; errors?: ProblemField[] } = {},
): Problem {
  const { status, title } = PROBLEMS[code];
  const out: Problem = { type: problemType(code), title, status };
  if (fields.detail !== undefined) out.detail = fields.detail;
  if (fields.instance !== undefined) out.instance = fields.instance;
  if (fields.requestId !== undefined) out.requestId = fields.requestId;
  if (fields.errors !== undefined && fields.errors.length > 0) out.errors = fields.errors;
  return out;
}
