// `specfirst lint`: one small bad contract per rule (and contracts split over files), each with
// its exact expected output in test/golden/lint/; then every contract of test/fixtures/edge/
// (the constructs of large real contracts, EXPECT.md) with its output in test/golden/lint/edge/.
// Update with `npm run golden:update` and review the diff.
import assert from 'node:assert/strict';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { RULES } from '../../generator/lint/catalogue.js';
import { ROOT, runCli } from '../helpers.js';

const CASES: Record<string, { file: string; code: number; rules: string[] }> = {
  yaml: { file: 'yaml.yaml', code: 1, rules: ['yaml'] },
  load: { file: 'load.yaml', code: 1, rules: ['load'] },
  ref: { file: 'ref.yaml', code: 1, rules: ['ref'] },
  'ref-object': { file: 'ref-object.yaml', code: 1, rules: ['ref-object'] },
  'ref-through-ref': { file: '../real-world/ref-through-ref/openapi.yaml', code: 0, rules: ['ref-through-ref'] },
  'ref-dropped': { file: '../real-world/unexpected-refs/openapi.yaml', code: 0, rules: ['ref-dropped'] },
  schema: { file: 'schema.yaml', code: 1, rules: ['schema'] },
  'schema-31': { file: 'schema-31.yaml', code: 1, rules: ['schema'] },
  'schema-in-other-files': { file: 'pathref/openapi.yaml', code: 1, rules: ['schema'] },
  'ref-not-allowed': { file: 'opref/openapi.yaml', code: 0, rules: ['ref-not-allowed'] },
  'every-problem': { file: 'every-problem.yaml', code: 1, rules: ['ref', 'path-parameter-undeclared', 'required-not-in-properties', 'unused-component'] },
  'missing-operation-id': { file: 'missing-operation-id.yaml', code: 0, rules: ['missing-operation-id'] },
  'duplicate-operation-id': { file: 'duplicate-operation-id.yaml', code: 1, rules: ['duplicate-operation-id'] },
  'operation-name-collision': { file: 'operation-name-collision.yaml', code: 0, rules: ['operation-name-collision'] },
  'schema-name-collision': { file: 'schema-name-collision.yaml', code: 0, rules: ['schema-name-collision'] },
  'path-parameters': { file: 'path-parameters.yaml', code: 1, rules: ['path-parameter-undeclared', 'path-parameter-unused'] },
  'path-key-query': { file: 'path-key-query.yaml', code: 1, rules: ['path-key-query'] },
  // Reported at both path keys; the later GET is unreachable, different methods are both served.
  'identical-paths': { file: '../real-world/identical-paths.yaml', code: 1, rules: ['identical-paths'] },
  // Only a trailing slash apart: one path for the server, so reported, but OpenAPI allows it.
  'identical-paths-trailing-slash': { file: 'trailing-slash-paths.yaml', code: 0, rules: ['identical-paths'] },
  'json-response-without-schema': { file: 'json-response-without-schema.yaml', code: 0, rules: ['json-response-without-schema'] },
  'required-not-in-properties': { file: 'required-not-in-properties.yaml', code: 1, rules: ['required-not-in-properties'] },
  'unused-component': { file: 'unused-component.yaml', code: 0, rules: ['unused-component'] },
  'dialect-keyword-31': { file: 'dialect-keyword-31.yaml', code: 0, rules: ['dialect-keyword'] },
  'dialect-keyword-30': { file: 'dialect-keyword-30.yaml', code: 0, rules: ['dialect-keyword'] },
  'empty-enum': { file: 'empty-enum.yaml', code: 0, rules: ['empty-enum'] },
  'ref-siblings-30': { file: 'ref-siblings-30.yaml', code: 0, rules: ['ref-siblings'] },
  // Box's event source: a catch-all member makes every value of another member match two.
  'oneof-catch-all': { file: 'oneof-catch-all.yaml', code: 0, rules: ['oneof-catch-all'] },
  pattern: { file: 'pattern.yaml', code: 1, rules: ['pattern'] },
  // Reported once, where nothing else makes the schema an object (not the extension's allOf member).
  'object-without-type': { file: 'object-without-type.yaml', code: 0, rules: ['object-without-type', 'unused-component'] },
  // JSON is read with JSON.parse and located by a scan of its text: escaped keys, ~ in a path.
  'json-contract': { file: 'json-contract.json', code: 1, rules: ['path-parameter-undeclared', 'schema', 'required-not-in-properties', 'pattern'] },
  'multi-file': { file: 'multi/root.yaml', code: 0, rules: ['missing-operation-id', 'json-response-without-schema', 'required-not-in-properties'] },
  'error-formatter-missing': { file: 'error-formatter-missing.yaml', code: 0, rules: ['error-formatter-missing'] },
  // The validator's own compiler: the operations that reach it are named, the rest are served.
  'schema-compile': { file: 'schema-compile.yaml', code: 1, rules: ['schema-compile'] },
  // An example its schema refuses, where it is used: mocks and verify use a generated value.
  example: { file: 'example.yaml', code: 0, rules: ['example'] },
  // OpenAPI 3.2 additionalOperations: a method Node's HTTP parser refuses (or writes in lower case).
  'method-not-servable': { file: 'method-not-servable.yaml', code: 1, rules: ['method-not-servable'] },
};

const EDGE = [
  'accept-param', 'allof-nullable30', 'content-prop', 'discriminator-implicit', 'empty-enum', 'exclusive-bool31',
  'nullable-false30', 'nullable30', 'nullable31', 'order', 'pattern-component', 'pattern-param', 'pattern-ref',
  'query-in-path-key', 'readonly-param', 'reserved', 'typenull31', 'typo-type31', 'opref/openapi', 'opref2/openapi', 'pathref/openapi',
];

/** Runs `specfirst lint FILE` and compares stderr with its golden file. */
async function lintMatchesGolden(file: string, golden: string): Promise<{ code: number | null; stderr: string }> {
  const r = await runCli(['lint', file]);
  const path = join(ROOT, 'test', 'golden', 'lint', golden);
  if (process.env.UPDATE_GOLDEN === '1') {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, r.stderr);
  }
  assert.equal(r.stderr, await readFile(path, 'utf8'));
  return r;
}

/** The rules of the located lines (`file:line:col severity rule …`). */
const rulesIn = (stderr: string): string[] => [...new Set(stderr.split('\n').map((l) => /^\S+:\d+:\d+ (?:error|warning) (\S+) /.exec(l)?.[1]).filter((r): r is string => r !== undefined))].sort();

describe('specfirst lint', () => {
  for (const [name, { file, code, rules }] of Object.entries(CASES)) {
    it(`reports ${name} exactly as expected`, async () => {
      const r = await lintMatchesGolden(`test/fixtures/lint/${file}`, `${name}.txt`);
      assert.equal(r.code, code);
      assert.deepEqual(rulesIn(r.stderr), [...rules].sort());
    });
  }

  it('has a golden case for every rule it can report', () => {
    const covered = new Set(Object.values(CASES).flatMap((c) => c.rules));
    // Reported by generate, not lint: they need the emitters or several contracts (type-fallback: type-fallback.test.ts).
    const elsewhere = new Set(['schema-types', 'type-fallback', 'duplicate-api-name']);
    assert.deepEqual(RULES.map((r) => r.name).filter((r) => !covered.has(r) && !elsewhere.has(r)), []);
  });

  it('lints every contract in contracts/ by default', async () => {
    const r = await runCli(['lint']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /specfirst lint: 1 contract\(s\), 0 errors, 0 warnings/);
  });
});

describe('specfirst lint on the edge contracts (test/fixtures/edge/EXPECT.md)', () => {
  for (const name of EDGE) {
    it(`reports ${name} exactly as expected`, async () => {
      await lintMatchesGolden(`test/fixtures/edge/${name}.yaml`, `edge/${name.replace('/openapi', '')}.txt`);
    });
  }

  it('reports type: strnig as an error at line 16 of typo-type31.yaml', async () => {
    const r = await runCli(['lint', 'test/fixtures/edge/typo-type31.yaml']);
    assert.match(r.stderr, /^test\/fixtures\/edge\/typo-type31\.yaml:16:13 error schema /m);
    assert.equal(r.code, 1);
  });

  it('reports the misspelled field of a path item reached by $ref in its own file', async () => {
    const r = await runCli(['lint', 'test/fixtures/edge/pathref/openapi.yaml']);
    assert.match(r.stderr, /^test\/fixtures\/edge\/pathref\/nodes-path\.yaml:3:3 error schema unknown property "bogusField"/m);
  });
});
