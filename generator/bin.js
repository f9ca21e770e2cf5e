#!/usr/bin/env node
// The `specfirst` command. Plain JavaScript so it runs on a fresh install without a build step:
// it registers tsx (TypeScript loader) and hands over to the CLI written in TypeScript.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./cli.ts');
process.exitCode = await main(process.argv.slice(2));
