// The API's one Express middleware: the request path is matched once against the route table of
// every operation of every API (base paths included), and the matched operation's plan runs.
// A path no API declares goes on to the next middleware (docs, health, the host app's own
// routes, 404); a declared path with an undeclared method is a 405 naming the methods that are
// (HEAD is served wherever GET is, as HTTP requires).
import type { Request, RequestHandler, Response } from 'express';
import { MethodNotAllowedError } from './errors.js';
import type { OperationPlan } from './plan/plan.js';
import { declaredFirst, fileRoutes, type RouteTable } from './plan/route-table.js';
import { runPlan } from './request/run-plan.js';

/** The operations at one path, by upper-case method. */
export type PathMethods = Map<string, OperationPlan>;

export interface RouteTableReport {
  table: RouteTable<PathMethods>;
  /**
   * Operations no request reaches: a template no request path can match (a `?` in the path key),
   * or the same path as one declared before it (in its API or an earlier one) with the same method.
   */
  unreachable: { plan: OperationPlan; reason: string }[];
}

export function buildRouteTable(plans: { plan: OperationPlan; basePath: string }[]): RouteTableReport {
  const unreachable: RouteTableReport['unreachable'] = [];
  const templates = new Map<OperationPlan, string>();
  for (const { plan, basePath } of plans) {
    const template = basePath + plan.route.path;
    if (template.includes('?') || template.includes('#')) {
      unreachable.push({ plan, reason: `its path ${plan.route.path} contains "${template.includes('?') ? '?' : '#'}", which no request path can: the operation is never matched` });
    } else templates.set(plan, template);
  }
  const { table, shadowed } = fileRoutes(declaredOrder([...templates.keys()]), (p) => templates.get(p)!, (p) => p.route.method);
  for (const { route: plan, by } of shadowed) {
    const other = by.ctx.api === plan.ctx.api ? by.route.path : `${templates.get(by)} of API ${by.ctx.api.name}`;
    unreachable.push({ plan, reason: declaredFirst(other) });
  }
  return { table, unreachable };
}

/**
 * The plans by API (in the order given), then by where their path is declared in the contract:
 * which of two identical paths is served must not depend on the order routes were listed in.
 */
function declaredOrder(plans: OperationPlan[]): OperationPlan[] {
  const apis = [...new Set(plans.map((p) => p.ctx))];
  const rank = new Map(apis.map((ctx) => [ctx, new Map(Object.keys(ctx.requestDoc.paths ?? {}).map((path, i) => [path, i]))]));
  const key = (p: OperationPlan): [number, number] => [apis.indexOf(p.ctx), rank.get(p.ctx)!.get(p.route.path) ?? Number.MAX_SAFE_INTEGER];
  return plans
    .map((plan, i) => ({ plan, i, k: key(plan) }))
    .sort((a, b) => a.k[0] - b.k[0] || a.k[1] - b.k[1] || a.i - b.i)
    .map((x) => x.plan);
}

/** Where the request log hooks in: before matching (an app), or on a match only (a mounted router). */
export interface DispatchHooks {
  before?: (req: Request, res: Response) => void;
  matched?: (req: Request, res: Response) => void;
  /** A request the table does not match, going on to the next middleware. */
  missed?: (req: Request, res: Response) => void;
}

/** The operation a request is for, with its path parameters (still percent-encoded) and query string. */
export interface MatchedOperation {
  plan: OperationPlan;
  params: Record<string, string>;
  rawQuery: string;
}

/**
 * What the table says of a request: its operation; or, for a declared path with an undeclared
 * method, the methods that are (`allowed`); or null for a path no API declares.
 */
export function matchOperation(table: RouteTable<PathMethods>, method: string | undefined, url: string): MatchedOperation | { allowed: PathMethods } | null {
  const q = url.indexOf('?');
  const match = table.match(q < 0 ? url : url.slice(0, q));
  if (!match) return null;
  const methods = match.value;
  const plan = methods.get(method!) ?? (method === 'HEAD' ? methods.get('GET') : undefined);
  if (!plan) return { allowed: methods };
  const params: Record<string, string> = {};
  const names = plan.pathNames;
  for (let i = 0; i < names.length; i++) params[names[i]!] = match.captures[i]!;
  return { plan, params, rawQuery: q < 0 ? '' : url.slice(q + 1) };
}

export function dispatcher(table: RouteTable<PathMethods>, hooks: DispatchHooks = {}): RequestHandler {
  const { before, matched, missed } = hooks;
  return (req, res, next) => {
    // A request the app answered before its router (api-first.ts) whose plan failed: its error
    // goes to the error handlers after this layer, as if it had failed here.
    const failed = takeFailure(req);
    if (failed !== undefined) return next(failed);
    before?.(req, res);
    const found = matchOperation(table, req.method, req.url);
    if (!found) {
      missed?.(req, res);
      return next();
    }
    matched?.(req, res);
    if (!('plan' in found)) return next(new MethodNotAllowedError(allowed(found.allowed)));
    runPlan(found.plan, req, res, found.params, found.rawQuery, next).catch(next);
  };
}

const FAILED = Symbol('specfirst.failedBeforeRouter');
type MaybeFailed = Request & { [FAILED]?: unknown };

/** Leaves an error for the dispatcher layer to pass on when the request goes through the router. */
export function failBeforeRouter(req: Request, error: unknown): void {
  (req as MaybeFailed)[FAILED] = error;
}

function takeFailure(req: Request): unknown {
  const error = (req as MaybeFailed)[FAILED];
  if (error !== undefined) (req as MaybeFailed)[FAILED] = undefined;
  return error;
}

function allowed(methods: PathMethods): string[] {
  const list = [...methods.keys()];
  if (list.includes('GET') && !list.includes('HEAD')) list.push('HEAD');
  return list;
}
