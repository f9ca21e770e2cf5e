// The harness's own cost: a listener that answers every request with an empty 200. What a batch
// costs against it is subtracted from every other target's batch.
import type { Target } from './target.js';

export async function createTarget(): Promise<Target> {
  return { listener: (_req, res) => res.end() };
}
