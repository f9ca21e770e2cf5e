// `specfirst lint`: one small bad contract per rule (and a contract split over files), each with
// its exact expected output in test/golden/lint/. Update with UPDATE_GOLDEN=1.
import assert from 'node:assert/strict';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ROOT, runCli } from '../helpers.js';

const CASES: Record<string, { file: string; code: number }> = {
  yaml: { file: 'yaml.yaml', code: 1 },
  ref: { file: 'ref.yaml', code: 1 },
  schema: { file: 'schema.yaml', code: 1 },
  'missing-operation-id': { file: 'missing-operation-id.yaml', code: 0 },
  'duplicate-operation-name': { file: 'duplicate-operation-name.yaml', code: 1 },
  'path-parameters': { file: 'path-parameters.yaml', code: 1 },
  'json-response-without-schema': { file: 'json-response-without-schema.yaml', code: 0 },
  'required-not-in-properties': { file: 'required-not-in-properties.yaml', code: 1 },
  'unused-component': { file: 'unused-component.yaml', code: 0 },
  'error-formatter-missing': { file: 'error-formatter-missing.yaml', code: 0 },
  'multi-file': { file: 'multi/root.yaml', code: 0 },
};

describe('specfirst lint', () => {
  for (const [name, { file, code }] of Object.entries(CASES)) {
    it(`reports ${name} exactly as expected`, async () => {
      const r = await runCli(['lint', `test/fixtures/lint/${file}`]);
      const golden = join(ROOT, 'test', 'golden', 'lint', `${name}.txt`);
      if (process.env.UPDATE_GOLDEN === '1') {
        await mkdir(join(ROOT, 'test', 'golden', 'lint'), { recursive: true });
        await writeFile(golden, r.stderr);
      }
      assert.equal(r.stderr, await readFile(golden, 'utf8'));
      assert.equal(r.code, code);
    });
  }

  it('lints every contract in contracts/ by default', async () => {
    const r = await runCli(['lint']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /specfirst lint: 1 contract\(s\), 0 errors, 0 warnings/);
  });
});
