// `specfirst fuzz [CONTRACT] --url URL`: conformance fuzzing of a running server. Per operation,
// fast-check properties over requests made from the contract's schemas (valid ones, ones that
// break one rule, ones without credentials); every answer is checked against the contract. A
// failure is shrunk to the smallest request and printed with the seed that replays the run.
import { resolve } from 'node:path';
import { basePath, type Document } from '../../server/runtime/contract/document.js';
import { failureReport, resultTable } from '../fuzz/report.js';
import { fuzz, type PropertyResult } from '../fuzz/run.js';
import { displayPath, loadContract, type OpenAPIDocument } from '../contract/load.js';
import { buildModel } from '../model/model.js';
import { paint, printDiagnostics } from './terminal.js';
import { progress } from './progress.js';
import type { Credentials } from '../requests/build-request.js';

export const FUZZ_HELP = `Usage: specfirst fuzz [CONTRACT] --url URL [--runs N] [--seed S] [options]

Fuzz a running server against its contract. For every operation, three fast-check properties
over real HTTP: valid requests (every parameter and body drawn from its schema by
json-schema-faker) must not be refused; invalid requests (one thing broken: a parameter's
value, a required parameter or body left out, an undeclared query parameter, a body that breaks
its schema or does not parse, an undeclared media type) must be refused with a 4xx; requests
without credentials to a secured operation must get 401. Every answer: no 5xx (501 from a stub
aside), status and media type declared, body and headers valid against the contract.
A failure is shrunk to the smallest request that still fails and printed with the seed.

CONTRACT is the contract file; without it, the server's own /openapi.json is fuzzed. Requests go
to URL plus the base path of the contract's first \`servers\` entry.

Options:
  --url URL                 the server, e.g. http://127.0.0.1:3000 (required)
  --runs N                  runs per operation and kind of request (default 100)
  --seed S                  the seed: the same seed against the same server replays a run
                            (default: a new one, printed)
  --credential NAME=VALUE   a credential for the security scheme NAME: an API key, a bearer
                            token, or user:password for Basic (repeatable; without one,
                            placeholders are sent, which mock mode accepts)
  --operation ID            fuzz only this operation (its operationId; repeatable)
  --timeout MS              longest wait for one answer (default 5000)

Examples:
  specfirst fuzz --url http://127.0.0.1:3000
  specfirst fuzz contracts/petstore.yaml --url http://127.0.0.1:3000 --runs 200 --seed 42 \\
    --credential apiKey=specfirst-example-key --credential bearerAuth=$(npm run -s example:token)

Exit status: 0 every check passed, 1 a check failed (or the contract or server could not be
reached), 2 bad usage.`;

export interface FuzzValues {
  url?: string;
  runs?: string;
  seed?: string;
  credential?: string[];
  operation?: string[];
  timeout?: string;
}

export async function runFuzz(values: FuzzValues, positionals: string[]): Promise<number> {
  const usage = (message: string) => {
    console.error(`specfirst fuzz: ${message}\n\n${FUZZ_HELP}`);
    return 2;
  };
  if (!values.url) return usage('--url is required');
  if (positionals.length > 1) return usage('name at most one contract');
  const runs = Number(values.runs ?? 100);
  const seed = values.seed === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(values.seed);
  const timeoutMs = Number(values.timeout ?? 5000);
  if (!Number.isInteger(runs) || runs < 1) return usage(`--runs must be a positive integer, not ${values.runs}`);
  if (!Number.isInteger(seed)) return usage(`--seed must be an integer, not ${values.seed}`);
  if (!Number.isInteger(timeoutMs) || timeoutMs < 1) return usage(`--timeout must be a positive integer, not ${values.timeout}`);
  const credentials: Credentials = {};
  for (const c of values.credential ?? []) {
    const eq = c.indexOf('=');
    if (eq < 1) return usage(`--credential takes NAME=VALUE, not ${c}`);
    credentials[c.slice(0, eq)] = c.slice(eq + 1);
  }
  const url = values.url.replace(/\/+$/, '');
  const doc = await contractDocument(positionals[0], url);
  if (!doc) return 1;
  const model = buildModel(doc);
  const operations = values.operation?.length ? model.operations.filter((op) => values.operation!.includes(op.operationId ?? op.name)) : model.operations;
  if (operations.length === 0) return usage(`no operation ${values.operation!.join(', ')} in the contract`);

  const replay = ['specfirst fuzz', ...positionals, '--url', url, '--runs', String(runs), '--seed', String(seed), ...(values.operation ?? []).flatMap((o) => ['--operation', o])].join(' ');
  console.log(`specfirst fuzz: ${doc.info.title} ${doc.info.version} at ${url}, ${runs} runs per operation and kind, seed ${seed}\n`);
  const shown = progress('fuzz', positionals[0] ? displayPath(resolve(positionals[0])) : url);
  const results = await fuzz({
    doc,
    operations,
    baseUrl: url + basePath(doc as unknown as Document),
    runs,
    seed,
    credentials,
    timeoutMs,
    onStart: (properties) => shown.stage('properties', properties, 'properties'),
    onResult: () => shown.tick(),
  });
  shown.done();
  return printResults(results, replay);
}

function printResults(results: PropertyResult[], replay: string): number {
  const c = paint(process.stdout);
  console.log(resultTable(results));
  const failed = results.filter((r) => r.failure);
  for (const r of failed) console.log(`\n${c('red', failureReport(r))}`);
  for (const r of results.filter((x) => x.gaveUp)) console.log(`\n${c('yellow', `! ${r.operation}, ${r.kind}: ${r.gaveUp}`)}`);
  const requests = results.reduce((n, r) => n + r.runs, 0);
  if (failed.length > 0) console.log(`\nReplay: ${replay}`);
  console.log(`\nspecfirst fuzz: ${results.length} properties, ${requests} requests checked, ${failed.length} failed (seed ${replay.match(/--seed (\S+)/)![1]})`);
  return failed.length > 0 ? 1 : 0;
}

/** The contract named, or the one the server serves at /openapi.json. */
async function contractDocument(path: string | undefined, url: string): Promise<OpenAPIDocument | null> {
  if (path) {
    const { contract, diagnostics } = await loadContract(resolve(path));
    if (!contract) {
      printDiagnostics(diagnostics.filter((d) => d.severity === 'error'));
      console.error(`specfirst fuzz: ${displayPath(resolve(path))} could not be loaded`);
      return null;
    }
    return contract.document;
  }
  try {
    const res = await fetch(`${url}/openapi.json`, { signal: AbortSignal.timeout(10_000) });
    if (!res.ok) throw new Error(`${url}/openapi.json answered ${res.status}`);
    return (await res.json()) as OpenAPIDocument;
  } catch (error) {
    console.error(`specfirst fuzz: no contract named and none at ${url}/openapi.json (${(error as Error).message}); name the contract file`);
    return null;
  }
}
