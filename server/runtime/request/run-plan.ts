// One request through its operation's plan: security → negotiation → parameters and body read
// and validated (every failing field reported at once) → the handler → the response checked and
// sent. Nothing here looks anything up that the plan already knows.
import express, { type Request, type Response } from 'express';
import { NotAcceptableError, NotImplementedSignal, UnsupportedMediaTypeError, ValidationError } from '../errors.js';
import type { ProblemField } from '../problems.js';
import { logDone, logPrincipal, watchFinish } from '../request-log.js';
import { bodyFields, parameterFields } from './ajv-fields.js';
import { compiledOf, type OperationPlan } from '../plan/plan.js';
import { checkSecurity } from './check-security.js';
import { CredentialSource } from './credentials.js';
import { HandlerContext } from './handler-context.js';
import { matchMedia, readBody } from './read-body.js';
import { readParameters } from './read-parameters.js';
import { respond } from './respond.js';
import { readItems } from './stream-request.js';

const NOT_IMPLEMENTED = Symbol.for('specfirst.notImplemented');
/**
 * Express's `req.accepts`, called on the request as it is: an API request answered before the
 * router (api-first.ts) is node's own IncomingMessage, without Express's prototype.
 */
const accepts = express.request.accepts as (this: Request, types: string[]) => string | false;

/** `answer` sends an error response while the handler runs (an invalid item of a streamed request body). */
export async function runPlan(plan: OperationPlan, req: Request, res: Response, pathParams: Record<string, string>, rawQuery: string, answer: (error: Error) => void): Promise<void> {
  const { ctx, route } = plan;
  let principal: unknown;
  if (plan.security) {
    const admitted = await checkSecurity(plan.security, new CredentialSource(req, rawQuery), new HandlerContext(ctx.logger, req, res));
    principal = admitted.principal;
    logPrincipal(res, admitted.id);
  }
  if (plan.negotiable && req.headers.accept && !accepts.call(req, plan.produces)) throw new NotAcceptableError(plan.produces);
  const compiled = compiledOf(plan);

  const { data, errors } = readParameters(plan.shape.parameters, { path: pathParams, query: rawQuery, headers: req.headers });
  if (compiled.parameters && !compiled.parameters(data)) {
    // A value that could not be read is reported once, as unreadable, not again as missing.
    errors.push(...parameterFields(compiled.parameters.errors, plan.headerNames).filter((f) => !errors.some((e) => e.in === f.in && e.name === f.name)));
  }

  let body: unknown;
  let contentType: string | undefined;
  const bodyPlan = plan.shape.body;
  if (bodyPlan) {
    let present = false;
    if (carriesBody(req)) {
      contentType = req.headers['content-type'];
      const media = contentType ? matchMedia(bodyPlan, contentType) : null;
      if (!media) throw new UnsupportedMediaTypeError(contentType, bodyPlan.media.map((m) => m.declared));
      const validator = compiled.bodies.get(media)!;
      const item = media.item;
      if (item && item.kind !== 'event-stream') {
        // Read item by item while the handler runs: each is checked as it arrives.
        present = true;
        body = readItems(req, res, { kind: item.kind, validate: validator.item, limits: ctx.readers.limits, answer });
      }
      const read = present ? { present: false, value: undefined, checked: undefined } : await readBody(req, res, media, ctx.readers);
      if (read.present) {
        present = true;
        body = read.value;
        if (!validator.validate(read.checked)) errors.push(...bodyFields(validator.validate.errors));
        else if (validator.fillDefaults) validator.fillDefaults(read.value);
      }
    }
    if (!present) {
      contentType = undefined;
      if (bodyPlan.required) errors.push(REQUIRED_BODY);
    }
  }
  if (errors.length > 0) throw new ValidationError(errors);

  // OpenAPI 3.2 `in: querystring`: the whole query string, one field of the request.
  const querystring = plan.shape.parameters.byLocation.querystring[0];
  const request = {
    params: data.params,
    query: data.query,
    headers: headersByName(plan, data.headers),
    cookies: data.cookies,
    ...(querystring ? { querystring: data.querystring[querystring.key] } : {}),
    body,
    contentType: contentType === undefined ? undefined : contentType.split(';')[0]!.trim(),
  };
  let result;
  try {
    result = await route.handler(request, new HandlerContext(ctx.logger, req, res, principal));
  } catch (error) {
    // An invalid item of a streamed body was answered already; the handler let its error through.
    if (!res.headersSent) throw error;
  }
  if (res.headersSent) {
    // The handler wrote the response itself: it is logged when it finishes.
    watchFinish(res);
    return;
  }
  if (isNotImplemented(result)) {
    if (!ctx.mock) throw new NotImplementedSignal(route.operation);
    result = ctx.mock(route);
  }
  await respond({ route, compiled, validateBodies: ctx.validateResponses, logger: ctx.logger }, req, res, result);
  logDone(res);
}

const REQUIRED_BODY: ProblemField = { in: 'body', name: 'body', pointer: '', message: 'is required', code: 'required' };

/** A body is on its way: chunked, or a Content-Length above zero (an empty body is no body). */
function carriesBody(req: Request): boolean {
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

function headersByName(plan: OperationPlan, values: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, name] of plan.headerNames) if (values[key] !== undefined) out[name] = values[key];
  return out;
}

function isNotImplemented(value: unknown): boolean {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[NOT_IMPLEMENTED] === true;
}
