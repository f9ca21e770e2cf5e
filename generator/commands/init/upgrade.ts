// What `specfirst init --upgrade` would change in a project made before the runtime had a package
// of its own: imports of "specfirst" become "@specfirst/runtime" (same exports), specfirst moves to
// devDependencies with the runtime in dependencies, and the start script init wrote becomes the
// runtime's own. Reads the project, writes nothing; a file or script someone changed is left alone.
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { RUNTIME_PACKAGE } from '../../paths/package-root.js';
import { SKIP, sortedKeys } from './plan.js';
import { FORMER_SCRIPTS, SCRIPTS } from './templates.js';

export interface UpgradePlan {
  /** Source files whose imports of "specfirst" are rewritten, relative to the project. */
  files: { path: string; content: string; imports: number }[];
  /** package.json as upgraded, and each change in words; null when it needs none. */
  packageJson: { content: string; changes: string[] } | null;
  /** Why nothing can be upgraded here; when any, nothing is written. */
  blockers: string[];
}

interface PackageJson {
  scripts?: Record<string, string>;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  [key: string]: unknown;
}

/** The module name old projects import the runtime by: the toolchain package itself. */
const FORMER_RUNTIME = 'specfirst';
const SOURCE = /\.(ts|mts|cts|js|mjs|cjs)$/;

export async function planUpgrade(cwd: string, versions: { runtime: string }): Promise<UpgradePlan> {
  const plan: UpgradePlan = { files: [], packageJson: null, blockers: [] };
  const pkgPath = join(cwd, 'package.json');
  if (!existsSync(pkgPath)) {
    plan.blockers.push('there is no package.json here; run `specfirst init --upgrade` in the project made by `specfirst init`.');
    return plan;
  }
  const text = await readFile(pkgPath, 'utf8');
  let pkg: PackageJson;
  try {
    pkg = JSON.parse(text) as PackageJson;
  } catch (error) {
    plan.blockers.push(`package.json is not valid JSON (${(error as Error).message}); fix it and run init --upgrade again.`);
    return plan;
  }
  const changes = upgradeDependencies(pkg, versions.runtime);
  const scripts = { ...(pkg.scripts ?? {}) };
  for (const [name, former] of Object.entries(FORMER_SCRIPTS)) {
    if (scripts[name] !== former) continue;
    scripts[name] = SCRIPTS[name]!;
    changes.push(`scripts.${name}: "${former}" → "${SCRIPTS[name]}"`);
  }
  if (changes.length > 0) {
    const indent = /^[ \t]+(?=")/m.exec(text)?.[0] ?? '  ';
    const next = { ...pkg, ...(pkg.scripts ? { scripts } : {}) };
    plan.packageJson = { content: JSON.stringify(next, null, indent) + '\n', changes };
  }
  for (const path of await sourceFiles(cwd)) {
    const source = await readFile(join(cwd, path), 'utf8');
    const rewritten = rewriteRuntimeImports(source, path);
    if (rewritten.imports > 0) plan.files.push({ path, content: rewritten.content, imports: rewritten.imports });
  }
  return plan;
}

/** specfirst to devDependencies (its range kept), the runtime into dependencies; changes `pkg` and says how. */
function upgradeDependencies(pkg: PackageJson, runtimeRange: string): string[] {
  const changes: string[] = [];
  const deps = { ...(pkg.dependencies ?? {}) };
  const devDeps = { ...(pkg.devDependencies ?? {}) };
  const toolchain = deps[FORMER_RUNTIME];
  if (toolchain !== undefined) {
    delete deps[FORMER_RUNTIME];
    devDeps[FORMER_RUNTIME] ??= toolchain;
    changes.push(`${FORMER_RUNTIME}: dependencies → devDependencies (the toolchain; not installed by npm ci --omit=dev)`);
  }
  if (deps[RUNTIME_PACKAGE] === undefined) {
    deps[RUNTIME_PACKAGE] = devDeps[RUNTIME_PACKAGE] ?? runtimeRange;
    const moved = devDeps[RUNTIME_PACKAGE] !== undefined;
    delete devDeps[RUNTIME_PACKAGE];
    changes.push(moved ? `${RUNTIME_PACKAGE}: devDependencies → dependencies` : `added dependencies.${RUNTIME_PACKAGE} (${runtimeRange}): what the built server runs`);
  }
  if (changes.length === 0) return changes;
  pkg.dependencies = sortedKeys(deps);
  if (Object.keys(devDeps).length > 0) pkg.devDependencies = sortedKeys(devDeps);
  else delete pkg.devDependencies;
  return changes;
}

/**
 * Every module specifier that is exactly "specfirst" (static and type imports, re-exports, dynamic
 * import(), import types) replaced by the runtime's name, found by TypeScript's parser, so a
 * comment or a string that mentions it is left as it is. "specfirst/cli" is the toolchain and stays.
 */
export function rewriteRuntimeImports(source: string, fileName: string): { content: string; imports: number } {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest);
  const literals: ts.StringLiteralLike[] = [];
  const visit = (node: ts.Node): void => {
    let specifier: ts.Node | undefined;
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) specifier = node.moduleSpecifier;
    else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) specifier = node.arguments[0];
    else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) specifier = node.argument.literal;
    if (specifier && ts.isStringLiteralLike(specifier) && specifier.text === FORMER_RUNTIME) literals.push(specifier);
    ts.forEachChild(node, visit);
  };
  visit(file);
  let content = source;
  for (const literal of literals.reverse()) {
    // Between the quotes, so each file keeps its own quote style.
    content = content.slice(0, literal.getStart(file) + 1) + RUNTIME_PACKAGE + content.slice(literal.getEnd() - 1);
  }
  return { content, imports: literals.length };
}

/** The project's own source files (not its dependencies, output or dot-folders), relative and sorted. */
async function sourceFiles(cwd: string): Promise<string[]> {
  const found: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
      if (entry.name.startsWith('.') || SKIP.has(entry.name)) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (SOURCE.test(entry.name) && !entry.name.endsWith('.d.ts')) found.push(relative(cwd, path));
    }
  };
  await walk(cwd);
  return found.sort();
}
