// Generated code is strict-TypeScript clean, and the contract is enforced at compile time: a wrong
// body, an undeclared status, a missing required response header, a misused request field, a
// missing handler, and an error formatter that returns a wrong body or misses a declared media type
// each fail to compile with the expected error. Uses the TypeScript compiler API.
import assert from 'node:assert/strict';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import ts from 'typescript';
import { toDiagnostic } from '../../generator/typecheck/type-diagnostics.js';
import { ROOT, fixture, generateInto, tempProject } from '../helpers.js';

const OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  // The example's verifier imports `specfirst`: this checkout's sources, as in the repository's tsconfig.
  customConditions: ['specfirst-source'],
  lib: ['lib.es2023.d.ts'],
  types: ['node'],
  typeRoots: [join(ROOT, 'node_modules', '@types')],
  strict: true,
  noEmit: true,
  skipLibCheck: true,
};

function diagnostics(files: string[]): { file: string; code: number; message: string }[] {
  const program = ts.createProgram(files, OPTIONS);
  return ts.getPreEmitDiagnostics(program).map((d) => ({
    file: d.file?.fileName ?? '',
    code: d.code,
    message: ts.flattenDiagnosticMessageText(d.messageText, '\n'),
  }));
}

async function tsFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith('.ts')).map((e) => join(e.parentPath, e.name));
}

/** Real contracts with what trips generators: many files, XML + forms, 400 KB and 58 operations, every kind of security scheme. */
const REAL_CONTRACTS = ['redocly-starter/openapi.yaml', 'swagger-petstore3.yaml', 'twilio-messaging-v1.yaml', 'redocly-museum.yaml', 'oai-v3.0-uspto.yaml', 'oai-v3.1-tictactoe.yaml', 'oai-v3.1-non-oauth-scopes.yaml', 'oai-v3.0-petstore-expanded.yaml', 'oai-v3.0-petstore.yaml'];

const EDGE_CONTRACTS = [
  'allof-nullable30.yaml', 'content-prop.yaml', 'discriminator-implicit.yaml', 'empty-enum.yaml', 'exclusive-bool31.yaml',
  'nullable31.yaml', 'pattern-ref.yaml', 'query-in-path-key.yaml', 'typenull31.yaml', 'typo-type31.yaml',
  'opref/openapi.yaml', 'opref2/openapi.yaml', 'pathref/openapi.yaml',
];

describe('compile-time contract', () => {
  let project: Awaited<ReturnType<typeof tempProject>>;
  before(async () => {
    project = await tempProject('typecheck');
    for (const c of ['v30-features.yaml', 'v31-features.yaml', 'names.yaml']) await generateInto(fixture('golden', c), project.dir);
    // The edge contracts generate despite their problems; opref/ reaches recursive schemas through operation $refs.
    for (const c of EDGE_CONTRACTS) await generateInto(fixture('edge', c), join(project.dir, 'edge', c.replace(/\/openapi\.yaml$|\.yaml$/, '')));
    await generateInto(join(ROOT, 'contracts', 'petstore.yaml'), project.dir);
    for (const c of REAL_CONTRACTS) await generateInto(fixture('contracts', c), project.dir);
    // Error formatters whose default maps nested objects, lists of fields, enums and patterns.
    await generateInto(fixture('runtime', 'error-shapes.yaml'), project.dir);
  });
  after(() => project.remove());

  it('generated code and stubs of 3.0 and 3.1 contracts, our own, real public ones and the edge ones, compile under --strict', async () => {
    const problems = diagnostics(await tsFiles(project.dir));
    assert.deepEqual(problems, []);
  });

  const MISTAKES = ['wrong-body', 'wrong-stream-item', 'undeclared-status', 'missing-required-header', 'wrong-header-value', 'wrong-request-use', 'ignored-header', 'wrong-error-body', 'missing-error-media-type'];
  for (const name of MISTAKES) {
    it(`${name}.ts fails to compile with the expected error`, async () => {
      const file = fixture('type-errors', `${name}.ts`);
      const expected = /expect (TS\d+)/.exec(await readFile(file, 'utf8'))![1];
      const problems = diagnostics([file]);
      assert.ok(problems.length > 0, `${name}.ts compiled but must not`);
      assert.deepEqual([...new Set(problems.map((p) => `TS${p.code}`))], [expected]);
      assert.ok(problems.every((p) => p.file === file));
    });
  }

  it('reports each mistake at the line that makes it, in one short message (golden)', async () => {
    const files = MISTAKES.map((m) => fixture('type-errors', `${m}.ts`));
    const program = ts.createProgram(files, OPTIONS);
    const found = ts.getPreEmitDiagnostics(program).map((d) => ({ ...toDiagnostic(d, ROOT), text: d.file?.text ?? '' }));
    const lines = found.map((d) => `${basename(d.file)}:${d.line}:${d.column} ${d.rule} ${d.message}`).sort();
    const golden = join(ROOT, 'test', 'golden', 'type-errors.txt');
    if (process.env.UPDATE_GOLDEN === '1') await writeFile(golden, lines.join('\n') + '\n');
    assert.equal(lines.join('\n') + '\n', await readFile(golden, 'utf8'), 'the messages differ from test/golden/type-errors.txt');
    for (const d of found) {
      assert.ok(d.message.length <= 120, `${d.file}: ${d.message.length} characters: ${d.message}`);
      assert.match(d.text.split('\n')[d.line - 1]!, /← the error is here/, `${d.file}:${d.line} is not the marked line`);
    }
  });

  it('a handler file without its handler is a compile error in the bindings', async () => {
    const handlers = join(project.dir, 'petstore', 'handlers');
    await writeFile(join(handlers, 'get-pet.ts'), 'export {};\n');
    await rm(join(handlers, 'delete-pet.ts'));
    const problems = diagnostics([join(project.dir, 'petstore', 'generated', 'routes.ts')]);
    const routes = problems.filter((p) => p.file.endsWith('petstore/generated/routes.ts'));
    assert.ok(routes.some((p) => p.code === 2305 && p.message.includes("has no exported member 'getPet'")), JSON.stringify(routes));
    assert.ok(routes.some((p) => p.code === 2307 && p.message.includes('delete-pet.js')), JSON.stringify(routes));
  });
});
