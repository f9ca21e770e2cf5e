// TypeScript's diagnostics as specfirst diagnostics: `file:line:col error TS2322 message`, where
// the message is one short line. tsc prints a chain ("Type '{ … 3,000 characters … }' is not
// assignable to … Types of property 'id' are incompatible. Type 'string' is not assignable to type
// 'number'."); the useful part is the last link and the property path that leads to it.
import { relative } from 'node:path';
import ts from 'typescript';
import type { Diagnostic } from '../contract/diagnostics.js';

/** A quoted type longer than this is cut: the position already says which value is wrong. */
const LONGEST_TYPE = 80;

export function toDiagnostic(d: ts.Diagnostic, cwd = process.cwd()): Diagnostic {
  const position = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start) : { line: 0, character: 0 };
  const file = d.file ? relative(cwd, d.file.fileName) || d.file.fileName : 'tsconfig.json';
  return {
    severity: d.category === ts.DiagnosticCategory.Warning ? 'warning' : 'error',
    file: file.startsWith('..') && d.file ? d.file.fileName : file,
    line: position.line + 1,
    column: position.character + 1,
    pointer: '',
    rule: `TS${d.code}`,
    message: shortMessage(d.messageText),
  };
}

/** The last link of the chain, prefixed with the property path TypeScript followed to get there. */
export function shortMessage(text: string | ts.DiagnosticMessageChain): string {
  if (typeof text === 'string') return elideTypes(text);
  const links: ts.DiagnosticMessageChain[] = [];
  for (let link: ts.DiagnosticMessageChain | undefined = text; link; link = link.next?.[0]) links.push(link);
  if (links.length === 1) return elideTypes(text.messageText);
  const path = links.flatMap((l) => propertyOf(l) ?? []);
  const last = links[links.length - 1]!.messageText;
  return elideTypes(path.length > 0 ? `${joinPath(path)}: ${last}` : last);
}

/** `['headers', '"X-Total-Count"']` → `headers["X-Total-Count"]`; `['body', 'id']` → `body.id`. */
function joinPath(segments: string[]): string {
  return segments.map((s, i) => (s.startsWith('"') ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
}

/** `Types of property 'id' are incompatible.` → `id`; `The types of 'headers["X"]' are …` → `headers["X"]`. */
function propertyOf(link: ts.DiagnosticMessageChain): string | undefined {
  if (link.code === 2326) return /^Types of property '(.+)' are incompatible\.$/.exec(link.messageText)?.[1];
  if (link.code === 2200) return /^The types of '(.+)' are incompatible between these types\.$/.exec(link.messageText)?.[1];
  return undefined;
}

function elideTypes(message: string): string {
  return message.replace(/'([^']*)'/g, (quoted, type: string) => (type.length > LONGEST_TYPE ? `'${type.slice(0, LONGEST_TYPE - 20)}…'` : quoted));
}
