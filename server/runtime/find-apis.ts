// Finds the APIs a project has generated: every <dir>/<api>/generated/routes.js (compiled) or
// routes.ts (run with tsx), in name order, so a new contract is served without editing main.ts.
// Only imports what it finds; never generates or compiles anything.
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ApiDefinition } from './api.js';

/** `dir` is a path or a file URL, usually `new URL(".", import.meta.url)` from server/main.ts. */
export async function findApis(dir: string | URL): Promise<ApiDefinition[]> {
  const root = dir instanceof URL ? fileURLToPath(dir) : dir;
  const entries = await readdir(root, { withFileTypes: true });
  const apis: ApiDefinition[] = [];
  for (const entry of entries.filter((e) => e.isDirectory()).sort((a, b) => a.name.localeCompare(b.name))) {
    const routes = ['routes.js', 'routes.ts'].map((f) => join(root, entry.name, 'generated', f)).find((f) => existsSync(f));
    if (!routes) continue;
    const mod = (await import(pathToFileURL(routes).href)) as { api?: ApiDefinition };
    if (mod.api) apis.push(mod.api);
  }
  return apis;
}
