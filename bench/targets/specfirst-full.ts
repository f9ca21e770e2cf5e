// specfirst with every check on: request and response validation, logs at info.
import type { Target } from './target.js';
import { specfirstTarget } from './specfirst-app.js';

export async function createTarget(): Promise<Target> {
  return specfirstTarget({ level: 'info', validateResponses: true });
}
