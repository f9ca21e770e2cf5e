// The package's one public entry (`import … from "@specfirst/runtime"`): everything a project's own code may
// use at run time. Generated code never imports it; a handler needs it only for the helpers below.
// Anything not exported here is internal and may change.

// Serving: one call for main.ts, or the parts it is made of.
export { serve, type ServeOptions, type Serving } from './serve.js';
export { findApis } from './find-apis.js';
export { createApp, specfirstRouter } from './create-app.js';
export type { AppOptions, PreparedApi, SpecfirstApp, SpecfirstRouter } from './app-types.js';
export { banner, listen, serverUrl, shutdownOnSignals, type ListenOptions, type ShutdownOptions } from './lifecycle.js';
export { startWorkers, type WorkersOptions } from './cluster.js';
export { DEFAULT_LIMITS, limitsFromEnv, type ServerLimits } from './limits.js';

// What generated routes.ts files hand to the runtime.
export type { ApiDefinition, HttpMethod, RouteBinding, SecuritySchemeBinding } from './api.js';

// For handlers and verifiers.
export { problem, problemType, PROBLEM_CONTENT_TYPE, type Problem, type ProblemCode, type ProblemField, type ProblemLocation } from './problems.js';
export { scopesOf, verifyJwt, type JwtOptions } from './jwt.js';
export { createLogger, type LoggerOptions } from './logger.js';
export type { JWTPayload } from 'jose';
