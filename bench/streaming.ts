// Items per second of a Server-Sent Events stream of small objects over loopback: specfirst
// (each item checked against the contract's itemSchema, framed, written with back-pressure) against
// a hand-written Express `res.write` loop (framed the same way, unchecked). Both read their items
// from the same async generator and are read by the same client, one at a time, in a process of
// their own (an Express app once injected by light-my-request cannot serve sockets in that process).
// Usage (by measureStreaming): node --import tsx bench/streaming.ts ITEMS ROUNDS → JSON on stdout.
import { execFile } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { SOURCE_NODE_ARGS } from './node-args.js';
import { request, type Server } from 'node:http';
import express from 'express';
import { pino } from 'pino';
import type { ApiDefinition } from '../server/runtime/api.js';
import { createApp } from '../server/runtime/create-app.js';
import { listen, serverUrl } from '../server/runtime/lifecycle.js';
import { summarize } from './stats.js';

export interface StreamingOptions {
  /** Items per stream. */
  items: number;
  /** Streams per target (alternating), after one warm-up stream each. */
  rounds: number;
}

export interface StreamingResult {
  /** Items per second, one per round. */
  specfirst: number[];
  express: number[];
}

const TICK = { type: 'object', required: ['n', 'label'], additionalProperties: false, properties: { n: { type: 'integer', minimum: 0 }, label: { type: 'string', maxLength: 16 } } };

const DOCUMENT = {
  openapi: '3.2.0',
  info: { title: 'Stream bench', version: '1.0.0' },
  paths: {
    '/ticks': {
      get: {
        operationId: 'ticks',
        responses: {
          '200': {
            description: 'ticks',
            content: { 'text/event-stream': { itemSchema: { type: 'object', required: ['data'], properties: { event: { type: 'string' }, data: { contentMediaType: 'application/json', contentSchema: { $ref: '#/components/schemas/Tick' } } } } } },
          },
        },
      },
    },
  },
  components: { schemas: { Tick: TICK } },
};

async function* ticks(count: number): AsyncGenerator<{ event: string; data: { n: number; label: string } }> {
  for (let n = 0; n < count; n++) yield { event: 'tick', data: { n, label: 'tick' } };
}

function specfirstServer(count: number): Promise<Server> {
  const api: ApiDefinition = {
    name: 'stream-bench',
    title: 'Stream bench',
    version: '1.0.0',
    document: DOCUMENT,
    securitySchemes: {},
    routes: [
      {
        operation: 'ticks',
        method: 'get',
        path: '/ticks',
        expressPath: '/ticks',
        parameters: { path: [], query: [], header: [], cookie: [] },
        requestMediaTypes: [],
        security: null,
        responses: { '200': ['text/event-stream'] },
        handler: () => ({ status: 200, body: ticks(count) }),
      },
    ],
  };
  return listen(createApp({ apis: [api], logger: pino({ level: 'silent' }) }), { port: 0, host: '127.0.0.1' });
}

function expressServer(count: number): Promise<Server> {
  const app = express();
  app.get('/ticks', async (_req, res) => {
    res.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
    res.setHeader('Cache-Control', 'no-cache');
    for await (const { event, data } of ticks(count)) {
      if (!res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`)) await once(res, 'drain');
    }
    res.end();
  });
  const server = app.listen(0, '127.0.0.1');
  return once(server, 'listening').then(() => server);
}

/** Reads one stream to its end; items per second (counted by their blank-line separators). */
function readStream(url: string, expected: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    request(url, (res) => {
      let items = 0;
      let lastWasNewline = false;
      res.on('data', (chunk: Buffer) => {
        for (const b of chunk) {
          if (b === 0x0a) {
            if (lastWasNewline) items++;
            lastWasNewline = true;
          } else lastWasNewline = false;
        }
      });
      res.on('end', () => (items === expected ? resolve((items / (performance.now() - start)) * 1000) : reject(new Error(`${items} of ${expected} items arrived`))));
      res.on('error', reject);
    })
      .on('error', reject)
      .end();
  });
}

/** Runs the measurement in a child process and returns what it measured. */
export async function measureStreaming({ items, rounds }: StreamingOptions): Promise<StreamingResult> {
  const { stdout } = await promisify(execFile)(process.execPath, [...SOURCE_NODE_ARGS, fileURLToPath(import.meta.url), String(items), String(rounds)], { maxBuffer: 1024 * 1024 });
  return JSON.parse(stdout) as StreamingResult;
}

async function measureHere({ items, rounds }: StreamingOptions): Promise<StreamingResult> {
  const servers = { specfirst: await specfirstServer(items), express: await expressServer(items) };
  const result: StreamingResult = { specfirst: [], express: [] };
  try {
    for (const name of ['specfirst', 'express'] as const) await readStream(`${serverUrl(servers[name])}/ticks`, items);
    for (let round = 0; round < rounds; round++) {
      // Alternating, so that a slower moment of the machine does not fall on one target only.
      for (const name of round % 2 === 0 ? (['specfirst', 'express'] as const) : (['express', 'specfirst'] as const)) {
        result[name].push(await readStream(`${serverUrl(servers[name])}/ticks`, items));
      }
    }
  } finally {
    for (const server of Object.values(servers)) {
      server.closeAllConnections();
      server.close();
    }
  }
  return result;
}

export function printStreaming(result: StreamingResult, { items, rounds }: StreamingOptions): number {
  const s = summarize(result.specfirst).median;
  const e = summarize(result.express).median;
  console.log(`\n## Streams: Server-Sent Events of small objects\n`);
  console.log(`${items} items per stream, ${rounds} streams per target over loopback, medians. specfirst checks each item against itemSchema before writing it; the Express loop writes the same frames unchecked.\n`);
  console.log(`specfirst (validated): ${Math.round(s)} items/s`);
  console.log(`Express res.write loop: ${Math.round(e)} items/s`);
  const ratio = s / e;
  console.log(`ratio streaming specfirst/express: ${ratio.toFixed(2)} (goal ≥ 0.8)`);
  return ratio;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [items, rounds] = process.argv.slice(2).map(Number);
  process.stdout.write(JSON.stringify(await measureHere({ items: items!, rounds: rounds! })));
}
