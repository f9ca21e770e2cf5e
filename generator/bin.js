#!/usr/bin/env node
// The `specfirst` command. Installed from the package it runs the compiled CLI in dist/ with plain
// node. In a checkout of the repository (the TypeScript sources sit beside this file) it runs those
// sources with tsx instead, so the repository's own dev loop needs no build step.
import { existsSync } from 'node:fs';

const source = new URL('./cli.ts', import.meta.url);
let cli;
if (existsSync(source)) {
  const { register } = await import('tsx/esm/api');
  register();
  cli = await import(source.href);
} else {
  cli = await import('../dist/generator/cli.js');
}
process.exitCode = await cli.main(process.argv.slice(2));
