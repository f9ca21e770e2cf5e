// Argument parsing only: picks the command, parses its options, prints its help; the command
// modules do the work and return the exit status. A command's module is loaded only when that
// command runs, so `specfirst start` does not load the generator (TypeScript, prettier, …).
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { packageVersion } from './paths/package-root.js';

const HELP = `specfirst: the OpenAPI contract is the single source of truth.

Usage: specfirst <command> [options]

Commands:
  init [NAME] [--template T]   start a new contract in contracts/NAME.yaml, generated and ready
                               (--upgrade: move a project made by an earlier init to @specfirst/runtime)
  dev                          generate, serve, and reload on every change to a contract or handler
  generate [CONTRACT...]       check contracts, write types, route bindings and handler stubs
  lint [CONTRACT...]           report every problem of the contracts, compiler style
  check [CONTRACT...]          what CI runs: lint + generated code up to date + handlers compile (+ --base REF: no breaking change)
  build                        compile the project (tsconfig.json) for production, contracts beside the code
  start [ENTRY] [--workers N]  serve the built project with plain node, on N cores
  verify CONTRACT...           try contracts end to end: generate, compile, serve mocked, send requests
  fuzz [CONTRACT] --url URL    property-based requests against a running server, failures shrunk
  diff BASE REVISION           breaking changes between two versions (or --base GIT-REF)

Run \`specfirst <command> --help\` for its options and examples.

Examples:
  specfirst init todo && specfirst dev
  specfirst generate ../api/openapi.yaml --out /tmp/try
  specfirst check
  specfirst build && NODE_ENV=production specfirst start

Exit status: 0 success, 1 problems found, 2 bad usage.`;

type Values = Record<string, string | boolean | undefined>;

interface Command {
  options: ParseArgsConfig['options'];
  load: () => Promise<{ help: string; run: (values: Values, positionals: string[]) => Promise<number> }>;
}

const COMMANDS: Record<string, Command> = {
  generate: {
    options: { out: { type: 'string' }, check: { type: 'boolean' } },
    load: async () => {
      const m = await import('./commands/generate.js');
      return { help: m.GENERATE_HELP, run: (v, p) => m.runGenerate(v as { out?: string; check?: boolean }, p) };
    },
  },
  lint: {
    options: {},
    load: async () => {
      const m = await import('./commands/lint.js');
      return { help: m.LINT_HELP, run: (_v, p) => m.runLint(p) };
    },
  },
  check: {
    options: { out: { type: 'string' }, base: { type: 'string' } },
    load: async () => {
      const m = await import('./commands/check.js');
      return { help: m.CHECK_HELP, run: (v, p) => m.runCheck(v as { out?: string; base?: string }, p) };
    },
  },
  init: {
    options: { template: { type: 'string' }, upgrade: { type: 'boolean' } },
    load: async () => {
      const m = await import('./commands/init/init.js');
      return { help: m.INIT_HELP, run: (v, p) => m.runInit(v as { template?: string; upgrade?: boolean }, p) };
    },
  },
  dev: {
    options: { port: { type: 'string' }, host: { type: 'string' }, mock: { type: 'boolean' } },
    load: async () => {
      const m = await import('./commands/dev/dev.js');
      return { help: m.DEV_HELP, run: (v, p) => m.runDev(v as { port?: string; host?: string; mock?: boolean }, p) };
    },
  },
  verify: {
    options: { json: { type: 'boolean' }, format: { type: 'string' }, strict: { type: 'boolean' } },
    load: async () => {
      const m = await import('./commands/verify.js');
      return { help: m.VERIFY_HELP, run: (v, p) => m.runVerify(v as { json?: boolean; format?: string; strict?: boolean }, p) };
    },
  },
  fuzz: {
    options: {
      url: { type: 'string' },
      runs: { type: 'string' },
      seed: { type: 'string' },
      credential: { type: 'string', multiple: true },
      operation: { type: 'string', multiple: true },
      timeout: { type: 'string' },
    },
    load: async () => {
      const m = await import('./commands/fuzz.js');
      return { help: m.FUZZ_HELP, run: (v, p) => m.runFuzz(v as import('./commands/fuzz.js').FuzzValues, p) };
    },
  },
  diff: {
    options: { base: { type: 'string' }, format: { type: 'string' }, 'fail-on': { type: 'string' }, accepted: { type: 'string' }, impact: { type: 'boolean' } },
    load: async () => {
      const m = await import('./commands/diff.js');
      return { help: m.DIFF_HELP, run: (v, p) => m.runDiff(v as import('./commands/diff.js').DiffValues, p) };
    },
  },
  build: {
    options: {},
    load: async () => {
      const m = await import('./commands/build.js');
      return { help: m.BUILD_HELP, run: (_v, p) => m.runBuild(p) };
    },
  },
  start: {
    options: { workers: { type: 'string' } },
    load: async () => {
      const m = await import('./commands/start.js');
      return { help: m.START_HELP, run: (v, p) => m.runStart(v as { workers?: string }, p) };
    },
  },
};

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    console.error(HELP);
    return 2;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    console.log(HELP);
    return 0;
  }
  if (name === '--version' || name === '-v') {
    console.log(`specfirst ${packageVersion()}`);
    return 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    console.error(`specfirst: unknown command "${name}"\n\n${HELP}`);
    return 2;
  }
  let parsed;
  try {
    parsed = parseArgs({ args: rest, allowPositionals: true, strict: true, options: { ...command.options, help: { type: 'boolean', short: 'h' } } });
  } catch (error) {
    console.error(`specfirst ${name}: ${(error as Error).message}\n\n${(await command.load()).help}`);
    return 2;
  }
  const { help, run } = await command.load();
  if (parsed.values.help) {
    console.log(help);
    return 0;
  }
  return run(parsed.values as Values, parsed.positionals);
}
