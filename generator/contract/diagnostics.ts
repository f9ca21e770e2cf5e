// Build-time problems as values: every check returns these instead of throwing, so all of a
// contract's problems are reported together, each at its place, like a compiler does.
import { relative } from 'node:path';

/** One problem found in a contract, located in the file that holds it. */
export interface Diagnostic {
  severity: 'error' | 'warning';
  /** Path of the file, relative to the working directory when it is inside it. */
  file: string;
  line: number;
  column: number;
  /** JSON Pointer into the file that holds the problem. */
  pointer: string;
  /** A short stable name for the check, e.g. `schema`, `ref`, `duplicate-operation-name`. */
  rule: string;
  message: string;
  /** What to do about it. */
  hint?: string;
}

/** `contracts/pets.yaml:42:7 error rule message`, then an indented hint: one problem a line, like tsc. */
export function formatDiagnostic(d: Diagnostic): string {
  const hint = d.hint ? `\n    hint: ${d.hint}` : '';
  return `${d.file}:${d.line}:${d.column} ${d.severity} ${d.rule} ${d.message}${hint}`;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** Stable order: by file, then position, then message, so output never depends on check order. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      a.file.localeCompare(b.file) ||
      a.line - b.line ||
      a.column - b.column ||
      a.message.localeCompare(b.message),
  );
}

/** A problem at a pointer in one file, before its line and column are worked out (positions.ts). */
export interface Finding extends Omit<Diagnostic, 'file' | 'line' | 'column'> {
  /** Absolute path of the file. */
  file: string;
}

/** Where diagnostics name files: relative to the working directory, like compilers do. */
export function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel.startsWith('..') ? path : rel;
}
