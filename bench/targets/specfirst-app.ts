// specfirst as the bench serves it: the example's generated API with its three handlers replaced
// by the bench's shared ones (a copy of the ApiDefinition; generated files are never edited),
// logging through the runtime's default logger at the given level to stdout, and listening through
// the runtime's own `listen` (its timeouts and connection guards): what `serve()` does when
// `npm start` runs the example. The bench sends the server's stdout to a file, as
// `npm start > server.log` would.
import type { Level } from 'pino';
import type { ApiDefinition } from '../../server/runtime/api.js';
import { createApp, type AppOptions } from '../../server/runtime/create-app.js';
import { listen } from '../../server/runtime/lifecycle.js';
import { createLogger } from '../../server/runtime/logger.js';
import { api } from '../../server/petstore/generated/routes.js';
import { createPet, getPet, listPets } from '../store.js';
import type { Target } from './target.js';
import { injectOnce } from '../request-cost.js';

const benchHandlers: Record<string, ApiDefinition['routes'][number]['handler']> = { getPet, listPets, createPet };

/** The generated API, every route bound to the bench handler of the same name when there is one. */
export const benchApi: ApiDefinition = {
  ...api,
  routes: api.routes.map((route) => ({ ...route, handler: benchHandlers[route.operation] ?? route.handler })),
};

export interface SpecfirstOptions {
  level: Level | 'silent';
  /** `createApp({ validateResponses })`: false checks requests only. */
  validateResponses: boolean;
  apis?: readonly ApiDefinition[];
  /** Where the log lines go: stdout (as `serve()` logs) unless told otherwise. */
  destination?: number | string;
}

export function specfirstTarget({ level, validateResponses, apis = [benchApi], destination = 1 }: SpecfirstOptions): Target {
  // The runtime's own default logger (buffered), as serve() gets it when no logger is given.
  const logger = createLogger({ level, destination });
  const options: AppOptions = { apis, logger, validateResponses };
  const app = createApp(options);
  return { listener: app, listen: (port, host) => listen(app, { port, host }) };
}

/**
 * Whether this runtime honours `validateResponses: false`: a handler answering a body the contract
 * forbids gets 200 when response validation is off, 500 when it is still on.
 */
export async function responseValidationCanBeOff(): Promise<boolean> {
  const wrong = () => ({ status: 200, body: { id: 'not a number' } });
  const apis = [{ ...benchApi, routes: benchApi.routes.map((route) => (route.operation === 'getPet' ? { ...route, handler: wrong } : route)) }];
  const { listener } = specfirstTarget({ level: 'silent', validateResponses: false, apis, destination: '/dev/null' });
  const res = await injectOnce(listener, { method: 'GET', url: '/pets/1', headers: {}, status: 200 });
  return res.status === 200;
}
