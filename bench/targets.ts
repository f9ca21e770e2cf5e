// Every configuration the bench compares, by name. Each is loaded on demand (a measuring process
// loads only the one it serves), and is nothing but a node:http request listener, so that each is
// injected and served in exactly the same way.
import type { Target } from './targets/target.js';

export type TargetName = 'node' | 'express' | 'specfirst-request-only' | 'specfirst-full' | 'specfirst-logs-off' | 'fastify';

export interface TargetEntry {
  name: TargetName;
  label: string;
  load: () => Promise<Target>;
}

export const TARGETS: readonly TargetEntry[] = [
  { name: 'node', label: 'node:http', load: async () => (await import('./targets/raw-node.js')).createTarget() },
  { name: 'express', label: 'Express 5', load: async () => (await import('./targets/express.js')).createTarget() },
  { name: 'specfirst-request-only', label: 'specfirst request-only', load: async () => (await import('./targets/specfirst-request-only.js')).createTarget() },
  { name: 'specfirst-full', label: 'specfirst full', load: async () => (await import('./targets/specfirst-full.js')).createTarget() },
  { name: 'specfirst-logs-off', label: 'specfirst full, logs off', load: async () => (await import('./targets/specfirst-logs-off.js')).createTarget() },
  { name: 'fastify', label: 'Fastify 5', load: async () => (await import('./targets/fastify.js')).createTarget() },
];

/** The harness alone: subtracted from every target's in-process cost. */
export const loadNullRoute = async (): Promise<Target> => (await import('./targets/null-route.js')).createTarget();

export function targetNamed(name: string): TargetEntry {
  const entry = TARGETS.find((t) => t.name === name);
  if (!entry) throw new Error(`unknown bench target ${name}; known: ${TARGETS.map((t) => t.name).join(', ')}`);
  return entry;
}
