// Where the specfirst package itself is, and whether it runs from its TypeScript sources (a
// checkout of the repository, under tsx) or from the compiled dist/ of an installed package.
// The two layouts differ by one folder (generator/paths/x.ts vs dist/generator/paths/x.js).
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** True when this module is the .ts source: projects served from here resolve `specfirst` to the sources too. */
export const FROM_SOURCE = import.meta.url.endsWith('.ts');

/** The export condition (package.json `exports`) that points `specfirst` at the TypeScript sources. */
export const SOURCE_CONDITION = 'specfirst-source';

/** The package a built server runs (server/runtime, an npm workspace): what projects depend on and import. */
export const RUNTIME_PACKAGE = '@specfirst/runtime';

/** The folder holding specfirst's package.json. */
export const PACKAGE_ROOT = FROM_SOURCE ? join(here, '..', '..') : join(here, '..', '..', '..');

/** specfirst's version, from its package.json. */
export function packageVersion(): string {
  const file = join(PACKAGE_ROOT, 'package.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version : '0.0.0';
}

/**
 * A module of the runtime (e.g. `serve-folder`) to run as a process: the .ts source in a checkout,
 * else the installed @specfirst/runtime's, the very runtime the project's own code imports.
 */
export function runtimeModule(name: string): string {
  if (FROM_SOURCE) return join(PACKAGE_ROOT, 'server', 'runtime', `${name}.ts`);
  const runtimeRoot = dirname(createRequire(import.meta.url).resolve(`${RUNTIME_PACKAGE}/package.json`));
  return join(runtimeRoot, 'dist', `${name}.js`);
}
