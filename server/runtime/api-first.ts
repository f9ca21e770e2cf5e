// An app's API requests answered before Express's router: the request that matches an operation
// runs its plan directly, on node's own request and response objects, instead of passing
// `app.handle`, a final handler made per request, the router's `next` and its layer matching to
// reach the same dispatcher as the router's first layer. Everything else — other paths, a method
// the path does not declare (405), and any error of an API request — goes through Express as
// before: the error is handed to the router's first layer (the dispatcher), which passes it on to
// the error handlers, so errors are answered in one place only. bench/PROFILE.md "Round two".
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Request, Response } from 'express';
import type { SpecfirstApp } from './app-types.js';
import { failBeforeRouter, matchOperation, type PathMethods } from './dispatch.js';
import type { RouteTable } from './plan/route-table.js';
import { runPlan } from './request/run-plan.js';
import { trackRequest, type RequestLogOptions } from './request-log.js';

type Handle = (req: IncomingMessage, res: ServerResponse, callback?: (error?: unknown) => void) => void;
type WithHandle = SpecfirstApp & { handle: Handle };

/** Makes `app` answer the operations of `table` before its router; call once, when the app is built. */
export function answerApiFirst(app: SpecfirstApp, table: RouteTable<PathMethods>, log: RequestLogOptions): void {
  const express = app as WithHandle;
  const viaRouter = express.handle;
  express.handle = function handle(req, res, callback) {
    const found = matchOperation(table, req.method, req.url ?? '');
    if (!found || !('plan' in found)) return viaRouter.call(this, req, res, callback);
    // Not Express's set-up either (its prototypes, `req.res`, `res.locals`, `req.originalUrl`):
    // nothing on the request path reads them (the one Express method it needs, `accepts`, is
    // called as a function: run-plan.ts), and a prototype changed per request leaves node's
    // objects slow for everything node's HTTP code does with them after (without it a GET took
    // half the CPU). A request handed over gets all of it from Express before an error handler runs.
    const request = req as Request;
    const response = res as Response;
    if (express.settings['x-powered-by']) res.setHeader('X-Powered-By', 'Express');
    const handOver = handOverTo(viaRouter, this, request, res, callback);
    try {
      trackRequest(request, res, log);
      runPlan(found.plan, request, response, found.params, found.rawQuery, handOver).catch(handOver);
    } catch (error) {
      handOver(error);
    }
  };
}

/**
 * Sends a failed API request through Express after all, its error waiting for the dispatcher. A
 * function made by a function, not an arrow bound to a name in `handle`: tsx (as `npm start` runs)
 * would wrap a named one in its `__name` helper on every request.
 */
function handOverTo(viaRouter: Handle, app: unknown, req: Request, res: ServerResponse, callback: ((error?: unknown) => void) | undefined): (error: unknown) => void {
  return (error) => {
    failBeforeRouter(req, error);
    viaRouter.call(app, req, res, callback);
  };
}
