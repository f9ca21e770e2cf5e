// contract(s) + handlers + options → an Express 5 application: the one public entry of the
// runtime. Everything that can be prepared (documents, validators, route tables, docs pages) is
// prepared here, once; the per-request path is parse → validate → handler → validate → send.
import express, { type Application, type Request, type Router } from 'express';
import cookieParser from 'cookie-parser';
import { pinoHttp } from 'pino-http';
import { pino, type Logger } from 'pino';
import type { ApiDefinition } from './api.js';
import { basePath, loadDocument, operationParameters, type Document } from './contract.js';
import { cookieParameters } from './cookies.js';
import { docsRouter } from './docs.js';
import { errorHandler } from './error-handler.js';
import { formCoercion } from './form-coercion.js';
import { createRouteMatcher } from './route-match.js';
import { securityCheck } from './security.js';
import { unknownQueryCheck } from './unknown-query.js';
import { handleOperation } from './handle.js';
import { createHeaderCompiler } from './response-headers.js';
import { createMocker } from './mock.js';
import { normalizeForValidator } from './normalize.js';
import { problem, PROBLEM_CONTENT_TYPE } from './problems.js';
import { requestIdFor } from './request-id.js';
import { contractValidator, customFormats } from './validation.js';

export interface AppOptions {
  apis: readonly ApiDefinition[];
  /** Largest accepted request body (JSON, form, text; and each uploaded file), in bytes. Default 1 MB. */
  bodyLimit?: number;
  logger?: Logger;
  /** Put error details in 500 problem bodies. Default: NODE_ENV === 'development'. */
  exposeErrors?: boolean;
  /** Stubs answer with their first 2xx response from examples or schemas. Default: SPECFIRST_MOCK=1. */
  mock?: boolean;
}

export interface PreparedApi {
  api: ApiDefinition;
  document: Document;
  basePath: string;
}

export type SpecfirstApp = Application & { locals: { specfirst: { apis: PreparedApi[]; ready: boolean } } };

export function createApp(options: AppOptions): SpecfirstApp {
  const bodyLimit = options.bodyLimit ?? 1024 * 1024;
  const logger = options.logger ?? pino({ level: process.env.LOG_LEVEL ?? 'info' });
  const exposeErrors = options.exposeErrors ?? process.env.NODE_ENV === 'development';
  const prepared = options.apis.map((api) => {
    const document = loadDocument(api);
    return { api, document, basePath: basePath(document) };
  });

  const app = express() as unknown as SpecfirstApp;
  app.disable('x-powered-by');
  app.set('query parser', 'extended');
  app.locals.specfirst = { apis: prepared, ready: true };
  app.use(
    pinoHttp({
      logger,
      genReqId: requestIdFor,
      // Only what identifies a request: no headers, no query string (they may carry credentials).
      serializers: {
        req: (req: { id: unknown; method: string; url: string }) => ({ id: req.id, method: req.method, path: req.url.split('?')[0] }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
      // 501 is a stub doing its job, not a server error.
      // The principal by id only (security.ts sets it), never the principal or a credential.
      customProps: (_req, res) => {
        const id = (res as unknown as { locals?: { principalId?: string } }).locals?.principalId;
        return id === undefined ? {} : { principal: id };
      },
      customLogLevel: (_req, res, err) => (res.statusCode === 501 ? 'info' : err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
      // pino-http invents an Error with a stack for every 5xx; the error handler already logged
      // the real one with its details.
      customErrorObject: (_req, _res, _err, value: Record<string, unknown>) => ({ ...value, err: undefined }),
    }),
  );
  // While shutting down, ask clients not to reuse connections.
  app.use((_req, res, next) => {
    if (!app.locals.specfirst.ready) res.setHeader('Connection', 'close');
    next();
  });
  app.get('/healthz', (_req, res) => void res.json({ status: 'ok' }));
  app.get('/readyz', (_req, res) => {
    const ready = app.locals.specfirst.ready;
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'shutting down' });
  });
  app.use(docsRouter(prepared.map((p) => ({ name: p.api.name, title: p.api.title, document: p.document, basePath: p.basePath }))));
  const mock = options.mock ?? process.env.SPECFIRST_MOCK === '1';
  for (const p of prepared) app.use(p.basePath || '/', apiRouter(p, bodyLimit, mock, logger));
  app.use((req: Request, res) => {
    const body = problem('notFound', { instance: req.originalUrl.split('?')[0], requestId: String(req.id), detail: `Nothing is served at ${req.method} ${req.originalUrl.split('?')[0]}.` });
    res.status(404).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(body));
  });
  app.use(errorHandler({ exposeErrors }));
  return app;
}

/** One API: its body parsers, its validator and one route per operation, mounted at its base path. */
function apiRouter({ api, document }: PreparedApi, bodyLimit: number, mock: boolean, logger: Logger): Router {
  const router = express.Router();
  const match = createRouteMatcher(api.routes);
  // Several APIs may share a base path: one that does not know the path lets the next try.
  router.use((req, res, next) => {
    const { known, route } = match(req.method, req.path);
    if (!known) return next('router');
    res.locals.route = route;
    next();
  });
  router.use(cookieParser());
  // Before any body is parsed or validated: a caller who is not allowed costs nothing more.
  router.use(securityCheck(api, { mock }));
  // strict: false: a JSON body may be any JSON value (RFC 8259), e.g. the string "X" a contract declares.
  router.use(express.json({ limit: bodyLimit, strict: false, type: ['application/json', 'application/*+json'] }));
  router.use(express.urlencoded({ limit: bodyLimit, extended: true }));
  router.use(express.text({ limit: bodyLimit, type: 'text/*' }));
  router.use(express.raw({ limit: bodyLimit, type: 'application/octet-stream' }));
  const normalized = normalizeForValidator(document);
  if (normalized.changes.length > 0) {
    logger.info({ api: api.name, changes: normalized.changes }, `${api.name}: ${normalized.changes.length} schema(s) normalised for the validator (same meaning, see changes)`);
  }
  const unchecked = customFormats(normalized.document);
  if (unchecked.length > 0) logger.info({ api: api.name, formats: unchecked }, `${api.name}: formats accepted without a check: ${unchecked.join(', ')}`);
  const beforeRequestValidation = [unknownQueryCheck(document, api.routes), formCoercion(document, api.routes)];
  router.use(contractValidator(document, { fileSizeLimit: bodyLimit, beforeRequestValidation }, normalized));
  const headerRules = createHeaderCompiler();
  const mocker = mock ? createMocker(document, normalized.document, (message) => logger.warn(`${api.name}: ${message}`)) : null;
  for (const route of api.routes) {
    const plan = {
      cookies: cookieParameters(operationParameters(document, route.path, route.method)),
      responseHeaders: headerRules(document, route),
      mock: mocker,
    };
    router[route.method](route.expressPath, handleOperation(route, plan));
  }
  return router;
}
