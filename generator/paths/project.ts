// Where things are in a project: contracts in contracts/ (top level only; sub-folders hold pieces
// reached by $ref), generated code and handlers under server/, the server's entry server/main.ts.
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';

export const CONTRACTS_DIR = 'contracts';
export const SERVER_DIR = 'server';

/** The contracts named on the command line, or every top-level one in contracts/. */
export async function contractsFrom(positionals: readonly string[], cwd = process.cwd()): Promise<string[]> {
  if (positionals.length > 0) return positionals.map((p) => resolve(cwd, p));
  return contractFilesIn(join(cwd, CONTRACTS_DIR));
}

/** The contracts at the top level of a folder (YAML or JSON files; dot-files are not contracts). */
export async function contractFilesIn(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile() && !e.name.startsWith('.') && /\.(ya?ml|json)$/i.test(e.name))
    .map((e) => join(dir, e.name))
    .sort();
}

/**
 * What to type-check: every API's routes.ts (which imports its handlers) and the project's
 * server/main.ts when it has one.
 */
export function typeCheckRoots(serverDir: string, apiNames: readonly string[]): string[] {
  const main = join(serverDir, 'main.ts');
  return [...apiNames.map((name) => join(serverDir, name, 'generated', 'routes.ts')), ...(existsSync(main) ? [main] : [])];
}
