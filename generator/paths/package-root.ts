// Where the specfirst package itself is, and whether it runs from its TypeScript sources (a
// checkout of the repository, under tsx) or from the compiled dist/ of an installed package.
// The two layouts differ by one folder (generator/paths/x.ts vs dist/generator/paths/x.js).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** True when this module is the .ts source: projects served from here resolve `specfirst` to the sources too. */
export const FROM_SOURCE = import.meta.url.endsWith('.ts');

/** The export condition (package.json `exports`) that points `specfirst` at the TypeScript sources. */
export const SOURCE_CONDITION = 'specfirst-source';

/** The folder holding specfirst's package.json. */
export const PACKAGE_ROOT = FROM_SOURCE ? join(here, '..', '..') : join(here, '..', '..', '..');

/** specfirst's version, from its package.json. */
export function packageVersion(): string {
  const file = join(PACKAGE_ROOT, 'package.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version : '0.0.0';
}

/** A runtime module of the package (e.g. `serve-folder`), as .ts from source or .js from dist/. */
export function runtimeModule(name: string): string {
  return FROM_SOURCE ? join(PACKAGE_ROOT, 'server', 'runtime', `${name}.ts`) : join(PACKAGE_ROOT, 'dist', 'server', 'runtime', `${name}.js`);
}
