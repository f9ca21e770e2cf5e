// `npm run build` of @specfirst/runtime (and so `npm pack`): what a built server loads, made small
// to load. tsc checks the sources and writes the declarations and one .js per source file into dist/;
// esbuild then joins those .js files into the package's two entry points (index.js, start-bin.js)
// and one chunk they share, so a server starts by reading 3 files instead of ≈ 80 ES modules, each
// resolved, read, compiled and linked on its own (≈ 25 ms of a built example's start-up, and
// memory). Dependencies stay imports (they are the package's dependencies, installed beside it),
// and every module keeps its file's folder (dist/), so `import.meta.url` paths (the packed Redoc
// bundle in dist/assets) and `createRequire` lookups are what they were. Last, Redoc's standalone
// bundle is copied into dist/assets (redoc itself is a build-time dependency only).
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, join } from 'node:path';
import { build } from 'esbuild';

const require = createRequire(import.meta.url);
const DIST = 'dist';
const ENTRIES = ['index.js', 'start-bin.js'];

rmSync(DIST, { recursive: true, force: true });
execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { stdio: 'inherit' });

const joined = `${DIST}.joined`;
rmSync(joined, { recursive: true, force: true });
await build({
  entryPoints: ENTRIES.map((e) => join(DIST, e)),
  outdir: joined,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  chunkNames: 'shared-[hash]',
  logLevel: 'warning',
});
removeJs(DIST);
for (const file of readdirSync(joined)) renameSync(join(joined, file), join(DIST, file));
rmSync(joined, { recursive: true, force: true });

const redoc = require.resolve('redoc/bundles/redoc.standalone.js');
mkdirSync(join(DIST, 'assets'), { recursive: true });
for (const file of [redoc, `${redoc}.LICENSE.txt`]) copyFileSync(file, join(DIST, 'assets', basename(file)));

/** tsc's one-file-per-module output, now inside the joined files; declarations stay. */
function removeJs(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) removeJs(path);
    else if (entry.name.endsWith('.js')) rmSync(path);
  }
}
