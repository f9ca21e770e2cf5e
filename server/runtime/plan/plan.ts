// One plan per operation, made at start-up: its place in the route table, its security, the
// parameter readers and body parsers it needs, its validators (compiled on its first request,
// shared component schemas compiled once per API), its response rules. A request then only reads
// its plan (request/run-plan.ts); nothing here reads a request. An operation whose part of the
// contract cannot be compiled is marked broken here, from the problems generate found, and
// answers 500 naming them; the others never notice.
import type { RequestHandler } from 'express';
import type { Logger } from 'pino';
import type { ApiDefinition, RouteBinding } from '../api.js';
import { ContractProblemError } from '../errors.js';
import { compileOperation, OperationCompileError, type CompiledOperation, type OperationShape } from './compile-operation.js';
import { locateFailure, type ContractProblem, type FailurePlace } from './contract-problems.js';
import { templateNames } from './route-table.js';
import { planSecurity, type SecurityPlan } from './security.js';
import { shapeOf, type ShapeSources } from './shape.js';
import type { ValidatorSet } from './validators.js';

/** The contract as the validators see it, and the validators. */
export interface ValidatorContext extends ShapeSources {
  validators: ValidatorSet;
}

/** The app's readers of body bytes, made once per app by request/body-readers.ts. */
export interface BodyReaders {
  raw: RequestHandler;
  multipart: RequestHandler;
  /** A streamed body (itemSchema): each item at most `item` bytes, the stream at most `total`. */
  limits: { item: number; total: number };
}

/** What mock mode answers for an operation whose handler is still a stub (built by mock.ts). */
export interface MockResponse {
  status: number;
  contentType?: string;
  headers?: Record<string, unknown>;
  body?: unknown;
}

/** What every plan of one API shares. */
export interface ApiContext extends ValidatorContext {
  api: ApiDefinition;
  readers: BodyReaders;
  logger: Logger;
  mock: ((route: RouteBinding) => MockResponse) | null;
  validateResponses: boolean;
}

export interface OperationPlan {
  ctx: ApiContext;
  route: RouteBinding;
  /** `GET /pets/{petId} (getPet)`, for logs and problems. */
  label: string;
  /** The path's template names, in the order the route table captures their values. */
  pathNames: string[];
  security: SecurityPlan | null;
  shape: OperationShape;
  /** Header parameter names as the contract spells them, by their lower-case form. */
  headerNames: Map<string, string>;
  /** What the operation can answer with; `negotiable` when no wildcard leaves it to the handler. */
  produces: string[];
  negotiable: boolean;
  compiled: CompiledOperation | null;
  broken: ContractProblemError | null;
}

export function planOperation(ctx: ApiContext, route: RouteBinding, mock: boolean): OperationPlan {
  const shape = shapeOf(ctx, route.path, route.method);
  const produces = [...new Set(Object.values(route.responses).flat().map((m) => m.split(';')[0]!.trim()))];
  return {
    ctx,
    route,
    label: `${route.method.toUpperCase()} ${route.path} (${route.operation})`,
    pathNames: templateNames(route.path),
    security: planSecurity(ctx.api, route, { mock }),
    shape,
    headerNames: new Map(shape.parameters.byLocation.header.map((s) => [s.key, s.name])),
    produces,
    negotiable: produces.length > 0 && produces.every((m) => !m.includes('*')),
    compiled: null,
    broken: null,
  };
}

/** The plan's validators, compiled on first use; throws the plan's contract problem if it has one. */
export function compiledOf(plan: OperationPlan): CompiledOperation {
  if (plan.compiled) return plan.compiled;
  if (plan.broken) throw plan.broken;
  try {
    plan.compiled = compileOperation(plan.ctx.validators, plan.ctx.requestDoc, plan.shape);
    return plan.compiled;
  } catch (error) {
    if (!(error instanceof OperationCompileError)) throw error;
    const problems = locate(plan.ctx, error).map((p) => ({ where: `openapi.json#${p.pointer}`, message: p.message }));
    markBroken(plan, problems);
    throw plan.broken;
  }
}

/** Marks an operation as unservable, logging it once. */
export function markBroken(plan: OperationPlan, problems: { where: string; message: string }[]): void {
  plan.broken = new ContractProblemError(plan.label, problems);
  plan.ctx.logger.error({ api: plan.ctx.api.name, operation: plan.label, problems }, `${plan.label} cannot be served: its part of the contract has ${problems.length} problem(s); every other operation is served`);
}

/** Where each failing part of an operation is in the contract, narrowed to the smallest schema. */
export function locate(ctx: ValidatorContext, error: OperationCompileError): FailurePlace[] {
  const { validators, requestDoc, responseDoc } = ctx;
  return error.failures.map((f) => {
    if (f.kind === 'parameters') return locateFailure(validators.parameters, requestDoc, f);
    if (f.kind === 'body') return locateFailure(validators.body, requestDoc, f);
    return locateFailure(validators.response, responseDoc, f);
  });
}

/** Compiles every plan (when no problem list came with the generated code); returns what failed. */
export function compileEvery(plans: OperationPlan[]): ContractProblem[] {
  const found: ContractProblem[] = [];
  for (const plan of plans) {
    try {
      compiledOf(plan);
    } catch (error) {
      if (!(error instanceof ContractProblemError)) throw error;
      for (const p of error.problems) found.push({ pointer: p.where.replace(/^openapi\.json#/, ''), at: '', message: p.message, operations: [plan.route.operation] });
    }
  }
  return found;
}
