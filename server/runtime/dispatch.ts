// The API's one Express middleware: the request path is matched once against the route table of
// every operation of every API (base paths included), and the matched operation's plan runs.
// A path no API declares goes on to the next middleware (docs, health, the host app's own
// routes, 404); a declared path with an undeclared method is a 405 naming the methods that are
// (HEAD is served wherever GET is, as HTTP requires).
import type { Request, RequestHandler, Response } from 'express';
import { MethodNotAllowedError } from './errors.js';
import type { OperationPlan } from './plan/plan.js';
import { createRouteTable, type RouteTable } from './plan/route-table.js';
import { runPlan } from './request/run-plan.js';

/** The operations at one path, by upper-case method. */
export type PathMethods = Map<string, OperationPlan>;

export interface RouteTableReport {
  table: RouteTable<PathMethods>;
  /** Templates that can never match a request path (e.g. a `?` in the path key), or that an earlier API took. */
  skipped: { plan: OperationPlan; reason: string }[];
}

export function buildRouteTable(plans: { plan: OperationPlan; basePath: string }[]): RouteTableReport {
  const table = createRouteTable<PathMethods>();
  const skipped: RouteTableReport['skipped'] = [];
  for (const { plan, basePath } of plans) {
    const template = basePath + plan.route.path;
    if (template.includes('?') || template.includes('#')) {
      skipped.push({ plan, reason: `its path ${plan.route.path} contains "${template.includes('?') ? '?' : '#'}", which no request path can: the operation is never matched` });
      continue;
    }
    const fresh: PathMethods = new Map();
    const methods = table.add(template, fresh) ?? fresh;
    const method = plan.route.method.toUpperCase();
    if (methods.has(method)) {
      skipped.push({ plan, reason: `${method} ${template} is already served by ${methods.get(method)!.label}` });
      continue;
    }
    methods.set(method, plan);
  }
  return { table, skipped };
}

/** Where the request log hooks in: before matching (an app), or on a match only (a mounted router). */
export interface DispatchHooks {
  before?: (req: Request, res: Response) => void;
  matched?: (req: Request, res: Response) => void;
  /** A request the table does not match, going on to the next middleware. */
  missed?: (req: Request, res: Response) => void;
}

export function dispatcher(table: RouteTable<PathMethods>, hooks: DispatchHooks = {}): RequestHandler {
  const { before, matched, missed } = hooks;
  return (req, res, next) => {
    before?.(req, res);
    const url = req.url;
    const q = url.indexOf('?');
    const match = table.match(q < 0 ? url : url.slice(0, q));
    if (!match) {
      missed?.(req, res);
      return next();
    }
    matched?.(req, res);
    const methods = match.value;
    const plan = methods.get(req.method) ?? (req.method === 'HEAD' ? methods.get('GET') : undefined);
    if (!plan) return next(new MethodNotAllowedError(allowed(methods)));
    const params: Record<string, string> = {};
    const names = plan.pathNames;
    for (let i = 0; i < names.length; i++) params[names[i]!] = match.captures[i]!;
    runPlan(plan, req, res, params, q < 0 ? '' : url.slice(q + 1)).catch(next);
  };
}

function allowed(methods: PathMethods): string[] {
  const list = [...methods.keys()];
  if (list.includes('GET') && !list.includes('HEAD')) list.push('HEAD');
  return list;
}
