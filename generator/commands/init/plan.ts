// What `specfirst init` would add to the project in the working directory, and what stops it:
// reads the project, writes nothing. Only what is missing is planned; an existing file is kept as
// it is, and a project that cannot be an ES module as it stands is explained, not changed. The one
// value ever replaced is "type": "commonjs" (what `npm init -y` writes) when no file of the project is CommonJS.
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import ts from 'typescript';
import { RUNTIME_PACKAGE } from '../../paths/package-root.js';
import { CONTRACTS_DIR, SERVER_DIR } from '../../paths/project.js';
import { GITIGNORE, MAIN, packageName, SCRIPTS, TSCONFIG } from './templates.js';
import { starterContract, type Template } from './starter-contract.js';

export interface InitPlan {
  /** New files, relative to the project. */
  files: { path: string; content: string }[];
  /** Files that exist and are left alone. */
  kept: string[];
  /** package.json with what was missing added, or null when nothing is. */
  /** `changed`: values that were there and are replaced, each saying from what to what and why. */
  packageJson: { content: string; added: string[]; changed: string[]; created: boolean } | null;
  /** Scripts the project already has, with a different command than specfirst's. */
  keptScripts: { name: string; theirs: string; ours: string }[];
  /** Why the project cannot take what specfirst needs; when any, nothing is written. */
  blockers: string[];
  /** specfirst is in dependencies (as an earlier init wrote it): production installs the toolchain; `init --upgrade` moves it. */
  toolchainInDependencies: boolean;
}

interface PackageJson {
  name?: string;
  type?: string;
  scripts?: Record<string, string>;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  [key: string]: unknown;
}

/** Folders never searched for the project's own code. */
export const SKIP = new Set(['node_modules', 'dist', 'build', 'out', 'coverage']);

/** The version ranges init writes: the toolchain, the runtime, and the typed client's library. */
export interface InitVersions {
  specfirst: string;
  runtime: string;
  openapiFetch: string;
}

export async function planInit(cwd: string, name: string, versions: InitVersions, template: Template = 'todo'): Promise<InitPlan> {
  const plan: InitPlan = { files: [], kept: [], packageJson: null, keptScripts: [], blockers: [], toolchainInDependencies: false };
  const add = (path: string, content: string): void => {
    if (existsSync(join(cwd, path))) plan.kept.push(path);
    else plan.files.push({ path, content });
  };
  add(join(CONTRACTS_DIR, `${name}.yaml`), starterContract(name, template));
  add(join(SERVER_DIR, 'main.ts'), MAIN);
  add('tsconfig.json', TSCONFIG);
  add('.gitignore', GITIGNORE);

  const pkgPath = join(cwd, 'package.json');
  const created = !existsSync(pkgPath);
  let text = '';
  let pkg: PackageJson = {};
  if (!created) {
    text = await readFile(pkgPath, 'utf8');
    try {
      pkg = JSON.parse(text) as PackageJson;
    } catch (error) {
      plan.blockers.push(`package.json is not valid JSON (${(error as Error).message}); fix it and run init again.`);
      return plan;
    }
  }
  const moduleKind = await tsconfigModule(cwd);
  if (moduleKind.blocker) plan.blockers.push(moduleKind.blocker);

  const added: string[] = [];
  const changed: string[] = [];
  let next: PackageJson = created ? { name: packageName(basename(cwd)), version: '0.1.0', private: true } : { ...pkg };
  if (pkg.type === 'commonjs') {
    // What `npm init -y` writes today: with no CommonJS file in the project, "module" changes nothing that exists.
    const commonJs = await commonJsFiles(cwd, moduleKind.nodeNext);
    if (commonJs.length > 0) {
      plan.blockers.push(
        `package.json says "type": "commonjs", and this project has CommonJS code (${shown(commonJs)}). specfirst generates ES modules ` +
          '(they use import.meta.url to find the contract), and Node loads .js and .ts files of this package as CommonJS. ' +
          'Either change it to "type": "module" (rename CommonJS files to .cjs first), or keep the API in a folder of its own with its own package.json.',
      );
    } else {
      next = { ...next, type: 'module' };
      changed.push('"type": "commonjs" → "module" (no CommonJS file here)');
    }
  } else if (pkg.type !== 'module') {
    const commonJs = await commonJsFiles(cwd, moduleKind.nodeNext);
    if (commonJs.length > 0) {
      plan.blockers.push(
        `package.json has no "type", so Node treats this project's code as CommonJS (${shown(commonJs)}). specfirst needs "type": "module" ` +
          '(its generated code is ES modules), and adding it would change how those files load. Either rename them to .cjs ' +
          '(require() keeps working) and run init again, or keep the API in a folder of its own with its own package.json.',
      );
    } else {
      next = withTypeModule(next);
      added.push('"type": "module"');
    }
  }
  plan.toolchainInDependencies = pkg.name !== 'specfirst' && pkg.dependencies?.specfirst !== undefined;
  const scripts = { ...(pkg.scripts ?? {}) };
  for (const [script, command] of Object.entries(SCRIPTS)) {
    if (scripts[script] === undefined) {
      scripts[script] = command;
      added.push(`scripts.${script}`);
    } else if (scripts[script] !== command) plan.keptScripts.push({ name: script, theirs: scripts[script]!, ours: command });
  }
  next.scripts = scripts;
  // What the built server runs (the runtime, and the library the generated typed client is built on)
  // in dependencies; the toolchain (specfirst: generate, build, dev) in devDependencies, so that
  // `npm ci --omit=dev` installs only the former.
  const has = (dep: string): boolean => Boolean(pkg.dependencies?.[dep] ?? pkg.devDependencies?.[dep]);
  const sections = { dependencies: { ...(pkg.dependencies ?? {}) }, devDependencies: { ...(pkg.devDependencies ?? {}) } };
  if (pkg.name !== 'specfirst') {
    const wanted = [
      ['dependencies', RUNTIME_PACKAGE, versions.runtime],
      ['dependencies', 'openapi-fetch', versions.openapiFetch],
      ['devDependencies', 'specfirst', versions.specfirst],
    ] as const;
    for (const [section, dep, version] of wanted) {
      if (has(dep)) continue;
      sections[section][dep] = version;
      added.push(`${section}.${dep}`);
    }
  }
  for (const section of ['dependencies', 'devDependencies'] as const) {
    if (added.some((a) => a.startsWith(`${section}.`))) next[section] = sortedKeys(sections[section]);
  }
  if (added.length > 0 || changed.length > 0 || created) {
    const indent = /^[ \t]+(?=")/m.exec(text)?.[0] ?? '  ';
    plan.packageJson = { content: JSON.stringify(next, null, indent) + '\n', added, changed, created };
  }
  return plan;
}

/** Dependencies in name order, as npm writes them. */
export function sortedKeys(deps: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(deps).sort(([a], [b]) => a.localeCompare(b)));
}

/** The first few of a list of files, and how many more. */
function shown(files: string[]): string {
  return files.slice(0, 5).join(', ') + (files.length > 5 ? ` and ${files.length - 5} more` : '');
}

/** The same package.json with "type": "module" after name, version and description, where people look for it. */
function withTypeModule(pkg: PackageJson): PackageJson {
  const entries = Object.entries(pkg).filter(([key]) => key !== 'type');
  const after = entries.findLastIndex(([key]) => ['name', 'version', 'private', 'description'].includes(key));
  entries.splice(after + 1, 0, ['type', 'module']);
  return Object.fromEntries(entries) as PackageJson;
}

/** What the project's tsconfig.json compiles to, if it has one, and why that would not work. */
async function tsconfigModule(cwd: string): Promise<{ nodeNext: boolean; blocker?: string }> {
  const path = join(cwd, 'tsconfig.json');
  if (!existsSync(path)) return { nodeNext: false };
  const config = ts.getParsedCommandLineOfConfigFile(path, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
  if (!config) return { nodeNext: false, blocker: 'tsconfig.json cannot be read; fix it and run init again.' };
  const { module, target = ts.ScriptTarget.ES5 } = config.options;
  const kind = module ?? (target >= ts.ScriptTarget.ES2015 ? ts.ModuleKind.ES2015 : ts.ModuleKind.CommonJS);
  const nodeNext = kind === ts.ModuleKind.Node16 || kind === ts.ModuleKind.NodeNext;
  const esm = nodeNext || (kind >= ts.ModuleKind.ES2015 && kind <= ts.ModuleKind.ESNext) || kind === ts.ModuleKind.Preserve;
  if (esm) return { nodeNext };
  return {
    nodeNext,
    blocker:
      `tsconfig.json compiles to ${ts.ModuleKind[kind]}, and specfirst's generated code is ES modules (it uses import.meta.url). ` +
      'Set "module": "NodeNext" and "moduleResolution": "NodeNext" in its compilerOptions (specfirst init would write exactly that), then run init again.',
  };
}

/** Files Node (or TypeScript under NodeNext) treats as CommonJS while package.json has no "type". */
async function commonJsFiles(cwd: string, nodeNextTs: boolean): Promise<string[]> {
  const pattern = nodeNextTs ? /\.(jsx?|tsx?)$/ : /\.jsx?$/;
  const found: string[] = [];
  const walk = async (dir: string, depth: number): Promise<void> => {
    if (depth > 6 || found.length >= 50) return;
    for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
      if (entry.name.startsWith('.') || SKIP.has(entry.name)) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path, depth + 1);
      else if (pattern.test(entry.name) && !entry.name.endsWith('.d.ts')) found.push(relative(cwd, path));
    }
  };
  await walk(cwd, 0);
  return found.sort();
}
