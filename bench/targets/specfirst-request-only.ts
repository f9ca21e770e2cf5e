// specfirst validating requests only (createApp({ validateResponses: false })), logs at info.
import type { Target } from './target.js';
import { specfirstTarget } from './specfirst-app.js';

export async function createTarget(): Promise<Target> {
  return specfirstTarget({ level: 'info', validateResponses: false });
}
