// The load generator, in its own process (pinned to its own core by the parent): runs autocannon
// when asked over IPC and answers with what it saw.
import autocannon from 'autocannon';

export interface LoadRequest {
  id: number;
  url: string;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string;
  /** Seconds. */
  duration: number;
  connections: number;
}

export interface LoadResult {
  id: number;
  /** Completed requests per second. */
  rps: number;
  completed: number;
  non2xx: number;
  errors: number;
  p50ms: number;
  error?: string;
}

process.on('message', (m: LoadRequest) => {
  autocannon(
    { url: m.url, method: m.method, headers: m.headers, body: m.body, duration: m.duration, connections: m.connections, pipelining: 1 },
    (error, result) => {
      if (error || !result) return void process.send!({ id: m.id, rps: 0, completed: 0, non2xx: 0, errors: 0, p50ms: 0, error: String(error) });
      const answer: LoadResult = {
        id: m.id,
        rps: result.requests.total / result.duration,
        completed: result.requests.total,
        non2xx: result.non2xx,
        errors: result.errors + result.timeouts,
        p50ms: result.latency.p50,
      };
      process.send!(answer);
    },
  );
});
process.send!({ type: 'ready' });
