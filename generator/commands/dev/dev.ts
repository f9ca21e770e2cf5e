// `specfirst dev`: generate, serve, and on every change to a contract or a handler regenerate,
// type-check (incrementally) and switch to a new server version. A version that does not build
// is never switched to: the problems are printed and the last good version keeps serving.
import { resolve } from 'node:path';
import { startChild, type ServerChild } from './child.js';
import { startProxy, type DevProxy } from './proxy.js';
import { watchSources } from './watch.js';
import { generateProject } from '../../generate/generate-project.js';
import { contractsFrom, CONTRACTS_DIR, SERVER_DIR, typeCheckRoots } from '../../paths/project.js';
import { countLine, paint, printDiagnostics } from '../terminal.js';
import type { LoadedContract } from '../../contract/load.js';
import { diffContracts } from '../../diff/diff-contracts.js';
import { breakingLines } from '../../diff/report-text.js';
import type { ContractPlan } from '../../generate/plan-contract.js';
import { TypeChecker } from '../../typecheck/typecheck.js';

export const DEV_HELP = `Usage: specfirst dev [CONTRACT...] [--port PORT] [--host HOST] [--mock]

Generate, serve on HOST:PORT (default 127.0.0.1:3000, or PORT/HOST from the environment), and
watch contracts/ and server/ (handlers). On every change: regenerate (new operations get stubs),
type-check, and switch to the new version. If a contract becomes invalid or a handler stops
compiling, the problems are printed as FILE:LINE:COL and the last good version keeps serving;
it recovers by itself once fixed. Each save also prints the breaking changes to the contract
since dev started, one line each (see specfirst diff).

Options:
  --port PORT, --host HOST   where to listen
  --mock                     handlers that are still stubs answer with their first 2xx response,
                             from the contract's examples or sampled from its schemas

Examples:
  specfirst dev
  specfirst dev --port 8080
  specfirst dev --mock
  npm run dev

Exit status: 0 when stopped with Ctrl+C, 1 if the port is taken, 2 bad usage.`;

export async function runDev(values: { port?: string; host?: string; mock?: boolean }, positionals: string[]): Promise<number> {
  const port = Number(values.port ?? process.env.PORT ?? 3000);
  const host = values.host ?? process.env.HOST ?? '127.0.0.1';
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`specfirst dev: --port must be a port number, not "${values.port}"`);
    return 2;
  }
  const cwd = process.cwd();
  const serverDir = resolve(SERVER_DIR);
  const out = paint(process.stderr);
  const log = (line: string): void => void process.stderr.write(`${out('dim', new Date().toTimeString().slice(0, 8))} ${line}\n`);
  const checker = new TypeChecker(cwd);

  let proxy: DevProxy;
  try {
    proxy = await startProxy(port, host);
  } catch (error) {
    console.error(`specfirst dev: cannot listen on ${host}:${port}: ${(error as Error).message}`);
    return 1;
  }
  const address = proxy.server.address();
  const url = `http://${host}:${typeof address === 'object' && address ? address.port : port}`;
  let current: ServerChild | null = null;
  /** Each contract as dev first loaded it: every later save is diffed against it. */
  const firstContracts = new Map<string, LoadedContract>();

  /** One build: generate → (start a server child ∥ type-check) → switch. Never throws. */
  async function build(): Promise<void> {
    const t0 = performance.now();
    const contracts = await contractsFrom(positionals, cwd);
    const generated = await generateProject(contracts, serverDir);
    const tGenerated = performance.now();
    if (!generated.report) {
      printDiagnostics(generated.diagnostics);
      log(`${out('red', '✗')} ${countLine(generated.diagnostics)} in the contract${current ? '; still serving the last good version' : ''}`);
      return;
    }
    printDiagnostics(generated.diagnostics.filter((d) => d.severity === 'error'));
    for (const line of breakingSinceStart(firstContracts, generated.plans)) log(`${out('red', 'breaking')} ${line}`);
    // The child starts in its own process while this one type-checks.
    const starting = startChild(serverDir, values.mock ? { SPECFIRST_MOCK: '1' } : {}).then(
      (child) => ({ child, ms: performance.now() - tGenerated }),
      (error: Error) => ({ error }),
    );
    const roots = typeCheckRoots(serverDir, generated.plans.map((p) => p.name));
    const typeErrors = checker.check(roots);
    const tChecked = performance.now();
    const started = await starting;
    // Contract errors that do not stop generation (lint-rules.ts) were printed above: the operations
    // they concern are isolated by the server, every other one is served.
    if (typeErrors.length > 0 || 'error' in started) {
      if ('child' in started) await started.child.stop();
      printDiagnostics(typeErrors);
      const why = typeErrors.length > 0 ? `${typeErrors.length} type error(s)` : 'error' in started ? `the server did not start: ${started.error.message}` : 'errors';
      log(`${out('red', '✗')} ${why}${current ? '; still serving the last good version' : ''}`);
      return;
    }
    const previous = current;
    current = started.child;
    proxy.setTarget(current.url);
    const ms = (n: number): string => `${Math.round(n)} ms`;
    const stubs = current.stubs > 0 ? `, ${current.stubs} still answer 501` : '';
    if (!previous) printBanner(generated.plans.map((p) => `${p.model?.title ?? p.name} ${p.model?.version ?? ''}`.trim()));
    log(
      `${out('green', '✓')} ${previous ? 'reloaded' : 'ready'} in ${ms(performance.now() - t0)} (generate ${ms(tGenerated - t0)}, type-check ${ms(tChecked - tGenerated)}, start ${ms(started.ms)}) · ${current.operations} operations${stubs}`,
    );
    await previous?.stop();
  }

  function printBanner(titles: string[]): void {
    process.stderr.write(
      [
        '',
        `  ${out('bold', 'specfirst dev')} serving ${titles.join(', ')}`,
        '',
        `  API      ${out('cyan', url + '/')}`,
        `  Docs     ${out('cyan', url + '/docs')}`,
        `  ReDoc    ${url}/redoc`,
        `  OpenAPI  ${url}/openapi.json`,
        '',
        `  Watching ${CONTRACTS_DIR}/ and ${SERVER_DIR}/ for changes (Ctrl+C to stop)`,
        '',
        '',
      ].join('\n'),
    );
  }

  // Builds never overlap: changes that arrive during one are built right after it.
  let building: Promise<void> | null = null;
  let again = false;
  const schedule = (): void => {
    if (building) {
      again = true;
      return;
    }
    building = build()
      .catch((error: Error) => log(`${out('red', '✗')} ${error.stack ?? error.message}`))
      .finally(() => {
        building = null;
        if (again) {
          again = false;
          schedule();
        }
      });
  };

  schedule();
  const stopWatching = watchSources(cwd, [CONTRACTS_DIR, SERVER_DIR], (files) => {
    log(`${out('cyan', '↻')} ${files.slice(0, 3).join(', ')}${files.length > 3 ? ` and ${files.length - 3} more` : ''} changed`);
    schedule();
  });

  return new Promise((resolveExit) => {
    const stop = async (): Promise<void> => {
      stopWatching();
      await building;
      await current?.stop();
      proxy.server.close();
      proxy.server.closeAllConnections();
      resolveExit(0);
    };
    process.once('SIGINT', () => void stop());
    process.once('SIGTERM', () => void stop());
  });
}

/**
 * The breaking changes of each contract since dev started, one line each (the first build only
 * remembers the contracts). A diff that fails is not dev's concern: the server still reloads.
 */
function breakingSinceStart(started: Map<string, LoadedContract>, plans: readonly ContractPlan[]): string[] {
  const lines: string[] = [];
  for (const plan of plans) {
    if (!plan.contract) continue;
    const first = started.get(plan.name);
    if (!first) {
      started.set(plan.name, plan.contract);
      continue;
    }
    const changes = diffContracts(first, plan.contract, { today: new Date().toISOString().slice(0, 10) });
    lines.push(...breakingLines({ contracts: [{ base: plan.name, revision: plan.name, changes }], stale: [], expired: [] }));
  }
  return lines;
}
