// The load generator, in its own process (pinned to its own core by the parent): when asked over
// IPC, sends a fixed count of requests over keep-alive connections and answers with what it saw.
//
// Hand-written on node:net rather than autocannon: each connection writes one request's bytes
// (made once), reads the answer just far enough to know where it ends (status line, then
// Content-Length or a chunked body's last chunk) and sends the next. That costs the client a small
// fraction of what the servers spend per request, so one core of it keeps every server busy
// (autocannon could not: it left Express idle three quarters of the time and, asked for a count,
// finished on whole-second ticks), and the count is exact.
import { connect, type Socket } from 'node:net';

export interface LoadRequest {
  id: number;
  url: string;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string;
  /** Requests to send (over all connections together). */
  amount: number;
  connections: number;
}

export interface LoadResult {
  id: number;
  /** Completed requests per second (wall time of the whole count). */
  rps: number;
  completed: number;
  non2xx: number;
  errors: number;
  p50ms: number;
  p99ms: number;
  error?: string;
}

const CRLF2 = Buffer.from('\r\n\r\n');
const LAST_CHUNK = Buffer.from('0\r\n\r\n');

/** The bytes of one request, keep-alive. */
function requestBytes(m: LoadRequest): Buffer {
  const url = new URL(m.url);
  const body = m.body === undefined ? undefined : Buffer.from(m.body);
  const headers: Record<string, string> = { host: url.host, ...m.headers, ...(body ? { 'content-length': String(body.length) } : {}) };
  const head = `${m.method} ${url.pathname}${url.search} HTTP/1.1\r\n${Object.entries(headers)
    .map(([k, v]) => `${k}: ${v}\r\n`)
    .join('')}\r\n`;
  return body ? Buffer.concat([Buffer.from(head), body]) : Buffer.from(head);
}

/** Where the first complete response in `buffer` ends, and its status; undefined while incomplete. */
function responseEnd(buffer: Buffer): { end: number; status: number } | undefined {
  const headEnd = buffer.indexOf(CRLF2);
  if (headEnd === -1) return undefined;
  const head = buffer.toString('latin1', 0, headEnd);
  const status = Number(head.slice(9, 12));
  const length = /\r\ncontent-length:\s*(\d+)/i.exec(head);
  if (length) {
    const end = headEnd + 4 + Number(length[1]);
    return buffer.length >= end ? { end, status } : undefined;
  }
  if (/\r\ntransfer-encoding:\s*chunked/i.test(head)) {
    const last = buffer.indexOf(LAST_CHUNK, headEnd + 4);
    return last === -1 ? undefined : { end: last + LAST_CHUNK.length, status };
  }
  return { end: headEnd + 4, status };
}

function percentile(sorted: number[], p: number): number {
  return sorted.length === 0 ? Number.NaN : sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))]!;
}

function run(m: LoadRequest): Promise<LoadResult> {
  const bytes = requestBytes(m);
  const url = new URL(m.url);
  const latencies: number[] = [];
  let sent = 0;
  let non2xx = 0;
  let errors = 0;
  const started = performance.now();
  const connection = (): Promise<void> =>
    new Promise((done) => {
      const socket: Socket = connect({ host: url.hostname, port: Number(url.port), noDelay: true });
      let buffer: Buffer = Buffer.alloc(0);
      let sentAt = 0;
      const next = (): void => {
        if (sent >= m.amount) {
          socket.end();
          return done();
        }
        sent++;
        sentAt = performance.now();
        socket.write(bytes);
      };
      socket.once('connect', next);
      socket.on('data', (chunk: Buffer) => {
        buffer = buffer.length === 0 ? chunk : Buffer.concat([buffer, chunk]);
        const answer = responseEnd(buffer);
        if (!answer) return;
        latencies.push(performance.now() - sentAt);
        if (answer.status < 200 || answer.status > 299) non2xx++;
        buffer = buffer.subarray(answer.end);
        next();
      });
      socket.on('error', () => {
        errors++;
        done();
      });
    });
  return Promise.all(Array.from({ length: m.connections }, connection)).then(() => {
    const seconds = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    return { id: m.id, rps: latencies.length / seconds, completed: latencies.length, non2xx, errors, p50ms: percentile(latencies, 50), p99ms: percentile(latencies, 99) };
  });
}

process.on('message', (m: LoadRequest) => {
  run(m).then(
    (answer) => process.send!(answer),
    (error: Error) => process.send!({ id: m.id, rps: 0, completed: 0, non2xx: 0, errors: 0, p50ms: 0, p99ms: 0, error: String(error) }),
  );
});
process.send!({ type: 'ready' });
