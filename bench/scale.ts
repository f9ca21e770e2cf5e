// How generation, type-checking, server start and memory grow with the number of operations.
// Synthetic contracts of 10, 100, 1,000 and 3,000 operations; each row also shows how much each
// figure grew against the previous row of the same run, next to how much the operations grew
// (growth below the operations' growth = better than linear). Then one row per large real
// contract (large-contracts.ts): box.json and discord.json from the shared contracts folder.
// Usage: node --import tsx bench/scale.ts [SIZES...] [--contract FILE]... [--large-only | --no-large]
//   e.g. bench/scale.ts 10 100 1000 --no-large;  bench/scale.ts --large-only --contract api.json
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { stringify } from 'yaml';
import { startChild } from '../generator/commands/dev/child.js';
import { planContract } from '../generator/generate/plan-contract.js';
import { TypeChecker } from '../generator/typecheck/typecheck.js';
import { writePlan } from '../generator/generate/write.js';
import { LARGE_CONTRACTS, measureLargeContract, printLargeRows, sharedContractsDir, type LargeRow } from './large-contracts.js';
import { rssMb } from './server-process.js';

const args = parseArgs({
  allowPositionals: true,
  options: { contract: { type: 'string', multiple: true }, 'large-only': { type: 'boolean', default: false }, 'no-large': { type: 'boolean', default: false } },
});
const sizes = args.positionals.map(Number).filter((n) => n > 0);
const SIZES = args.values['large-only'] ? [] : sizes.length > 0 ? sizes : [10, 100, 1000, 3000];

/** N operations: N/2 resources, each with GET (path + query parameters) and PUT (JSON body). */
function contract(operations: number): string {
  const paths: Record<string, unknown> = {};
  const schemas: Record<string, unknown> = {};
  for (let i = 0; i < 50; i++) {
    schemas[`Item${i}`] = { type: 'object', additionalProperties: false, required: ['id', 'name'], properties: { id: { type: 'integer', minimum: 1 }, name: { type: 'string', maxLength: 64 }, tags: { type: 'array', items: { type: 'string' } } } };
  }
  for (let r = 0; r < Math.ceil(operations / 2); r++) {
    const ref = { $ref: `#/components/schemas/Item${r % 50}` };
    const item: Record<string, unknown> = {
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer', minimum: 1 } }],
      get: { operationId: `getResource${r}`, parameters: [{ name: 'verbose', in: 'query', schema: { type: 'boolean', default: false } }], responses: { '200': { description: 'ok', content: { 'application/json': { schema: ref } } } } },
    };
    if (2 * r + 1 < operations) item.put = { operationId: `putResource${r}`, requestBody: { required: true, content: { 'application/json': { schema: ref } } }, responses: { '200': { description: 'ok', content: { 'application/json': { schema: ref } } } } };
    paths[`/resources${r}/{id}`] = item;
  }
  return stringify({ openapi: '3.1.0', info: { title: `Scale ${operations}`, version: '1.0.0' }, paths, components: { schemas } });
}

interface Row {
  ops: number;
  generate: number;
  typecheck: number;
  start: number;
  rss: number;
}

const rows: Row[] = [];
for (const ops of SIZES) {
  const dir = await mkdtemp(join(tmpdir(), 'specfirst-scale-'));
  try {
    await writeFile(join(dir, 'package.json'), '{ "type": "module" }\n');
    const file = join(dir, `scale-${ops}.yaml`);
    await writeFile(file, contract(ops));
    let t = performance.now();
    const plan = await planContract(file);
    await writePlan(join(dir, 'server'), [plan.name], plan.files);
    const generate = performance.now() - t;
    t = performance.now();
    const errors = new TypeChecker(dir).check([join(dir, 'server', plan.name, 'generated', 'routes.ts')]);
    const typecheck = performance.now() - t;
    if (errors.length > 0) throw new Error(`type errors at ${ops} operations: ${errors[0]!.message}`);
    t = performance.now();
    const child = await startChild(join(dir, 'server'), { SPECFIRST_MOCK: '1', LOG_LEVEL: 'silent', SPECFIRST_LOG: 'dev' });
    const res = await fetch(`${child.url}/resources0/1`);
    const start = performance.now() - t;
    if (res.status !== 200) throw new Error(`first request answered ${res.status}`);
    const rss = await rssMb(child.pid);
    await child.stop();
    rows.push({ ops, generate, typecheck, start, rss });
    console.error(`measured ${ops} operations`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const grew = (row: Row, prev: Row | undefined, key: keyof Row): string => (prev ? `×${((row[key] as number) / (prev[key] as number)).toFixed(1)}` : '');
if (rows.length > 0) {
  console.log('\n| operations | generate ms | type-check ms | start to first request ms | server RSS MB | growth vs previous row: ops / generate / type-check / start / RSS |');
  console.log('|---:|---:|---:|---:|---:|---|');
}
rows.forEach((r, i) => {
  const prev = rows[i - 1];
  const growth = prev ? [grew(r, prev, 'ops'), grew(r, prev, 'generate'), grew(r, prev, 'typecheck'), grew(r, prev, 'start'), grew(r, prev, 'rss')].join(' / ') : 'baseline';
  console.log(`| ${r.ops} | ${Math.round(r.generate)} | ${Math.round(r.typecheck)} | ${Math.round(r.start)} | ${r.rss.toFixed(0)} | ${growth} |`);
});

if (!args.values['no-large']) {
  const shared = sharedContractsDir();
  const files = args.values.contract ?? LARGE_CONTRACTS.map((name) => (shared ? join(shared, name) : name));
  if (!args.values.contract && !shared) console.log('\n! no shared contracts folder found (set SPECFIRST_SHARED_CONTRACTS): the large-contract rows say so');
  const large: LargeRow[] = [];
  for (const file of files) {
    large.push(await measureLargeContract(file));
    console.error(`measured ${file}`);
  }
  printLargeRows(large);
}
