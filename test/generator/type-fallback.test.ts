// Type generation never stops a contract that loads (issue 16, items 5 and 2): `required` beside an
// allOf member that is nullable or a union compiles; a schema openapi-typescript throws on, or
// whose type does not compile, is typed `unknown` with a type-fallback warning at its line, and
// every other schema keeps its exact type. Generated with the CLI, checked with the real compiler.
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import ts from 'typescript';
import { ROOT, fixture, runCli, tempProject, type CliResult } from '../helpers.js';

const OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  customConditions: ['specfirst-source'],
  lib: ['lib.es2023.d.ts'],
  types: ['node'],
  typeRoots: [join(ROOT, 'node_modules', '@types')],
  strict: true,
  noEmit: true,
  skipLibCheck: true,
};

const CONTRACTS = ['required-through-union', 'boolean-subschemas31', 'json-schema-refs31', 'ref-into-nullable', 'example-file-refs'];
const contractFile = (name: string) => fixture('real-world', name === 'example-file-refs' ? 'example-file-refs/openapi.yaml' : `${name}.yaml`);

describe('type generation never stops a contract', () => {
  let project: Awaited<ReturnType<typeof tempProject>>;
  const runs = new Map<string, CliResult>();
  const schema = (api: string) => readFile(join(project.dir, api, 'generated', 'schema.ts'), 'utf8');
  before(async () => {
    project = await tempProject('type-fallback');
    for (const name of CONTRACTS) runs.set(name, await runCli(['generate', contractFile(name), '--out', project.dir]));
  });
  after(() => project.remove());

  it('generates each contract with exit status 0', () => {
    for (const name of CONTRACTS) assert.equal(runs.get(name)!.code, 0, `${name}: ${runs.get(name)!.stderr}`);
  });

  it('generated code and stubs compile under --strict with 0 type errors', async () => {
    const entries = await readdir(project.dir, { recursive: true, withFileTypes: true });
    const files = entries.filter((e) => e.isFile() && e.name.endsWith('.ts')).map((e) => join(e.parentPath, e.name));
    const program = ts.createProgram(files, OPTIONS);
    const problems = ts.getPreEmitDiagnostics(program).map((d) => `${d.file?.fileName}: TS${d.code} ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`);
    assert.deepEqual(problems, []);
  });

  it('types required names beside a nullable or anyOf allOf member exactly, with no fallback', async () => {
    assert.doesNotMatch(runs.get('required-through-union')!.stderr, /type-fallback/);
    const text = await schema('required-through-union');
    assert.match(text, /Window: WithRequired<components\["schemas"\]\["Period"\], "start_date">;/);
    assert.match(text, /Span: WithRequired<components\["schemas"\]\["Dated"\], "start_date">;/);
  });

  it('types boolean subschemas openapi-typescript cannot read (allOf: [true, true]) as unknown, with no fallback', async () => {
    assert.doesNotMatch(runs.get('boolean-subschemas31')!.stderr, /type-fallback/);
    const text = await schema('boolean-subschemas31');
    assert.match(text, /Thing: \{\n\s+name: string;\n\s+anything\?: unknown & unknown;\n\s+\};/);
    assert.match(text, /User: \{\n\s+id: number;\n\s+\};/);
  });

  it('types a schema openapi-typescript throws on as unknown and warns at its line', async () => {
    assert.match(runs.get('json-schema-refs31')!.stderr, /json-schema-refs31\.yaml:62:9 warning type-fallback .*Can't resolve \$ref/);
    const text = await schema('json-schema-refs31');
    assert.match(text, /percent\?: components\["schemas"\]\["Tricky"\]\["\$defs"\]\["percent%field"\];/);
    assert.match(text, /anchored\?: components\["schemas"\]\["Tricky"\]\["\$defs"\]\["counter"\];/);
    assert.match(text, /Plain: \{\n\s+name: string;\n\s+\};/);
  });

  it('types a schema whose type does not compile as unknown and warns at its line', async () => {
    assert.match(runs.get('ref-into-nullable')!.stderr, /ref-into-nullable\.yaml:24:9 warning type-fallback .*TS2339 Property 'start_date' does not exist/);
    const text = await schema('ref-into-nullable');
    assert.match(text, /Uses: \{\n\s+begins\?: unknown;\n\s+name\?: string;\n\s+\};/);
    assert.match(text, /Other: \{\n\s+id\?: number;\n\s+\};/);
    assert.match(text, /Period: \{\n\s+\/\*\* Format: date \*\/\n\s+start_date\?: string;\n\s+\} \| null;/);
  });

  it('types a contract whose examples are relative $refs exactly: an example never reaches openapi-typescript as a file to read', async () => {
    assert.doesNotMatch(runs.get('example-file-refs')!.stderr, /type-fallback|schema-types|Can't resolve/);
    assert.match(await schema('openapi'), /thing: \{\n\s+name: string;\n\s+\/\*\* @example 3 \*\/\n\s+count\?: number;\n\s+\};/);
  });
});
