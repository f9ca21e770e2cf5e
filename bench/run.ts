// `npm run bench`: the example's three operations in every configuration and peer, measured as the
// server's CPU time per request under loopback load (with requests per second and latency beside
// it), start-up time and memory, the cold start of built servers (cold-start.ts), the size sweep and streaming; the last line is the summary
// `ratio full/express: get=R list=R post=R` (specfirst as `npm start` runs it, CPU per request).
// Usage: node --import tsx bench/run.ts [--quick] [--only loopback,startup,cold,sweep,streaming]
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { measureColdStart, printColdStart } from './cold-start.js';
import { measureLoopback, printLoopback, printPeers, ratioToExpress, type LoopbackOptions, type LoopbackResult } from './loopback.js';
import { pinning } from './pinning.js';
import { measureSizeSweep, printSizeSweep, type SweepOptions } from './size-sweep.js';
import { measureStartup } from './startup.js';
import { measureStreaming, printStreaming, type StreamingOptions } from './streaming.js';
import { fixed, summarize, table } from './stats.js';
import { TARGETS, type TargetName } from './targets.js';
import { responseValidationCanBeOff } from './targets/specfirst-app.js';

const PARTS = ['loopback', 'startup', 'cold', 'sweep', 'streaming'] as const;
const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false }, only: { type: 'string' } } });
const parts = new Set(values.only ? values.only.split(',') : PARTS);
for (const p of parts) if (!(PARTS as readonly string[]).includes(p)) throw new Error(`--only: unknown part ${p}; parts: ${PARTS.join(', ')}`);
const quick = values.quick;

const loopback: LoopbackOptions = quick ? { rounds: 3, requests: 1000, warmup: 1000, connections: 10 } : { rounds: 7, requests: 1500, warmup: 2000, connections: 10 };
const startSamples = quick ? 1 : 3;
const coldSamples = quick ? 3 : 9;
const sweep: SweepOptions = quick
  ? { sizes: [10, 1000], rounds: 3, batch: 100, cpuMsPerMeasurement: 100, warmup: 100 }
  : { sizes: [10, 100, 1000, 3000], rounds: 7, batch: 300, cpuMsPerMeasurement: 200, warmup: 100 };

const streaming: StreamingOptions = quick ? { items: 5_000, rounds: 3 } : { items: 50_000, rounds: 7 };

const began = performance.now();
/** Runs one part, telling stderr how long it took (the whole bench must stay under 10 minutes). */
async function timed<T>(part: string, run: () => Promise<T>): Promise<T> {
  const t = performance.now();
  const result = await run();
  console.error(`${part} took ${((performance.now() - t) / 1000).toFixed(0)} s`);
  return result;
}
console.log(`# specfirst bench${quick ? ' (--quick: fewer rounds, smaller batches; for development, not for conclusions)' : ''}\n`);
console.log(`node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, load average at start ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
const canBeOff = await responseValidationCanBeOff();
console.log(
  canBeOff
    ? 'createApp({ validateResponses: false }) turns response validation off: request-only is measured as such.'
    : '! createApp({ validateResponses: false }) is not honoured by this runtime yet: "specfirst request-only" still validates responses.',
);

let loopbackResult: LoopbackResult | undefined;
if (parts.has('loopback')) {
  loopbackResult = await timed('loopback', () => measureLoopback(loopback));
  printLoopback(loopbackResult, loopback, pinning());
  printPeers(loopbackResult);
}

if (parts.has('startup') || loopbackResult) {
  const starts = parts.has('startup') ? await timed('start-up', () => measureStartup(TARGETS.map((t) => t.name), startSamples)) : new Map<TargetName, number[] | Error>();
  console.log(`\n## Start-up and memory\n`);
  console.log(`Start to first request: spawn the server process (node --import tsx), time until GET /pets/2 answers 200; ${startSamples} sample(s) per target. RSS: of the loopback server after its warm-up.\n`);
  const rows = TARGETS.map((t) => {
    const s = starts.get(t.name);
    const start = s instanceof Error ? `failed: ${s.message.slice(0, 80)}` : s && s.length > 0 ? `${fixed(summarize(s).median, 0)} (${fixed(summarize(s).min, 0)}–${fixed(summarize(s).max, 0)})` : '—';
    const rss = loopbackResult?.rssMb.get(t.name);
    return [t.label, start, rss === undefined ? '—' : fixed(rss, 0)];
  });
  console.log(table(['target', 'start to first request ms, median (min–max)', 'RSS after warm-up MB'], rows));
}

if (parts.has('cold')) printColdStart(await timed('cold start', () => measureColdStart(coldSamples)), coldSamples);

if (parts.has('sweep')) printSizeSweep(await timed('size sweep', () => measureSizeSweep(sweep)), sweep);

let streamRatio: number | undefined;
if (parts.has('streaming')) streamRatio = printStreaming(await timed('streaming', () => measureStreaming(streaming)), streaming);

console.error(`bench took ${((performance.now() - began) / 1000).toFixed(0)} s; load average at end ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
const ratio = (op: 'get' | 'list' | 'post'): string => (loopbackResult ? fixed(ratioToExpress(loopbackResult, 'specfirst-full', op), 2) : 'n/a');
console.log(`\nratio full/express: get=${ratio('get')} list=${ratio('list')} post=${ratio('post')} sse=${streamRatio === undefined ? 'n/a' : fixed(streamRatio, 2)}`);
