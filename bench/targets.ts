// Every configuration the bench compares, by name. Each is loaded on demand (a measuring process
// loads only the one it serves), and is nothing but a node:http request listener, so that each is
// injected and served in exactly the same way.
import type { Target } from './targets/target.js';

export type TargetName =
  | 'express'
  | 'specfirst-full'
  | 'specfirst-logs-off'
  | 'specfirst-request-only'
  | 'express-openapi-validator'
  | 'openapi-backend'
  | 'fastify-openapi-glue'
  | 'fastify'
  | 'fastify-bare'
  | 'node';

export interface TargetEntry {
  name: TargetName;
  label: string;
  /** What it checks, in a few words, for the side-by-side table. */
  what: string;
  load: () => Promise<Target>;
}

export const TARGETS: readonly TargetEntry[] = [
  { name: 'express', label: 'Express 5', what: 'nothing (the baseline)', load: async () => (await import('./targets/express.js')).createTarget() },
  { name: 'specfirst-full', label: 'specfirst full (as npm start)', what: 'requests + responses, info logs to a file', load: async () => (await import('./targets/specfirst-full.js')).createTarget() },
  { name: 'specfirst-logs-off', label: 'specfirst full, logs off', what: 'requests + responses', load: async () => (await import('./targets/specfirst-logs-off.js')).createTarget() },
  { name: 'specfirst-request-only', label: 'specfirst request-only', what: 'requests, info logs to a file', load: async () => (await import('./targets/specfirst-request-only.js')).createTarget() },
  { name: 'express-openapi-validator', label: 'express-openapi-validator', what: 'requests + responses (Express 5)', load: async () => (await import('./targets/express-openapi-validator.js')).createTarget() },
  { name: 'openapi-backend', label: 'openapi-backend', what: 'requests + responses (Express 5)', load: async () => (await import('./targets/openapi-backend.js')).createTarget() },
  { name: 'fastify-openapi-glue', label: 'fastify-openapi-glue', what: 'requests; responses serialised by schema', load: async () => (await import('./targets/fastify-openapi-glue.js')).createTarget() },
  { name: 'fastify', label: 'Fastify 5 + schemas', what: 'requests; responses serialised by schema', load: async () => (await import('./targets/fastify.js')).createTarget() },
  { name: 'fastify-bare', label: 'Fastify 5', what: 'nothing', load: async () => (await import('./targets/fastify-bare.js')).createTarget() },
  { name: 'node', label: 'node:http', what: 'nothing (a hand-written router)', load: async () => (await import('./targets/raw-node.js')).createTarget() },
];

/** The harness alone: subtracted from every target's in-process cost. */
export const loadNullRoute = async (): Promise<Target> => (await import('./targets/null-route.js')).createTarget();

export function targetNamed(name: string): TargetEntry {
  const entry = TARGETS.find((t) => t.name === name);
  if (!entry) throw new Error(`unknown bench target ${name}; known: ${TARGETS.map((t) => t.name).join(', ')}`);
  return entry;
}
