// How long a client may take and how much it may hold: the HTTP server's timeouts and limits,
// their production defaults, and how they are read from the environment. Node's own defaults
// (60 s for headers, 300 s for a request, checked every 30 s, no cap on connections) let one slow
// client hold a connection for minutes; these cut it off within the bound and say so in the log.

export interface ServerLimits {
  /** Time to receive the request line and every header, from the connection's first byte. */
  headersTimeoutMs: number;
  /** Time to receive the whole request, body included (not the time the handler takes). */
  requestTimeoutMs: number;
  /** How long an idle keep-alive connection stays open between requests. */
  keepAliveTimeoutMs: number;
  /** Connections open at once; more are closed as they arrive. Per process (per worker). */
  maxConnections: number;
  /** Bytes of request line and headers together; more is answered 431. */
  maxHeaderSize: number;
}

export const DEFAULT_LIMITS: Readonly<ServerLimits> = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  keepAliveTimeoutMs: 5_000,
  maxConnections: 4_096,
  maxHeaderSize: 16 * 1024,
};

/** Each limit's environment variable. */
export const LIMIT_VARIABLES: Readonly<Record<keyof ServerLimits, string>> = {
  headersTimeoutMs: 'SPECFIRST_HEADERS_TIMEOUT_MS',
  requestTimeoutMs: 'SPECFIRST_REQUEST_TIMEOUT_MS',
  keepAliveTimeoutMs: 'SPECFIRST_KEEP_ALIVE_TIMEOUT_MS',
  maxConnections: 'SPECFIRST_MAX_CONNECTIONS',
  maxHeaderSize: 'SPECFIRST_MAX_HEADER_SIZE',
};

/** The limits an environment sets (only those it sets); a value that is not a whole number is an error naming the variable. */
export function limitsFromEnv(env: Record<string, string | undefined>): Partial<ServerLimits> {
  const out: Partial<ServerLimits> = {};
  for (const [key, variable] of Object.entries(LIMIT_VARIABLES) as [keyof ServerLimits, string][]) {
    const text = env[variable]?.trim();
    if (text === undefined || text === '') continue;
    if (!/^\d+$/.test(text)) throw new Error(`${variable} must be a whole number${key.endsWith('Ms') ? ' of milliseconds' : ''}, got "${text}"`);
    out[key] = Number(text);
  }
  return out;
}

/**
 * The defaults, then each given layer in order (later wins), checked: 0 turns a timeout off
 * (as in Node), and the headers must be allowed to arrive within the whole request's time.
 */
export function resolveLimits(...layers: (Partial<ServerLimits> | undefined)[]): ServerLimits {
  const limits: ServerLimits = { ...DEFAULT_LIMITS };
  for (const layer of layers) {
    for (const [key, value] of Object.entries(layer ?? {}) as [keyof ServerLimits, number | undefined][]) if (value !== undefined) limits[key] = value;
  }
  for (const [key, value] of Object.entries(limits) as [keyof ServerLimits, number][]) {
    if (!Number.isSafeInteger(value) || value < 0) throw new Error(`limit ${key} must be a whole number ≥ 0, got ${value}`);
  }
  if (limits.maxHeaderSize === 0) throw new Error('limit maxHeaderSize must be above 0');
  if (limits.requestTimeoutMs > 0 && limits.headersTimeoutMs > limits.requestTimeoutMs) {
    throw new Error(`limit headersTimeoutMs (${limits.headersTimeoutMs}) must not exceed requestTimeoutMs (${limits.requestTimeoutMs})`);
  }
  return limits;
}

/**
 * How often Node looks for requests past their timeouts (30 s by default, which is how a 10 s
 * limit became 40): a quarter of the shortest timeout, between 50 ms and 1 s, so a slow client is
 * cut at most that much after its bound.
 */
export function checkingIntervalMs(limits: ServerLimits): number {
  const timeouts = [limits.headersTimeoutMs, limits.requestTimeoutMs].filter((t) => t > 0);
  if (timeouts.length === 0) return 30_000;
  return Math.min(1_000, Math.max(50, Math.floor(Math.min(...timeouts) / 4)));
}
