// In-process cost of a request, without sockets: light-my-request injects a request into a
// target's listener, one at a time, yielding to the event loop between requests (so that work a
// target defers with setImmediate, such as a log write, is paid inside the batch), and the
// process's CPU time (user + system, every thread: GC helpers included) is read around a batch.
// Never used to assert anything: numbers only.
import type { RequestListener } from 'node:http';
import { inject, type InjectOptions } from 'light-my-request';

/** One request as the injector takes it, with the status a correct answer has. */
export interface InjectRequest {
  method: 'GET' | 'POST';
  url: string;
  headers: Record<string, string>;
  body?: string;
  status: number;
}

export interface InjectResult {
  status: number;
  payload: string;
}

function options(request: InjectRequest): InjectOptions {
  return { method: request.method, url: request.url, headers: request.headers, ...(request.body === undefined ? {} : { payload: request.body }) };
}

export async function injectOnce(listener: RequestListener, request: InjectRequest): Promise<InjectResult> {
  const res = await inject(listener as never, options(request));
  return { status: res.statusCode, payload: res.payload };
}

export interface BatchResult {
  /** CPU microseconds per request, harness included (subtract a null route's batch). */
  cpuUs: number;
  /** Answers whose status was not the expected one. */
  wrong: number;
}

const yieldToLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** `n` requests, one after the other; only the status is checked inside the timed loop. */
export async function measureBatch(listener: RequestListener, request: InjectRequest, n: number): Promise<BatchResult> {
  // The options were checked by injectOnce before; skipping the check makes the harness lighter.
  const opts = { ...options(request), validate: false };
  let wrong = 0;
  await yieldToLoop();
  const start = process.cpuUsage();
  for (let i = 0; i < n; i++) {
    const res = await inject(listener as never, opts);
    if (res.statusCode !== request.status) wrong++;
    await yieldToLoop();
  }
  const used = process.cpuUsage(start);
  return { cpuUs: (used.user + used.system) / n, wrong };
}

export interface PairedResult {
  target: BatchResult;
  /** The null route's cost per request over the same slices: the harness alone. */
  harnessUs: number;
}

/**
 * `n` requests to the target and `n` to the null route, alternating in `slices` slices (ABBA: a
 * slow moment of the machine falls on both sides of the subtraction, and neither side always
 * goes first). A few unmeasured requests first refill the caches this process lost while others
 * were measured, so the first slice does not pay for them.
 */
export async function measurePaired(listener: RequestListener, nullRoute: RequestListener, request: InjectRequest, n: number, slices: number): Promise<PairedResult> {
  const size = Math.max(1, Math.round(n / slices));
  const nullRequest = { ...request, status: 200 };
  await measureBatch(listener, request, Math.min(size, 10));
  await measureBatch(nullRoute, nullRequest, Math.min(size, 10));
  let targetUs = 0;
  let harnessUs = 0;
  let wrong = 0;
  for (let i = 0; i < slices; i++) {
    const nullFirst = i % 2 === 1;
    const h1 = nullFirst ? await measureBatch(nullRoute, nullRequest, size) : undefined;
    const t = await measureBatch(listener, request, size);
    const h = h1 ?? (await measureBatch(nullRoute, nullRequest, size));
    targetUs += t.cpuUs;
    harnessUs += h.cpuUs;
    wrong += t.wrong;
  }
  return { target: { cpuUs: targetUs / slices, wrong }, harnessUs: harnessUs / slices };
}
