// Argument parsing only: picks the command, parses its options, prints its help; the command
// modules do the work and return the exit status.
import { parseArgs, type ParseArgsConfig } from 'node:util';

const HELP = `specfirst: the OpenAPI contract is the single source of truth.

Usage: specfirst <command> [options]

Commands:
  init [NAME]                  start a new contract in contracts/NAME.yaml, generated and ready
  dev                          generate, serve, and reload on every change to a contract or handler
  generate [CONTRACT...]       check contracts, write types, route bindings and handler stubs
  lint [CONTRACT...]           report every problem of the contracts, compiler style
  check [CONTRACT...]          what CI runs: lint + generated code up to date + handlers compile
  verify CONTRACT...           try contracts end to end: generate, compile, serve mocked, send requests

Run \`specfirst <command> --help\` for its options and examples.

Examples:
  specfirst init todo && specfirst dev
  specfirst generate ../api/openapi.yaml --out /tmp/try
  specfirst check

Exit status: 0 success, 1 problems found, 2 bad usage.`;

type Values = Record<string, string | boolean | undefined>;

interface Command {
  options: ParseArgsConfig['options'];
  /** Each command's module is loaded only when it runs: `lint` never loads the TypeScript compiler. */
  load: () => Promise<{ help: string; run: (values: Values, positionals: string[]) => Promise<number> }>;
}

const COMMANDS: Record<string, Command> = {
  generate: {
    options: { out: { type: 'string' }, check: { type: 'boolean' } },
    load: async () => {
      const { GENERATE_HELP, runGenerate } = await import('./command-generate.js');
      return { help: GENERATE_HELP, run: (v, p) => runGenerate(v as { out?: string; check?: boolean }, p) };
    },
  },
  lint: {
    options: {},
    load: async () => {
      const { LINT_HELP, runLint } = await import('./command-lint.js');
      return { help: LINT_HELP, run: (_v, p) => runLint(p) };
    },
  },
  check: {
    options: { out: { type: 'string' } },
    load: async () => {
      const { CHECK_HELP, runCheck } = await import('./command-check.js');
      return { help: CHECK_HELP, run: (v, p) => runCheck(v as { out?: string }, p) };
    },
  },
  init: {
    options: {},
    load: async () => {
      const { INIT_HELP, runInit } = await import('./command-init.js');
      return { help: INIT_HELP, run: (_v, p) => runInit(p) };
    },
  },
  dev: {
    options: { port: { type: 'string' }, host: { type: 'string' }, mock: { type: 'boolean' } },
    load: async () => {
      const { DEV_HELP, runDev } = await import('./command-dev.js');
      return { help: DEV_HELP, run: (v, p) => runDev(v as { port?: string; host?: string; mock?: boolean }, p) };
    },
  },
  verify: {
    options: { json: { type: 'boolean' }, strict: { type: 'boolean' } },
    load: async () => {
      const { VERIFY_HELP, runVerify } = await import('./command-verify.js');
      return { help: VERIFY_HELP, run: (v, p) => runVerify(v as { json?: boolean; strict?: boolean }, p) };
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
    console.log('specfirst 0.1.0');
    return 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    console.error(`specfirst: unknown command "${name}"\n\n${HELP}`);
    return 2;
  }
  const { help, run } = await command.load();
  let parsed;
  try {
    parsed = parseArgs({ args: rest, allowPositionals: true, strict: true, options: { ...command.options, help: { type: 'boolean', short: 'h' } } });
  } catch (error) {
    console.error(`specfirst ${name}: ${(error as Error).message}\n\n${help}`);
    return 2;
  }
  if (parsed.values.help) {
    console.log(help);
    return 0;
  }
  return run(parsed.values as Values, parsed.positionals);
}
