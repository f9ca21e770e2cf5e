// Type errors of a generated schema.ts on its own (it imports nothing), checked in memory before it
// is written: a schema whose type does not compile is found here and widened (schema-types.ts), so
// every contract that loads generates code that compiles. Never reads the project or writes.
import ts from 'typescript';

const FILE = '/specfirst/schema.ts';
/** openapi-typescript's binary type; the standard library alone has no Blob. */
const GLOBALS = { name: '/specfirst/globals.d.ts', text: 'interface Blob { readonly size: number; readonly type: string }\n' };
const OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  lib: ['lib.es2023.d.ts'],
  types: [],
  strict: true,
  noEmit: true,
  skipLibCheck: true,
  noResolve: true,
};

/** The standard library parsed once per process: it is most of the work of each check. */
const libraries = new Map<string, ts.SourceFile | undefined>();

export interface SchemaTypeError {
  /** Where in the text: the offset, and the names of the members that lead to it (`components`, `schemas`, `Window`). */
  start: number;
  members: string[];
  message: string;
}

export function schemaTypeErrors(text: string): SchemaTypeError[] {
  const host = ts.createCompilerHost(OPTIONS);
  const read = host.getSourceFile.bind(host);
  const file = ts.createSourceFile(FILE, text, ts.ScriptTarget.ES2022, true);
  host.getSourceFile = (name, version, onError) => {
    if (name === FILE) return file;
    if (name === GLOBALS.name) return ts.createSourceFile(name, GLOBALS.text, version);
    if (!libraries.has(name)) libraries.set(name, read(name, version, onError));
    return libraries.get(name);
  };
  const program = ts.createProgram([FILE, GLOBALS.name], OPTIONS, host);
  const found = [...program.getSyntacticDiagnostics(file), ...program.getSemanticDiagnostics(file)];
  return found.map((d) => ({
    start: d.start ?? 0,
    members: membersAt(file, d.start ?? 0),
    message: `TS${d.code} ${ts.flattenDiagnosticMessageText(d.messageText, ' ').split('\n')[0]}`,
  }));
}

/** The declaration and property names that enclose `offset`, outermost first. */
function membersAt(file: ts.SourceFile, offset: number): string[] {
  const names: string[] = [];
  const visit = (node: ts.Node): void => {
    if (offset < node.getStart(file) || offset >= node.getEnd()) return;
    if ((ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node) || ts.isPropertySignature(node)) && node.name) {
      names.push(ts.isIdentifier(node.name) || ts.isStringLiteral(node.name) || ts.isNumericLiteral(node.name) ? node.name.text : node.name.getText(file));
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return names;
}
