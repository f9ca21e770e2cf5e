// Shared by the tests: paths, temporary folders inside the project (so generated code resolves
// node_modules like real code does), the CLI as a child process, and a real server on an
// ephemeral 127.0.0.1 port.
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Server } from 'node:http';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { planContract } from '../generator/generate/plan-contract.js';
import { writePlan } from '../generator/generate/write.js';
import type { ApiDefinition } from '../server/runtime/api.js';
import { createApp, type AppOptions, type SpecfirstApp } from '../server/runtime/create-app.js';
import { listen, serverUrl } from '../server/runtime/lifecycle.js';
// Before any request reaches the example's handlers: its database, one per test process.
import './example-database.js';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const fixture = (...parts: string[]): string => join(ROOT, 'test', 'fixtures', ...parts);

/**
 * A new folder under test/artifacts/ (git-ignored), with a package.json saying ESM. With
 * `linkSpecfirst`, specfirst and @specfirst/runtime are installed there as links to this checkout, for a
 * project whose own code imports them (the server/main.ts that `specfirst init` writes): they then resolve
 * to the sources, with the specfirst-source condition the CLI passes when it runs from them.
 */
export async function tempProject(prefix: string, { linkSpecfirst = false } = {}): Promise<{ dir: string; remove: () => Promise<void> }> {
  const base = join(ROOT, 'test', 'artifacts');
  await mkdir(base, { recursive: true });
  const dir = await mkdtemp(join(base, `${prefix}-`));
  await writeFile(join(dir, 'package.json'), '{ "type": "module" }\n');
  if (linkSpecfirst) {
    await mkdir(join(dir, 'node_modules'));
    await symlink(ROOT, join(dir, 'node_modules', 'specfirst'), 'dir');
    await mkdir(join(dir, 'node_modules', '@specfirst'));
    await symlink(join(ROOT, 'server', 'runtime'), join(dir, 'node_modules', '@specfirst', 'runtime'), 'dir');
  }
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `specfirst ARGS` as a person would, in `cwd`. */
export function runCli(args: string[], cwd = ROOT): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'generator', 'bin.js'), ...args], { cwd, env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Generates a contract into outDir in-process (what `specfirst generate C --out DIR` does). */
export async function generateInto(contract: string, outDir: string) {
  const plan = await planContract(contract);
  if (plan.files.length === 0) throw new Error(`${contract} did not generate: ${JSON.stringify(plan.diagnostics)}`);
  await writePlan(outDir, [plan.name], plan.files);
  return plan;
}

export async function importApi(outDir: string, name: string): Promise<ApiDefinition> {
  const mod = (await import(pathToFileURL(join(outDir, name, 'generated', 'routes.ts')).href)) as { api: ApiDefinition };
  return mod.api;
}

/** Log lines the app wrote, parsed. */
export class LogCapture {
  readonly lines: Record<string, unknown>[] = [];
  readonly logger = pino(
    { level: 'debug' },
    new Writable({
      write: (chunk: Buffer, _enc, done) => {
        for (const line of chunk.toString().split('\n').filter(Boolean)) this.lines.push(JSON.parse(line) as Record<string, unknown>);
        done();
      },
    }),
  );
  text(): string {
    return this.lines.map((l) => JSON.stringify(l)).join('\n');
  }
}

export interface RunningServer {
  url: string;
  app: SpecfirstApp;
  server: Server;
  close: () => Promise<void>;
}

export async function startServer(options: AppOptions): Promise<RunningServer> {
  const app = createApp(options);
  const server = await listen(app, { port: 0, host: '127.0.0.1' });
  return {
    url: serverUrl(server),
    app,
    server,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        if (!server.listening) return resolve();
        server.close(() => resolve());
      }),
  };
}

/** tsc's errors over every .ts file under `dir` (generated code, stubs, handlers), strict, in memory. */
export async function typeErrorsUnder(dir: string): Promise<string[]> {
  const { default: ts } = await import('typescript');
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((e) => e.isFile() && e.name.endsWith('.ts')).map((e) => join(e.parentPath, e.name));
  const program = ts.createProgram(files, {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    customConditions: ['specfirst-source'],
    lib: ['lib.es2023.d.ts'],
    types: ['node'],
    typeRoots: [join(ROOT, 'node_modules', '@types')],
    strict: true,
    noEmit: true,
    skipLibCheck: true,
  });
  return ts.getPreEmitDiagnostics(program).map((d) => `${d.file?.fileName.slice(dir.length)}: TS${d.code} ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`);
}

export interface Served {
  url: string;
  logs: LogCapture;
  close(): Promise<void>;
}

/**
 * Generates the contract into a temporary project, replaces every stub with a handler answering
 * `responses[operationName]` (default `{ status: 200, body: {} }`; an expression that may read the
 * typed `request`), and serves it. Throws when the contract does not generate.
 */
export async function serveGenerated(contract: string, responses: Record<string, string> = {}, prefix = 'served'): Promise<Served> {
  const project = await tempProject(prefix);
  const logs = new LogCapture();
  try {
    const plan = await generateInto(contract, project.dir);
    for (const op of plan.model!.operations) {
      const answer = responses[op.name] ?? '{ status: 200, body: {} }';
      const code = `import type { Handlers } from "../generated/operations.js";\nexport const ${op.name}: Handlers[${JSON.stringify(op.name)}] = async (request) => (${answer}) as never;\n`;
      await writeFile(join(project.dir, plan.name, 'handlers', `${op.fileStem}.ts`), code);
    }
    const server: RunningServer = await startServer({ apis: [await importApi(project.dir, plan.name)], logger: logs.logger, exposeErrors: true });
    return {
      url: server.url,
      logs,
      close: async () => {
        await server.close();
        await project.remove();
      },
    };
  } catch (error) {
    await project.remove();
    throw error;
  }
}
