// The files `specfirst init` adds to a project besides the starter contract: a strict NodeNext
// tsconfig.json, server/main.ts, the package.json scripts, a .gitignore. Pure: text in, text out.

export const TSCONFIG = `{
  "compilerOptions": {
    "target": "ES2022",
    "module": "NodeNext",
    "moduleResolution": "NodeNext",
    "lib": ["ES2023"],
    "types": ["node"],
    "strict": true,
    "skipLibCheck": true,
    "verbatimModuleSyntax": true,
    "forceConsistentCasingInFileNames": true,
    "rootDir": ".",
    "outDir": "dist"
  },
  "include": ["server"]
}
`;

export const MAIN = `// The server: every API that specfirst generated under server/ (one per contract), on HOST:PORT
// (default 127.0.0.1:3000). Written once by \`specfirst init\`; yours to change.
import { findApis, serve } from "@specfirst/runtime";

await serve({ apis: await findApis(new URL(".", import.meta.url)) });
`;

export const GITIGNORE = `node_modules/
dist/
`;

/**
 * What each script runs. `start` serves the output of `build` with the runtime's own bin (plain
 * node, --workers), so it works where only the dependencies are installed (`npm ci --omit=dev`).
 */
export const SCRIPTS: Readonly<Record<string, string>> = {
  dev: 'specfirst dev',
  build: 'specfirst generate && specfirst build',
  start: 'specfirst-start dist/server/main.js',
  check: 'specfirst check',
};

/** Scripts as init wrote them before the runtime had a package of its own: `init --upgrade` replaces these. */
export const FORMER_SCRIPTS: Readonly<Record<string, string>> = {
  start: 'specfirst start dist/server/main.js',
};

/** A package name from a folder name: lower case, only the characters npm allows. */
export function packageName(folder: string): string {
  const name = folder.toLowerCase().replace(/[^a-z0-9-._~]+/g, '-').replace(/^[-._]+|-+$/g, '');
  return name || 'api';
}
