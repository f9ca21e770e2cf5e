// Type-checks the handlers against the generated types with the TypeScript compiler API, keeping
// the previous program so a re-check after one edit only re-checks what the edit affects
// (`specfirst dev`). Uses the project's tsconfig.json when there is one. Never emits.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import type { Diagnostic } from '../contract/diagnostics.js';
import { FROM_SOURCE, PACKAGE_ROOT, SOURCE_CONDITION } from '../paths/package-root.js';
import { toDiagnostic } from './type-diagnostics.js';

const DEFAULTS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  lib: ['lib.es2023.d.ts'],
  types: ['node'],
  strict: true,
  skipLibCheck: true,
};

export class TypeChecker {
  private previous: ts.SemanticDiagnosticsBuilderProgram | undefined;
  private readonly parsed = new Map<string, { text: string; file: ts.SourceFile }>();
  private readonly options: ts.CompilerOptions;
  private versions = 0;

  constructor(private readonly projectDir: string) {
    const configPath = join(projectDir, 'tsconfig.json');
    let options = DEFAULTS;
    if (existsSync(configPath)) {
      const config = ts.readConfigFile(configPath, ts.sys.readFile);
      options = ts.parseJsonConfigFileContent(config.config ?? {}, ts.sys, projectDir).options;
    }
    // @types/node from the project, else from specfirst's own install (a project made by init).
    const typeRoots = [join(projectDir, 'node_modules', '@types'), join(PACKAGE_ROOT, 'node_modules', '@types')];
    this.options = { ...options, noEmit: true, typeRoots: options.typeRoots ?? typeRoots, incremental: false };
    if (FROM_SOURCE) {
      // specfirst from its checkout: `specfirst` in the project's code is these sources (as at run
      // time), which sit outside the project's rootDir; nothing is emitted, so rootDir does not matter.
      this.options.customConditions = [...(options.customConditions ?? []), SOURCE_CONDITION];
      delete this.options.rootDir;
    }
  }

  /** Type errors in `roots` and everything they import, as located diagnostics. */
  check(roots: readonly string[]): Diagnostic[] {
    const host = ts.createCompilerHost(this.options);
    const read = host.getSourceFile.bind(host);
    // Unchanged files keep their parsed SourceFile, so the builder can reuse its work.
    host.getSourceFile = (fileName, languageVersion, onError) => {
      const text = ts.sys.readFile(fileName);
      if (text === undefined) return read(fileName, languageVersion, onError);
      const cached = this.parsed.get(fileName);
      if (cached && cached.text === text) return cached.file;
      const file = ts.createSourceFile(fileName, text, languageVersion);
      // The builder tells changed files from unchanged ones by version.
      (file as ts.SourceFile & { version: string }).version = String(++this.versions);
      this.parsed.set(fileName, { text, file });
      return file;
    };
    const program = ts.createSemanticDiagnosticsBuilderProgram([...roots], this.options, host, this.previous);
    this.previous = program;
    const found = [...program.getSyntacticDiagnostics(), ...program.getSemanticDiagnostics(), ...program.getGlobalDiagnostics()];
    return found.map((d) => toDiagnostic(d));
  }
}
