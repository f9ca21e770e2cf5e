// Errors in the contract's own shape. When the operation a request was for (or, for a path or a
// method no operation serves, the API) declares a body for the status of an error the server
// produces itself, the API's error formatter (server/<api>/errors.ts) turns the problem into that
// body; it is checked like a handler's response (checkResponse) and sent with the declared media
// type. If the formatter is missing, throws, or its body breaks the contract, the problem goes out
// as application/problem+json and the log says why, once. Where the contract declares both
// problem+json and its own shape, the client's Accept header picks. Nothing here runs for an API
// whose contract declares problem+json or nothing for those statuses.
import type { Request, Response } from 'express';
import type { Logger } from 'pino';
import type { ApiDefinition, ErrorFormatterFunction } from '../api.js';
import type { PreparedApi } from '../app-types.js';
import type { PathMethods } from '../dispatch.js';
import { ContractProblemError, ResponseContractError } from '../errors.js';
import { compiledOf, type OperationPlan } from '../plan/plan.js';
import type { RouteTable } from '../plan/route-table.js';
import type { Problem } from '../problems.js';
import { requestIdOf } from '../request-log.js';
import { checkResponse } from '../request/respond.js';
import { errorDeclarations, hasFormattedErrors, PROBLEM_MEDIA_TYPE, type ErrorDeclaration, type ErrorMedia } from './declarations.js';

/** Sends the problem in the contract's own shape and returns true; false: send it as problem+json. */
export type ErrorBodySender = (req: Request, res: Response, problem: Problem, headers: Readonly<Record<string, string>>) => boolean;

/** What the formatter is told besides the problem (the generated ErrorTarget type, loosely). */
interface ErrorTarget {
  operation: string | null;
  status: number;
  mediaType: string;
  schema: string;
}

interface Declared {
  declaration: ErrorDeclaration;
  /** The operation whose validators check the body. */
  plan: OperationPlan;
  operation: string | null;
}

interface ApiErrors {
  api: ApiDefinition;
  basePath: string;
  byPlan: Map<OperationPlan, Map<number, ErrorDeclaration>>;
  unserved: Map<number, { declaration: ErrorDeclaration; plan: OperationPlan }>;
}

/** Built once at start-up; undefined when no API has an error shape of its own to send. */
export function errorBodySender(apis: readonly PreparedApi[], table: RouteTable<PathMethods>, logger: Logger): ErrorBodySender | undefined {
  const prepared = apis.map((p) => prepareApi(p, logger)).filter((p): p is ApiErrors => p !== null);
  if (prepared.length === 0) return undefined;
  const byApi = new Map(prepared.map((p) => [p.api, p]));
  // Longest base path first: a request outside every operation belongs to the API it is under
  // (every API counts, those without an error shape of their own too).
  const byBase = [...apis].sort((a, b) => b.basePath.length - a.basePath.length);

  const declaredFor = (req: Request, status: number): Declared | null => {
    const url = req.url;
    const q = url.indexOf('?');
    const path = q < 0 ? url : url.slice(0, q);
    const match = table.match(path);
    if (match) {
      const plan = match.value.get(req.method) ?? (req.method === 'HEAD' ? match.value.get('GET') : undefined);
      if (plan) {
        const declaration = byApi.get(plan.ctx.api)?.byPlan.get(plan)?.get(status);
        return declaration ? { declaration, plan, operation: plan.route.operation } : null;
      }
      const first = match.value.values().next().value;
      return first ? unservedOf(byApi.get(first.ctx.api), status) : null;
    }
    const under = byBase.find((p) => p.basePath === '' || path === p.basePath || path.startsWith(p.basePath + '/'));
    return under ? unservedOf(byApi.get(under.api), status) : null;
  };

  return (req, res, problem, headers) => {
    const found = declaredFor(req, problem.status);
    if (!found) return false;
    const formatter = found.plan.ctx.api.errorFormatter;
    const chosen = negotiate(req, found.declaration.media, formatter);
    if (!chosen) return false;
    const target: ErrorTarget = { operation: found.operation, status: problem.status, mediaType: chosen.mediaType, schema: chosen.label };
    const fail = (violation: string): false => {
      const label = found.operation ?? 'a request no operation serves';
      logger.error(
        { req: { id: requestIdOf(req), method: req.method, path: req.originalUrl.split('?')[0] }, target, violation },
        `the error formatter's ${chosen.mediaType} body for ${label} (${problem.status}) breaks the contract: ${violation}; sent as ${PROBLEM_MEDIA_TYPE} instead`,
      );
      return false;
    };
    let body: unknown;
    try {
      // A copy: the problem is still what goes out if the formatter's body does not.
      body = formatter![chosen.mediaType]!(structuredClone(problem), target);
    } catch (error) {
      return fail(`it threw ${String((error as Error)?.message ?? error)}`);
    }
    if (body === undefined) return fail('it returned nothing');
    if (body instanceof Promise) return fail('it returned a Promise: an error formatter is synchronous');
    if (!chosen.json && typeof body !== 'string') return fail(`it must return the text to send as ${chosen.mediaType}, not ${typeof body}`);
    const violation = contractViolation(found.plan, { status: problem.status, contentType: chosen.mediaType, headers, body });
    if (violation !== null) return fail(violation);
    res.status(problem.status);
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    res.type(chosen.mediaType);
    res.send(typeof body === 'string' && !chosen.json ? body : JSON.stringify(body));
    return true;
  };
}

/** What breaks the contract in the response, checked as a handler's would be; null when nothing. */
function contractViolation(plan: OperationPlan, response: { status: number; contentType: string; headers: Readonly<Record<string, string>>; body: unknown }): string | null {
  try {
    checkResponse({ route: plan.route, compiled: compiledOf(plan), validateBodies: plan.ctx.validateResponses }, response);
    return null;
  } catch (error) {
    if (error instanceof ResponseContractError) return error.message.replace(/^[^:]*: /, '');
    if (error instanceof ContractProblemError) return 'its operation cannot be served, so nothing can check the body';
    throw error;
  }
}

function unservedOf(api: ApiErrors | undefined, status: number): Declared | null {
  const found = api?.unserved.get(status);
  return found ? { ...found, operation: null } : null;
}

/**
 * The media type to answer with: the contract's order, the client's Accept deciding between
 * problem+json and the formatter's types; null when problem+json is the answer.
 */
function negotiate(req: Request, media: readonly ErrorMedia[], formatter: ApiDefinition['errorFormatter']): ErrorMedia | null {
  const candidates = media.filter((m) => m.kind === 'problem' || (m.kind === 'format' && typeof formatter?.[m.mediaType] === 'function'));
  if (!candidates.some((m) => m.kind === 'format')) return null;
  const offers = candidates.map((m) => (m.kind === 'problem' ? PROBLEM_MEDIA_TYPE : m.mediaType.split(';')[0]!.trim()));
  const accepted = req.headers.accept ? req.accepts(offers) : offers[0];
  // An error is never refused for the client's Accept: the contract's first choice then.
  const chosen = typeof accepted === 'string' ? candidates[offers.indexOf(accepted)]! : candidates[0]!;
  return chosen.kind === 'format' ? chosen : null;
}

function prepareApi({ api, document, basePath, plans }: PreparedApi, logger: Logger): ApiErrors | null {
  const planAt = new Map(plans.map((p) => [`${p.route.method} ${p.route.path}`, p]));
  const errors = errorDeclarations(document, (path, method) => planAt.get(`${method} ${path}`)?.route.operation ?? `${method} ${path}`);
  if (!hasFormattedErrors(errors)) return null;
  const byPlan = new Map<OperationPlan, Map<number, ErrorDeclaration>>();
  const wanted = new Set<string>();
  for (const op of errors.operations) {
    const plan = planAt.get(`${op.method} ${op.path}`);
    if (plan && op.byStatus.size > 0) byPlan.set(plan, op.byStatus);
    for (const d of op.byStatus.values()) for (const m of d.media) if (m.kind === 'format') wanted.add(m.mediaType);
  }
  const unserved = new Map<number, { declaration: ErrorDeclaration; plan: OperationPlan }>();
  for (const [status, d] of errors.unserved) {
    const plan = planAt.get(`${d.from.method} ${d.from.path}`);
    if (plan) unserved.set(status, { declaration: d, plan });
    for (const m of d.media) if (m.kind === 'format') wanted.add(m.mediaType);
  }
  const missing = [...wanted].filter((m) => typeof (api.errorFormatter as Record<string, ErrorFormatterFunction> | undefined)?.[m] !== 'function');
  if (missing.length > 0) {
    logger.warn(
      { api: api.name, missing },
      `${api.name}: the contract declares its own error bodies (${missing.join(', ')}) but the API has no error formatter for them: those errors are sent as ${PROBLEM_MEDIA_TYPE}, which the contract does not allow; run specfirst generate to write server/${api.name}/errors.ts`,
    );
  }
  return { api, basePath, byPlan, unserved };
}
