// specfirst with every check on and the logger at level silent: what logging costs, by difference
// with specfirst-full.
import type { Target } from './target.js';
import { specfirstTarget } from './specfirst-app.js';

export async function createTarget(): Promise<Target> {
  return specfirstTarget({ level: 'silent', validateResponses: true });
}
