// Golden files for the validator's copy of the contract: one folder per construct in
// test/golden/normalize/, each with the document as bundled (input.json), what the validator gets
// (output.json), the start-up log entries (changes.json), the types the generator writes for it
// (types.ts), and the values each side must accept or reject (cases.json). A diff in a golden file
// is reviewed like code. Update with: npm run golden:update
import assert from 'node:assert/strict';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import ts from 'typescript';
import { emitSchema } from '../../../generator/emit/types.js';
import { normalizeForValidator } from '../../../server/runtime/normalize/index.js';
import type { Document } from '../../../server/runtime/contract/document.js';
import { ROOT } from '../../helpers.js';
import { compileProblems, validatorAt } from './ajv-compile.js';

const GOLDEN = join(ROOT, 'test', 'golden', 'normalize');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

interface Case {
  /** `#/components/schemas/Name` or `#/components/schemas/Name/properties/prop`. */
  schema: string;
  /** Accepted by the validator's copy, and assignable to the generated type. */
  valid?: unknown[];
  /** Rejected by the validator's copy. */
  invalid?: unknown[];
  /** Of the invalid values, those the generated type rejects too (types cannot say everything). */
  typeInvalid?: unknown[];
}

interface Cases {
  cases?: Case[];
  /** Schemas that still cannot compile after normalisation (the runtime isolates them). */
  compileProblems?: string[];
}

const constructs = (await readdir(GOLDEN, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name).sort();
const readJson = async <T>(file: string, fallback?: T): Promise<T> => {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as T;
  } catch (error) {
    if (fallback !== undefined && (error as NodeJS.ErrnoException).code === 'ENOENT') return fallback;
    throw error;
  }
};

/** Compares with the golden file, or writes it under UPDATE_GOLDEN=1. */
async function golden(file: string, content: string): Promise<void> {
  if (UPDATE) await writeFile(file, content);
  assert.equal(content, await readFile(file, 'utf8'), `${file} differs from its golden file (npm run golden:update, then review the diff)`);
}

/** The TypeScript type of a case's schema in the generated schema.ts. */
function typeOf(pointer: string): string {
  const m = /^#\/components\/schemas\/([^/]+)(?:\/properties\/([^/]+))?$/.exec(pointer);
  if (!m) throw new Error(`cases.json: ${pointer} is not a component schema or one of its properties`);
  const schema = `components["schemas"][${JSON.stringify(m[1])}]`;
  return m[2] ? `Exclude<${schema}[${JSON.stringify(m[2])}], undefined>` : schema;
}

const typeChecks = new Map<string, string>();
const artifacts = join(ROOT, 'test', 'artifacts', `normalize-types-${process.pid}`);
after(() => rm(artifacts, { recursive: true, force: true }));

describe('normalisation for the validator (golden)', () => {
  for (const construct of constructs) {
    const dir = join(GOLDEN, construct);
    it(`${construct}: gives the golden copy and changes, which ajv compiles with the meaning the types have`, async () => {
      const input = await readJson<Document>(join(dir, 'input.json'));
      const { cases = [], compileProblems: expectedProblems = [] } = await readJson<Cases>(join(dir, 'cases.json'), {});
      const pristine = structuredClone(input);
      const { document, changes } = normalizeForValidator(input);
      assert.deepEqual(input, pristine, 'the contract itself must never be modified');
      await golden(join(dir, 'output.json'), JSON.stringify(document, null, 2) + '\n');
      await golden(join(dir, 'changes.json'), JSON.stringify(changes, null, 2) + '\n');
      await golden(join(dir, 'types.ts'), await emitSchema(structuredClone(input) as never, `normalize/${construct}/input.json`));

      assert.deepEqual(compileProblems(document).map((p) => p.pointer), expectedProblems, 'every schema compiles with the validator\'s ajv');
      assert.deepEqual(normalizeForValidator(document).document, document, 'normalising the copy again changes nothing');

      const checks: string[] = [];
      for (const c of cases) {
        const accepts = validatorAt(document as never, c.schema);
        for (const value of c.valid ?? []) assert.ok(accepts(value), `${c.schema} must accept ${JSON.stringify(value)}`);
        for (const value of c.invalid ?? []) assert.ok(!accepts(value), `${c.schema} must reject ${JSON.stringify(value)}`);
        const type = typeOf(c.schema);
        for (const value of c.valid ?? []) checks.push(`export const _${checks.length}: ${type} = ${JSON.stringify(value)};`);
        for (const value of c.typeInvalid ?? []) checks.push(`// @ts-expect-error the type must reject what the validator rejects\nexport const _${checks.length}: ${type} = ${JSON.stringify(value)};`);
      }
      if (checks.length > 0) typeChecks.set(construct, checks.join('\n'));
    });
  }

  it('types accept every value the validator accepts, and reject the ones cases.json says', async () => {
    assert.ok(typeChecks.size > 0, 'no construct has cases');
    const files: string[] = [];
    for (const [construct, checks] of typeChecks) {
      await mkdir(join(artifacts, construct), { recursive: true });
      const file = join(artifacts, construct, 'check.ts');
      await writeFile(file, `import type { components } from ${JSON.stringify(join(GOLDEN, construct, 'types.js'))};\n${checks}\n`);
      files.push(file);
    }
    const program = ts.createProgram(files, { strict: true, noEmit: true, skipLibCheck: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, types: [] });
    const problems = ts.getPreEmitDiagnostics(program).map((d) => `${d.file?.fileName.slice(artifacts.length + 1) ?? ''}:${d.file ? d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1 : 0} ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`);
    assert.deepEqual(problems, []);
  });
});
