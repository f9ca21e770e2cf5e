// Type-checks the handlers against the generated types with the TypeScript compiler API, keeping
// the previous program so a re-check after one edit only re-checks what the edit affects
// (`specfirst dev`). Uses the project's tsconfig.json when there is one. Never emits.
import { existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import type { Diagnostic } from './diagnostics.js';

const SPECFIRST_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

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
    const typeRoots = [join(projectDir, 'node_modules', '@types'), join(SPECFIRST_ROOT, 'node_modules', '@types')];
    this.options = { ...options, noEmit: true, typeRoots: options.typeRoots ?? typeRoots, incremental: false };
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
    return found.map((d) => this.toDiagnostic(d));
  }

  private toDiagnostic(d: ts.Diagnostic): Diagnostic {
    const position = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start) : { line: 0, character: 0 };
    const file = d.file ? relative(process.cwd(), d.file.fileName) || d.file.fileName : 'tsconfig.json';
    return {
      severity: d.category === ts.DiagnosticCategory.Warning ? 'warning' : 'error',
      file: file.startsWith('..') && d.file ? d.file.fileName : file,
      line: position.line + 1,
      column: position.character + 1,
      pointer: '',
      rule: `TS${d.code}`,
      message: ts.flattenDiagnosticMessageText(d.messageText, ' '),
    };
  }
}
