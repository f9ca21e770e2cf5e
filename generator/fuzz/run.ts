// Runs the fuzzer: for every operation and every kind of request (valid, invalid, without
// credentials), one fast-check property over real HTTP, `runs` runs from `seed`. A failing
// property is shrunk by fast-check to the smallest request that still fails, and comes back
// with the problems that request showed. The same seed against the same server replays the run.
import { readAnswer } from '../requests/read-answer.js';
import fc from 'fast-check';
import { checkAnswer, declaredResponses, type Answer } from './checks.js';
import { createOracle } from './oracle.js';
import { operationArbitraries, type FuzzCase, type FuzzKind } from './requests.js';
import type { OpenAPIDocument } from '../contract/load.js';
import type { Operation } from '../model/model.js';
import type { Credentials, RequestSpec } from '../requests/build-request.js';
import { valueChooser } from '../requests/values.js';
import type { Document } from '../../server/runtime/contract/document.js';

export interface FuzzOptions {
  doc: OpenAPIDocument;
  operations: Operation[];
  /** Where the API's paths start: the server's address and the contract's base path. */
  baseUrl: string;
  runs: number;
  seed: number;
  credentials: Credentials;
  /** Longest wait for one answer. */
  timeoutMs: number;
  /** Called once, with how many properties will run, before the first: for progress. */
  onStart?: (properties: number) => void;
  /** Called after each property, for progress lines. */
  onResult?: (result: PropertyResult) => void;
}

export interface PropertyResult {
  /** `POST /pets (createPet)`. */
  operation: string;
  kind: FuzzKind;
  runs: number;
  skipped: number;
  /** Answers 501 (handlers still stubs): not failures, but nothing was checked past the status. */
  notImplemented: number;
  failure?: FuzzFailureReport;
  /** fast-check gave up (too many skipped runs): said, not counted as a failure. */
  gaveUp?: string;
}

export interface FuzzFailureReport {
  request: RequestSpec;
  breaks?: string;
  problems: string[];
  answer?: { status: number; body: string };
  /** After how many runs it failed, and how many shrinking steps made it smaller. */
  failedAfter: number;
  shrinks: number;
}

class Failure extends Error {
  constructor(
    readonly problems: string[],
    readonly answer?: { status: number; body: string },
  ) {
    super(problems.join('; '));
  }
}

const KINDS = ['valid', 'invalid', 'no-credentials'] as const;

export async function fuzz(options: FuzzOptions): Promise<PropertyResult[]> {
  const { checker } = valueChooser(options.doc);
  const requestOracle = createOracle(options.doc as unknown as Document, 'request', checker);
  const responseOracle = createOracle(options.doc as unknown as Document, 'response', checker);
  const results: PropertyResult[] = [];
  const planned = options.operations.map((op) => ({ op, arbitraries: operationArbitraries(options.doc, op, requestOracle, options.credentials) }));
  options.onStart?.(planned.reduce((n, { arbitraries }) => n + KINDS.filter((kind) => arbitraries[kind]).length, 0));
  for (const { op, arbitraries } of planned) {
    const label = `${op.method.toUpperCase()} ${op.path} (${op.name})`;
    const declared = declaredResponses(options.doc, op);
    for (const kind of KINDS) {
      const arbitrary = arbitraries[kind];
      if (!arbitrary) continue;
      let notImplemented = 0;
      const placeholders = Object.keys(op.security?.[0] ?? {}).filter((scheme) => options.credentials[scheme] === undefined);
      const property = fc.asyncProperty(arbitrary, async (c: FuzzCase) => {
        fc.pre(!c.unusable);
        const answer = await send(options.baseUrl, c.spec, options.timeoutMs);
        if (answer.status === 501) notImplemented++;
        const problems = checkAnswer(c.kind, answer, declared, responseOracle);
        if (c.kind === 'valid' && (answer.status === 401 || answer.status === 403) && placeholders.length > 0) {
          problems.push(`placeholder credentials were sent for ${placeholders.join(', ')}: give real ones with --credential NAME=VALUE`);
        }
        if (problems.length > 0) throw new Failure(problems, { status: answer.status, body: answer.body });
      });
      const details = await fc.check(property, { seed: options.seed, numRuns: options.runs, maxSkipsPerRun: 10 });
      const result: PropertyResult = { operation: label, kind, runs: details.numRuns, skipped: details.numSkips, notImplemented };
      if (details.failed && details.counterexample) {
        const [c] = details.counterexample as [FuzzCase];
        const error = details.errorInstance;
        result.failure = {
          request: c.spec,
          breaks: c.breaks,
          problems: error instanceof Failure ? error.problems : [String((error as Error)?.message ?? error)],
          answer: error instanceof Failure ? error.answer : undefined,
          failedAfter: details.numRuns,
          shrinks: details.numShrinks,
        };
      } else if (details.failed) {
        result.gaveUp = `gave up after ${details.numRuns} runs and ${details.numSkips} skipped (no usable request could be made often enough)`;
      }
      results.push(result);
      options.onResult?.(result);
    }
  }
  return results;
}

/** One request; a request fetch refuses to build (a header value it will not send) skips the run. */
async function send(baseUrl: string, spec: RequestSpec, timeoutMs: number): Promise<Answer> {
  let res: Response;
  try {
    res = await fetch(baseUrl + spec.url, { method: spec.method, headers: spec.headers, body: spec.body as RequestInit['body'], redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    const e = error as Error;
    if (e.name === 'TypeError' && e.message !== 'fetch failed') fc.pre(false);
    throw new Failure([e.name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : `no answer: ${e.message}${(e.cause as Error | undefined)?.message ? ` (${(e.cause as Error).message})` : ''}`]);
  }
  return { status: res.status, headers: res.headers, body: await readAnswer(res) };
}
