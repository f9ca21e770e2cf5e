// type-diagnostics.ts: TypeScript's diagnostics printed like specfirst's own, one short line each.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import ts from 'typescript';
import { shortMessage, toDiagnostic } from '../../../generator/typecheck/type-diagnostics.js';

const link = (code: number, messageText: string, next?: ts.DiagnosticMessageChain): ts.DiagnosticMessageChain => ({
  code,
  messageText,
  category: ts.DiagnosticCategory.Error,
  next: next ? [next] : undefined,
});

describe('shortMessage', () => {
  it('keeps a plain message', () => {
    assert.equal(shortMessage("Cannot find name 'x'."), "Cannot find name 'x'.");
  });

  it('gives the last link of a chain, after the property path that leads to it', () => {
    const chain = link(
      2322,
      "Type '{ status: 200; body: { id: string; }; }' is not assignable to type 'GetPet200Response'.",
      link(2326, "Types of property 'body' are incompatible.", link(2326, "Types of property 'id' are incompatible.", link(2322, "Type 'string' is not assignable to type 'number'."))),
    );
    assert.equal(shortMessage(chain), "body.id: Type 'string' is not assignable to type 'number'.");
  });

  it('writes a quoted property of the path in brackets', () => {
    const chain = link(2322, 'outer', link(2200, `The types of 'headers["X-Total-Count"]' are incompatible between these types.`, link(2322, "Type 'string' is not assignable to type 'number'.")));
    assert.equal(shortMessage(chain), `headers["X-Total-Count"]: Type 'string' is not assignable to type 'number'.`);
  });

  it('cuts a quoted type longer than 80 characters', () => {
    const long = `{ ${'a: string; '.repeat(10)}}`;
    const message = shortMessage(`Type '${long}' is not assignable to type 'Pet'.`);
    assert.equal(message, `Type '${long.slice(0, 60)}…' is not assignable to type 'Pet'.`);
  });
});

describe('toDiagnostic', () => {
  const file = ts.createSourceFile('/project/server/pets/handlers/get-pet.ts', 'const a = 1;\nconst b: number = "x";\n', ts.ScriptTarget.ES2022);
  const at = (start: number | undefined, category = ts.DiagnosticCategory.Error): ts.Diagnostic => ({
    file: start === undefined ? undefined : file,
    start,
    length: 1,
    code: 2322,
    category,
    messageText: "Type 'string' is not assignable to type 'number'.",
  });

  it('places the problem at its line and column, relative to the working directory', () => {
    const d = toDiagnostic(at(file.text.indexOf('b:')), '/project');
    assert.deepEqual(d, {
      severity: 'error',
      file: 'server/pets/handlers/get-pet.ts',
      line: 2,
      column: 7,
      pointer: '',
      rule: 'TS2322',
      message: "Type 'string' is not assignable to type 'number'.",
    });
  });

  it('keeps the absolute path of a file outside the working directory', () => {
    assert.equal(toDiagnostic(at(0), '/elsewhere').file, '/project/server/pets/handlers/get-pet.ts');
  });

  it('puts a problem without a file at tsconfig.json:1:1, and keeps warnings warnings', () => {
    const d = toDiagnostic(at(undefined, ts.DiagnosticCategory.Warning), '/project');
    assert.equal(`${d.file}:${d.line}:${d.column} ${d.severity}`, 'tsconfig.json:1:1 warning');
  });
});
