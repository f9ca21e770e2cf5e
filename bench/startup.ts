// Start to first request: spawn a target's server process, time until its first 200 (GET one
// pet), as a person restarting a server sees it. Samples are interleaved over targets.
import { request } from 'node:http';
import { spawnServer } from './server-process.js';
import { rotate } from './stats.js';
import type { TargetName } from './targets.js';

/** GET url with node:http (not fetch: its first call in a process loads undici, and that would be timed). */
export function getStatus(url: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers, agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Milliseconds from spawn to the first 200, `samples` per target; a target that fails gets its error. */
export async function measureStartup(names: readonly TargetName[], samples: number): Promise<Map<TargetName, number[] | Error>> {
  const results = new Map<TargetName, number[] | Error>(names.map((n) => [n, []]));
  for (let s = 0; s < samples; s++) {
    for (const name of rotate(names, s)) {
      const times = results.get(name);
      if (!Array.isArray(times)) continue;
      try {
        const server = await spawnServer(name);
        try {
          const status = await getStatus(`${server.url}/pets/2`);
          if (status !== 200) throw new Error(`first request answered ${status}`);
          times.push(performance.now() - server.spawnedAt);
        } finally {
          await server.stop();
        }
      } catch (error) {
        results.set(name, error as Error);
      }
    }
  }
  return results;
}
