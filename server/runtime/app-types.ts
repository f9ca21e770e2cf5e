// The types of an app and of what it is made of: its options, each API as prepared at start-up,
// the app and the mountable router. Types only, never code: the error formatter and the lifecycle
// name them without importing create-app.ts, which imports the error formatter (no cycle).
import type { Application, Router } from 'express';
import type { Logger } from 'pino';
import type { ApiDefinition } from './api.js';
import type { Document } from './contract/document.js';
import type { ServerLimits } from './limits.js';
import type { OperationPlan } from './plan/plan.js';

export interface AppOptions {
  apis: readonly ApiDefinition[];
  /** Largest accepted request body (JSON, form, text; and each uploaded file), in bytes. Default 1 MB. */
  bodyLimit?: number;
  /**
   * Largest streamed request body (JSON Lines, json-seq with `itemSchema`) in total, in bytes;
   * each item is held to `bodyLimit`. Default 100 MB.
   */
  streamLimit?: number;
  logger?: Logger;
  /** Put error details in 500 problem bodies. Default: NODE_ENV === 'development'. */
  exposeErrors?: boolean;
  /** Stubs answer with their first 2xx response from examples or schemas. Default: SPECFIRST_MOCK=1. */
  mock?: boolean;
  /**
   * Check response bodies against their schemas (statuses, media types and headers are always
   * checked). Default true; turn it off only where the cost matters more than the guarantee.
   */
  validateResponses?: boolean;
  /**
   * Timeouts and limits of the HTTP server that `listen()` makes for this app (limits.ts has the
   * defaults). Default: each from its SPECFIRST_* environment variable, else the default.
   */
  limits?: Partial<ServerLimits>;
}

export interface PreparedApi {
  api: ApiDefinition;
  document: Document;
  basePath: string;
  plans: OperationPlan[];
}

export type SpecfirstApp = Application & { locals: { specfirst: { apis: PreparedApi[]; ready: boolean; limits: ServerLimits; logger: Logger } } };

export type SpecfirstRouter = Router & { specfirst: { apis: PreparedApi[] } };
