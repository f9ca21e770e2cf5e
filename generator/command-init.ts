// `specfirst init NAME`: a new contract from a small, valid starting point, generated and ready
// for `specfirst dev`. Never overwrites: an existing contract of that name is an error.
import { mkdir, writeFile, access } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { words } from './names.js';
import { CONTRACTS_DIR, SERVER_DIR } from './project.js';
import { runGenerate } from './command-generate.js';
import { starterContract } from './starter-contract.js';

export const INIT_HELP = `Usage: specfirst init [NAME]

Create contracts/NAME.yaml (default NAME: api) from a small valid OpenAPI 3.1 contract with
list, create and get operations, then generate its code and handler stubs.

Examples:
  specfirst init todo && specfirst dev

Exit status: 0 created, 1 the contract already exists, 2 bad usage.`;

export async function runInit(positionals: string[]): Promise<number> {
  if (positionals.length > 1) {
    console.error(`specfirst init: one NAME at most\n\n${INIT_HELP}`);
    return 2;
  }
  const name = words(positionals[0] ?? 'api').join('-') || 'api';
  const file = resolve(CONTRACTS_DIR, `${name}.yaml`);
  if (await access(file).then(() => true, () => false)) {
    console.error(`specfirst init: ${join(CONTRACTS_DIR, `${name}.yaml`)} already exists; pick another name or edit it`);
    return 1;
  }
  await mkdir(CONTRACTS_DIR, { recursive: true });
  await writeFile(file, starterContract(name));
  console.log(`specfirst: wrote ${join(CONTRACTS_DIR, `${name}.yaml`)}`);
  const code = await runGenerate({}, [file]);
  if (code === 0) {
    console.log(`\nNext: \`specfirst dev\`, then open http://127.0.0.1:3000/docs and edit ${join(CONTRACTS_DIR, `${name}.yaml`)} or ${join(SERVER_DIR, name, 'handlers')}/.`);
  }
  return code;
}
