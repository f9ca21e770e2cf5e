// Printing for the commands: diagnostics in compiler style, counts, and colour only where it
// helps (a terminal, and never when NO_COLOR is set).
import { formatDiagnostic, sortDiagnostics, type Diagnostic } from '../contract/diagnostics.js';

export function colorsFor(stream: NodeJS.WriteStream): boolean {
  return Boolean(stream.isTTY) && !('NO_COLOR' in process.env) && process.env.TERM !== 'dumb';
}

const CODES = { red: 31, yellow: 33, green: 32, dim: 2, bold: 1, cyan: 36 } as const;
export type Color = keyof typeof CODES;

export function paint(stream: NodeJS.WriteStream): (color: Color, text: string) => string {
  const on = colorsFor(stream);
  return (color, text) => (on ? `\u001b[${CODES[color]}m${text}\u001b[0m` : text);
}

/** Every diagnostic, sorted, to stderr; severities coloured on a terminal. */
export function printDiagnostics(diagnostics: readonly Diagnostic[], stream: NodeJS.WriteStream = process.stderr): void {
  const c = paint(stream);
  for (const d of sortDiagnostics(diagnostics)) {
    const line = formatDiagnostic(d).replace(` ${d.severity} `, ` ${c(d.severity === 'error' ? 'red' : 'yellow', d.severity)} `);
    stream.write(line + '\n');
  }
}

/** `2 errors, 1 warning` */
export function countLine(diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  return `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`;
}
