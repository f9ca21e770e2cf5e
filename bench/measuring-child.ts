// A process that holds one size-sweep API and a null route, and measures batches of injected
// requests when its parent asks (see measuring-process.ts), so that one contract's CPU and heap
// are never shared with another's.
// Usage (by the parent, over IPC): measuring-child.ts sweep DIR API PATHS
import type { RequestListener } from 'node:http';
import { injectOnce, measureBatch, measurePaired, type InjectRequest } from './request-cost.js';
import { loadNullRoute } from './targets.js';

export type ChildMessage =
  | { id: number; kind: 'batch'; subject: 'target' | 'null'; request: number; n: number }
  | { id: number; kind: 'paired'; request: number; n: number; slices: number }
  | { id: number; kind: 'check' };

interface Loaded {
  listener: RequestListener;
  requests: InjectRequest[];
  /** A body check per request: a target must answer correctly to be measured. */
  checks: ((body: unknown) => boolean)[];
}

async function load(argv: string[]): Promise<Loaded> {
  const [mode, ...rest] = argv;
  if (mode === 'sweep') {
    const { loadSweepTarget } = await import('./size-sweep.js');
    const sweep = await loadSweepTarget(rest[0]!, rest[1]!, Number(rest[2]));
    return { listener: sweep.listener, requests: sweep.requests, checks: sweep.requests.map(() => sweep.check) };
  }
  throw new Error(`measuring-child: unknown mode ${mode}`);
}

const loaded = await load(process.argv.slice(2));
const nullRoute = (await loadNullRoute()).listener;
const send = (message: unknown): void => void process.send!(message);

process.on('message', async (message: ChildMessage) => {
  try {
    if (message.kind === 'check') {
      const problems: string[] = [];
      for (const [i, request] of loaded.requests.entries()) {
        const res = await injectOnce(loaded.listener, request);
        let ok = res.status === request.status;
        try {
          ok &&= loaded.checks[i]!(JSON.parse(res.payload));
        } catch {
          ok = false;
        }
        if (!ok) problems.push(`${request.method} ${request.url}: ${res.status} ${res.payload.slice(0, 300)}`);
      }
      send({ id: message.id, problems });
    } else if (message.kind === 'paired') {
      send({ id: message.id, ...(await measurePaired(loaded.listener, nullRoute, loaded.requests[message.request]!, message.n, message.slices)) });
    } else {
      const listener = message.subject === 'null' ? nullRoute : loaded.listener;
      const request = loaded.requests[message.request]!;
      const result = await measureBatch(listener, message.subject === 'null' ? { ...request, status: 200 } : request, message.n);
      send({ id: message.id, ...result });
    }
  } catch (error) {
    send({ id: message.id, error: (error as Error).stack ?? String(error) });
  }
});
send({ type: 'ready', requests: loaded.requests.map((r) => `${r.method} ${r.url}`) });
