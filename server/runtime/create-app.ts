// contract(s) + handlers + options → an Express 5 application: the one public entry of the
// runtime. Everything that can be prepared is prepared here, once: the validator's copy of each
// contract, one plan per operation, one route table for all of them, the docs pages. A request
// then costs one route match and its operation's plan (request/run-plan.ts).
import express, { type ErrorRequestHandler, type Router } from 'express';
import type { Logger } from 'pino';
import { createLogger } from './logger.js';
import { answerApiFirst } from './api-first.js';
import type { ApiDefinition } from './api.js';
import type { AppOptions, PreparedApi, SpecfirstApp, SpecfirstRouter } from './app-types.js';
import { basePath, loadDocument, type Document } from './contract/document.js';
import { buildRouteTable, dispatcher, type PathMethods } from './dispatch.js';
import { docsRouter } from './docs.js';
import { errorHandler } from './error-handler.js';
import { errorBodySender } from './error-format/format-error.js';
import { NotFoundError } from './errors.js';
import { limitsFromEnv, resolveLimits } from './limits.js';
import { createMocker } from './mock.js';
import { readKnownProblems } from './plan/contract-problems.js';
import { readNormalizedCopies, type NormalizedCopies } from './plan/normalized-file.js';
import { precompiledValidators, type PrecompiledValidators } from './plan/precompiled.js';
import { compileEvery, markBroken, planOperation, type ApiContext, type BodyReaders } from './plan/plan.js';
import { normalizedCopies, prepareValidation } from './plan/validator-context.js';
import type { RouteTable } from './plan/route-table.js';
import { createBodyReaders } from './request/body-readers.js';
import { requestLog, trackRequest, watchFinish, type RequestLogOptions } from './request-log.js';

export type { AppOptions, PreparedApi, SpecfirstApp, SpecfirstRouter } from './app-types.js';

/** What an app and a mountable router are both made of. */
interface Parts {
  prepared: PreparedApi[];
  table: RouteTable<PathMethods>;
  docs: Router;
  errors: ErrorRequestHandler;
  log: RequestLogOptions;
}

function buildParts(options: AppOptions, closing: () => boolean): Parts {
  const logger = options.logger ?? createLogger();
  const exposeErrors = options.exposeErrors ?? process.env.NODE_ENV === 'development';
  const prepared = prepareApis(options, logger);
  const { table, unreachable } = buildRouteTable(prepared.flatMap((p) => p.plans.map((plan) => ({ plan, basePath: p.basePath }))));
  // Once, at start-up: the operations no request reaches, and why.
  for (const { plan, reason } of unreachable) logger.warn({ api: plan.ctx.api.name, operation: plan.label }, `${plan.label} is unreachable: ${reason}`);
  const docs = docsRouter(prepared.map((p) => ({ name: p.api.name, title: p.api.title, document: p.document, basePath: p.basePath })));
  const errors = errorHandler({ exposeErrors, logger, sendDeclared: errorBodySender(prepared, table, logger) });
  return { prepared, table, docs, errors, log: { logger, closing } };
}

export function createApp(options: AppOptions): SpecfirstApp {
  const limits = resolveLimits(limitsFromEnv(process.env), options.limits);
  const app = express() as unknown as SpecfirstApp;
  const parts = buildParts(options, () => !app.locals.specfirst.ready);
  app.disable('x-powered-by');
  app.locals.specfirst = { apis: parts.prepared, ready: true, limits, logger: parts.log.logger };
  // The API first, and the request log with it: an API request passes no other layer.
  app.use(dispatcher(parts.table, { before: (req, res) => trackRequest(req, res, parts.log), missed: (_req, res) => watchFinish(res) }));
  // …and before the router, for the requests the table matches (the layer above still answers
  // them when they fail, with the error the plan met).
  answerApiFirst(app, parts.table, parts.log);
  app.get('/healthz', (_req, res) => void res.json({ status: 'ok' }));
  app.get('/readyz', (_req, res) => {
    const ready = app.locals.specfirst.ready;
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'shutting down' });
  });
  app.use(parts.docs);
  app.use((_req, _res, next) => next(new NotFoundError()));
  app.use(parts.errors);
  return app;
}

/**
 * The same APIs as a router to mount in an Express app you already have:
 * `app.use('/api', specfirstRouter({ apis }))`. It validates, secures and serves the contract's
 * operations and the docs (`/api/docs`, `/api/openapi.json`, …) and handles the errors of those
 * requests itself; any other request goes on to the host app's own routes, body parsers and
 * error handlers untouched. Health and readiness stay the host's.
 */
export function specfirstRouter(options: AppOptions): SpecfirstRouter {
  const parts = buildParts(options, () => false);
  const router = express.Router() as SpecfirstRouter;
  router.specfirst = { apis: parts.prepared };
  router.use(dispatcher(parts.table, { matched: (req, res) => trackRequest(req, res, parts.log) }));
  router.use(DOCS_PATHS, requestLog(parts.log));
  router.use(parts.docs);
  router.use(parts.errors);
  return router;
}

/** Where the docs router answers: requests there get an id and a log line like API requests. */
const DOCS_PATHS = ['/docs', '/redoc', '/openapi.json', '/openapi.yaml', '/openapi'];

/** Every API's validator copy, validators and plans; contract problems found or read, and logged. */
function prepareApis(options: AppOptions, logger: Logger): PreparedApi[] {
  const mock = options.mock ?? process.env.SPECFIRST_MOCK === '1';
  const readers = createBodyReaders(options.bodyLimit ?? 1024 * 1024, options.streamLimit);
  return options.apis.map((api) => {
    const { document, text } = loadDocument(api);
    // Built servers (specfirst build) read the validator's copies of the contract instead of making them.
    const copies = api.document instanceof URL && text !== null ? readNormalizedCopies(api.document, text) : null;
    // And the validators it wrote, read when the first operation needs one.
    const ignored = (message: string): void => logger.warn({ api: api.name }, `${api.name}: ${message}`);
    const precompiled = api.document instanceof URL && text !== null ? precompiledValidators(api.document, text, ignored) : null;
    const ctx = apiContext(api, document, { readers, logger, mock, validateResponses: options.validateResponses ?? true, copies, precompiled });
    const plans = api.routes.map((route) => planOperation(ctx, route, mock));
    const known = api.document instanceof URL && text !== null ? readKnownProblems(api.document, text) : null;
    if (known) {
      // generate found them, once: nothing is compiled at start-up.
      for (const p of known) {
        for (const plan of plans.filter((pl) => p.operations.includes(pl.route.operation))) markBroken(plan, [{ where: p.where ?? `openapi.json#${p.pointer}`, message: p.message }]);
      }
    } else {
      // No list made by generate for this document: compile every operation now, so problems
      // show at start-up and never at a first request.
      compileEvery(plans);
    }
    return { api, document, basePath: basePath(document), plans };
  });
}

interface ContextOptions {
  readers: BodyReaders;
  logger: Logger;
  mock: boolean;
  validateResponses: boolean;
  /** The normalised copies `specfirst build` wrote, if any. */
  copies?: NormalizedCopies | null;
  /** The validators `specfirst build` wrote, if any. */
  precompiled?: PrecompiledValidators | null;
}

export function apiContext(api: ApiDefinition, document: Document, { readers, logger, mock, validateResponses, copies, precompiled }: ContextOptions): ApiContext {
  // A schema the validator cannot even add is logged when the validator that needs it is made
  // (validators are made on first use), and goes on spoiling only the operations that reach it.
  const unusable = (ref: string, message: string): void => logger.error({ api: api.name, ref }, `${api.name}: schema ${ref} cannot be used by the validator: ${message}`);
  const validation = prepareValidation(document, copies ?? normalizedCopies(document), { onUnusable: unusable, precompiled: precompiled ?? null });
  const { changes, unknownFormats } = validation;
  if (changes.length > 0) {
    // A count per rule at info; every change (with its pointer) at debug.
    const byRule: Record<string, number> = {};
    for (const c of changes) byRule[c.rule] = (byRule[c.rule] ?? 0) + 1;
    logger.info({ api: api.name, normalised: byRule }, `${api.name}: ${changes.length} construct(s) normalised for the validator, same meaning (LOG_LEVEL=debug lists them)`);
    logger.debug({ api: api.name, changes }, `${api.name}: normalisations`);
  }
  if (unknownFormats.length > 0) logger.info({ api: api.name, formats: unknownFormats }, `${api.name}: formats accepted without a check: ${unknownFormats.join(', ')}`);
  return {
    ...validation,
    api,
    readers,
    logger,
    mock: mock ? createMocker(document, validation, (message) => logger.warn(`${api.name}: ${message}`)) : null,
    validateResponses,
  };
}
