#!/usr/bin/env node
// `npm create specfirst@latest <dir>`: makes <dir>, writes its package.json, installs the runtime and specfirst,
// runs `specfirst init` with the chosen starter contract and the install init asks for, then says
// what to run next. Plain JavaScript with no dependencies, so it runs from the tarball as it is;
// everything else is npm's and specfirst's job. Never writes into a folder that has files in it.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { HELP, readArgs } from './args.js';

const own = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const args = readArgs(process.argv.slice(2));
if ('error' in args) fail(2, `${args.error}\n\n${HELP}`);
if (args.help) {
  console.log(HELP);
  process.exit(0);
}

const dir = resolve(args.dir);
if (existsSync(dir) && (!statSync(dir).isDirectory() || readdirSync(dir).length > 0)) {
  fail(2, `${args.dir} exists and is not an empty folder; choose a new name (nothing was written).`);
}
mkdirSync(dir, { recursive: true });
const name = basename(dir).toLowerCase().replace(/[^a-z0-9-._~]+/g, '-').replace(/^[-._]+|-+$/g, '') || 'api';
writeFileSync(resolve(dir, 'package.json'), JSON.stringify({ name, version: '0.1.0', private: true, type: 'module' }, null, 2) + '\n');
// For offline installs: a package-lock.json that pins specfirst's dependencies (see the README).
if (process.env.SPECFIRST_LOCKFILE) writeFileSync(resolve(dir, 'package-lock.json'), readFileSync(process.env.SPECFIRST_LOCKFILE));
console.log(`create-specfirst: made ${args.dir} with package.json`);

// What the built server runs in dependencies; the toolchain in devDependencies, so that
// `npm ci --omit=dev` on a server installs only the former.
const runtime = process.env.SPECFIRST_RUNTIME_PACKAGE || `@specfirst/runtime@${own.version}`;
const specfirst = process.env.SPECFIRST_PACKAGE || `specfirst@${own.version}`;
step('npm', ['install', '--no-audit', '--no-fund', '--save-dev', specfirst]);
step('npm', ['install', '--no-audit', '--no-fund', runtime]);
const contract = args.template === 'empty' ? name : args.template;
// specfirst's own bin, by path: a nested npx would inherit `npm exec`'s settings (its --package).
step(process.execPath, [resolve(dir, 'node_modules', 'specfirst', 'generator', 'bin.js'), 'init', contract, '--template', args.template], `specfirst init ${contract} --template ${args.template}`);
step('npm', ['install', '--no-audit', '--no-fund']);

console.log(`\nDone. Next:\n  cd ${args.dir}\n  npm run dev      (or \`npm run build && npm start\` for the built server)`);

/** Runs one command in the new folder, its output shown as it goes; stops at the first that fails. */
function step(command, commandArgs, shown = `${command} ${commandArgs.join(' ')}`) {
  console.log(`\n> ${shown}`);
  const result = spawnSync(command, commandArgs, { cwd: dir, stdio: 'inherit', shell: process.platform === 'win32' && command === 'npm' });
  if (result.status !== 0) fail(1, `\`${shown}\` failed in ${args.dir}; fix the cause and run it there by hand.`);
}

function fail(code, message) {
  console.error(`create-specfirst: ${message}`);
  process.exit(code);
}
