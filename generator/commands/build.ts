// `specfirst build`: compiles the project for production with its own tsconfig.json, as tsc would,
// then puts each API's bundled contract (generated/*.json) beside its compiled routes.js, which
// finds it with new URL("./openapi.json", import.meta.url), and the validator's normalised copies of
// it (normalized.json), so the built server does not normalise the contract at every start, and its
// validators compiled (validators.cjs), so that it compiles no schema when it runs.
// Emits nothing if anything fails to compile.
import { copyFile, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { SERVER_DIR } from '../paths/project.js';
import { countLine, paint, printDiagnostics } from './terminal.js';
import { toDiagnostic } from '../typecheck/type-diagnostics.js';
import { NORMALIZED_FILE, normalizedFileText, readNormalizedCopies } from '../../server/runtime/plan/normalized-file.js';
import { VALIDATORS_FILE } from '../../server/runtime/plan/precompiled.js';
import { normalizedCopies } from '../../server/runtime/plan/validator-context.js';
import { validatorsFileText } from '../build/validators-file.js';

export const BUILD_HELP = `Usage: specfirst build

Compile the project for production with its tsconfig.json (handlers, generated code and
server/main.ts become JavaScript in compilerOptions.outDir, default dist/), and copy each API's
bundled contract (server/<api>/generated/openapi.json) beside its compiled code, with the
validator's normalised copy of it (normalized.json: the server reads it instead of normalising
the contract at start-up) and its validators compiled (validators.cjs: the server compiles no
schema the file holds). Nothing is written when a file does not compile. Then \`specfirst start\` serves the result with plain node.

Run \`specfirst generate\` first so the generated code matches the contracts (the build script
that \`specfirst init\` writes does: "build": "specfirst generate && specfirst build").

Examples:
  npm run build
  specfirst build && node dist/server/main.js

Exit status: 0 built, 1 type errors or no tsconfig.json, 2 bad usage.`;

export async function runBuild(positionals: string[]): Promise<number> {
  if (positionals.length > 0) {
    console.error(`specfirst build: takes no arguments\n\n${BUILD_HELP}`);
    return 2;
  }
  const c = paint(process.stdout);
  const started = performance.now();
  const cwd = process.cwd();
  const configPath = join(cwd, 'tsconfig.json');
  if (!ts.sys.fileExists(configPath)) {
    console.error('specfirst build: no tsconfig.json here; `specfirst init` writes one');
    return 1;
  }
  const config = ts.getParsedCommandLineOfConfigFile(configPath, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
  if (!config || config.errors.length > 0) {
    printDiagnostics((config?.errors ?? []).map((d) => toDiagnostic(d)));
    return 1;
  }
  // A tsconfig made for type-checking only (noEmit) still builds; one without outDir builds to dist/.
  const options: ts.CompilerOptions = { ...config.options, noEmit: false, noEmitOnError: true };
  if (!options.outDir) Object.assign(options, { outDir: join(cwd, 'dist'), rootDir: options.rootDir ?? cwd });
  const program = ts.createProgram({ rootNames: config.fileNames, options, projectReferences: config.projectReferences });
  const problems = ts.getPreEmitDiagnostics(program).map((d) => toDiagnostic(d));
  if (problems.length > 0) {
    printDiagnostics(problems);
    console.error(`\nspecfirst build: ${countLine(problems)}: nothing was written.`);
    return 1;
  }
  const emitted = program.emit();
  const emitProblems = emitted.diagnostics.map((d) => toDiagnostic(d));
  if (emitted.emitSkipped || emitProblems.length > 0) {
    printDiagnostics(emitProblems);
    return 1;
  }
  const commandLine = { ...config, options };
  const outputOf = (file: string): string | undefined => ts.getOutputFileNames(commandLine, file, !ts.sys.useCaseSensitiveFileNames).find((f) => f.endsWith('.js'));
  const compiled = new Set(config.fileNames.map((f) => resolve(f)));
  const copied: string[] = [];
  for (const generated of await generatedFolders(join(cwd, SERVER_DIR))) {
    const routes = join(generated, 'routes.ts');
    const out = compiled.has(routes) ? outputOf(routes) : undefined;
    if (!out) {
      console.error(`specfirst build: ${relative(cwd, routes)} is not compiled (not in tsconfig.json's "include"); its API will not be served`);
      continue;
    }
    for (const json of (await readdir(generated)).filter((f) => f.endsWith('.json'))) {
      await copyFile(join(generated, json), join(dirname(out), json));
      copied.push(relative(cwd, join(dirname(out), json)));
    }
    const written = await writeBesideContract(join(generated, 'openapi.json'), dirname(out));
    copied.push(...written.map((file) => relative(cwd, file)));
  }
  const main = join(cwd, SERVER_DIR, 'main.ts');
  const mainOut = compiled.has(main) ? outputOf(main) : undefined;
  const ms = Math.round(performance.now() - started);
  console.log(`specfirst: compiled ${config.fileNames.length} files into ${relative(cwd, options.outDir!) || '.'}/, wrote ${copied.length} contract and validator file(s) beside them, in ${ms} ms`);
  for (const file of copied) console.log(`  ${file}`);
  if (mainOut) console.log(`\n${c('green', 'Built.')} Start it with \`npm start\` (specfirst start ${relative(cwd, mainOut)}).`);
  return 0;
}

/**
 * normalized.json beside the built openapi.json (in `dir`): the copies the server would make at
 * start-up; then validators.cjs, compiled from those copies as the server reads them back. Answers
 * the paths written, none when there is no openapi.json (nothing to normalise).
 */
async function writeBesideContract(openapiJson: string, dir: string): Promise<string[]> {
  const text = await readFile(openapiJson, 'utf8').catch(() => undefined);
  if (text === undefined) return [];
  const normalized = join(dir, NORMALIZED_FILE);
  await writeFile(normalized, normalizedFileText(text, normalizedCopies(JSON.parse(text))));
  const copies = readNormalizedCopies(pathToFileURL(join(dir, 'openapi.json')), text);
  if (!copies) return [normalized];
  const validators = join(dir, VALIDATORS_FILE);
  await writeFile(validators, validatorsFileText(text, copies).text);
  return [normalized, validators];
}

/** server/<api>/generated folders. */
async function generatedFolders(serverDir: string): Promise<string[]> {
  const entries = await readdir(serverDir, { withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isDirectory()).map((e) => join(serverDir, e.name, 'generated')).filter((dir) => ts.sys.directoryExists(dir)).sort();
}
