// Argument parsing only: picks the command, parses its options, prints its help; the command
// modules do the work and return the exit status.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CHECK_HELP, runCheck } from './command-check.js';
import { DEV_HELP, runDev } from './command-dev.js';
import { FUZZ_HELP, runFuzz, type FuzzValues } from './command-fuzz.js';
import { GENERATE_HELP, runGenerate } from './command-generate.js';
import { INIT_HELP, runInit } from './command-init.js';
import { LINT_HELP, runLint } from './command-lint.js';
import { VERIFY_HELP, runVerify } from './command-verify.js';

const HELP = `specfirst: the OpenAPI contract is the single source of truth.

Usage: specfirst <command> [options]

Commands:
  init [NAME]                  start a new contract in contracts/NAME.yaml, generated and ready
  dev                          generate, serve, and reload on every change to a contract or handler
  generate [CONTRACT...]       check contracts, write types, route bindings and handler stubs
  lint [CONTRACT...]           report every problem of the contracts, compiler style
  check [CONTRACT...]          what CI runs: lint + generated code up to date + handlers compile
  verify CONTRACT...           try contracts end to end: generate, compile, serve mocked, send requests
  fuzz [CONTRACT] --url URL    fuzz a running server: requests from the contract's schemas, answers checked

Run \`specfirst <command> --help\` for its options and examples.

Examples:
  specfirst init todo && specfirst dev
  specfirst generate ../api/openapi.yaml --out /tmp/try
  specfirst check

Exit status: 0 success, 1 problems found, 2 bad usage.`;

type Values = Record<string, string | boolean | string[] | undefined>;

interface Command {
  help: string;
  options: ParseArgsConfig['options'];
  run: (values: Values, positionals: string[]) => Promise<number>;
}

const COMMANDS: Record<string, Command> = {
  generate: { help: GENERATE_HELP, options: { out: { type: 'string' }, check: { type: 'boolean' } }, run: (v, p) => runGenerate(v as { out?: string; check?: boolean }, p) },
  lint: { help: LINT_HELP, options: {}, run: (_v, p) => runLint(p) },
  check: { help: CHECK_HELP, options: { out: { type: 'string' } }, run: (v, p) => runCheck(v as { out?: string }, p) },
  init: { help: INIT_HELP, options: {}, run: (_v, p) => runInit(p) },
  dev: {
    help: DEV_HELP,
    options: { port: { type: 'string' }, host: { type: 'string' }, mock: { type: 'boolean' } },
    run: (v, p) => runDev(v as { port?: string; host?: string; mock?: boolean }, p),
  },
  verify: { help: VERIFY_HELP, options: { json: { type: 'boolean' } }, run: (v, p) => runVerify(v as { json?: boolean }, p) },
  fuzz: {
    help: FUZZ_HELP,
    options: {
      url: { type: 'string' },
      runs: { type: 'string' },
      seed: { type: 'string' },
      credential: { type: 'string', multiple: true },
      operation: { type: 'string', multiple: true },
      timeout: { type: 'string' },
    },
    run: (v, p) => runFuzz(v as FuzzValues, p),
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
  let parsed;
  try {
    parsed = parseArgs({ args: rest, allowPositionals: true, strict: true, options: { ...command.options, help: { type: 'boolean', short: 'h' } } });
  } catch (error) {
    console.error(`specfirst ${name}: ${(error as Error).message}\n\n${command.help}`);
    return 2;
  }
  if (parsed.values.help) {
    console.log(command.help);
    return 0;
  }
  return command.run(parsed.values as Values, parsed.positionals);
}
