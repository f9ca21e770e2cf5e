// validators.cjs, the validators `specfirst build` writes out as ajv's standalone code, against the
// validators the server compiles itself from the same contract: for every part of every operation,
// the same answer (valid or not), the same errors, and the same value afterwards (parameters are
// coerced and get their defaults; bodies get theirs), on the contract's examples, values sampled
// from each schema and values from fast-check.
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { ValidateFunction } from 'ajv';
import fc from 'fast-check';
import { parse } from 'yaml';
import { validatorsFileText } from '../../../../generator/build/validators-file.js';
import { loadContract } from '../../../../generator/contract/load.js';
import type { Document } from '../../../../server/runtime/contract/document.js';
import { forEachObject } from '../../../../server/runtime/contract/each-object.js';
import { operationsOf } from '../../../../server/runtime/contract/methods.js';
import { deref } from '../../../../server/runtime/contract/pointer.js';
import { compileOperation } from '../../../../server/runtime/plan/compile-operation.js';
import { instanceMark, precompiledValidators, validatorsFileHeader, VALIDATORS_FILE, type InstanceKind, type PrecompiledValidators } from '../../../../server/runtime/plan/precompiled.js';
import type { NormalizedCopies } from '../../../../server/runtime/plan/normalized-file.js';
import { shapeOf } from '../../../../server/runtime/plan/shape.js';
import { normalizedCopies, prepareValidation } from '../../../../server/runtime/plan/validator-context.js';
import { sampleSchema } from '../../../../server/runtime/sample.js';
import { fixture, ROOT } from '../../../helpers.js';

const CONTRACTS = [
  join(ROOT, 'contracts', 'petstore.yaml'),
  fixture('oas-3.2', 'pets.yaml'),
  fixture('runtime', 'runtime.yaml'),
  fixture('runtime', 'required-default.yaml'),
  fixture('edge', 'discriminator-implicit.yaml'),
  fixture('edge', 'readonly-param.yaml'),
  fixture('edge', 'nullable30.yaml'),
  fixture('edge', 'typenull31.yaml'),
  fixture('contracts', 'redocly-starter', 'openapi.yaml'),
  fixture('contracts', 'oai-v3.1-tictactoe.yaml'),
  fixture('contracts', 'oai-v3.0-petstore-expanded.yaml'),
];

/** readOnly and writeOnly, formats, defaults and a recursive schema, in a 3.0 and a 3.1 dialect. */
const oneWay = (openapi: string): string => `openapi: ${openapi}
info: { title: One way, version: '1' }
paths:
  /things/{id}:
    put:
      parameters:
        - { name: id, in: path, required: true, schema: { type: integer, format: int32 } }
        - { name: when, in: query, schema: { type: string, format: date-time } }
        - { name: size, in: query, schema: { type: number, default: 1.5 } }
        - { name: tags, in: query, schema: { type: array, items: { type: boolean } } }
      requestBody:
        content:
          application/json: { schema: { $ref: '#/components/schemas/Thing' } }
      responses:
        '200': { description: ok, content: { application/json: { schema: { $ref: '#/components/schemas/Thing' } } } }
components:
  schemas:
    Thing:
      type: object
      required: [id, name, secret]
      properties:
        id: { type: integer, readOnly: true }
        name: { type: string, format: email, default: a@b.c }
        secret: { type: string, writeOnly: true }
        day: { type: string, format: date }
        mode: { type: string, enum: [on, off], default: on }
        child: { $ref: '#/components/schemas/Thing' }
        bytes: { type: string, format: byte }
`;

interface Part {
  kind: InstanceKind;
  schema: object;
  runtime: ValidateFunction;
}

interface Subject {
  name: string;
  parts: Part[];
  precompiled: PrecompiledValidators;
  requestDoc: Document;
  examples: unknown[];
}

let dir: string;
const ignored: string[] = [];

/** Writes validators.cjs for `document` beside its openapi.json in a folder of its own; the parts the server compiles. */
async function subject(name: string, document: Document): Promise<Subject> {
  const text = JSON.stringify(document);
  const copies = JSON.parse(JSON.stringify(normalizedCopies(document))) as NormalizedCopies;
  const at = await mkdtemp(join(dir, 'api-'));
  await writeFile(join(at, 'openapi.json'), text);
  await writeFile(join(at, VALIDATORS_FILE), validatorsFileText(text, copies).text);
  const parts: Part[] = [];
  const ctx = prepareValidation(document, copies, { onCompiled: (kind, _key, runtime) => void parts.push({ kind, schema: runtime.schema as object, runtime }) });
  for (const [path, item] of Object.entries(ctx.requestDoc.paths ?? {})) {
    for (const { method } of operationsOf(deref<Record<string, unknown>>(ctx.requestDoc, item) ?? {})) {
      try {
        compileOperation(ctx.validators, ctx.requestDoc, shapeOf(ctx, path, method));
      } catch {
        // a part the server cannot compile: not written out either (tested below)
      }
    }
  }
  const examples: unknown[] = [];
  forEachObject([document.paths, document.components], (node) => {
    if ('example' in node) examples.push(node.example);
    if (node.examples && typeof node.examples === 'object') for (const e of Object.values(node.examples)) examples.push((e as { value?: unknown })?.value ?? e);
  });
  return { name, parts, precompiled: precompiledValidators(pathToFileURL(join(at, 'openapi.json')), text, (m) => ignored.push(m)), requestDoc: ctx.requestDoc, examples: examples.slice(0, 40) };
}

/** Every leaf as the string a query or header would carry. */
function asStrings(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(asStrings);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, asStrings(v)]));
  return value === null || value === undefined ? value : String(value);
}

/** The values each part is tried with. */
function valuesFor(s: Subject, part: Part, seed: number): unknown[] {
  const values: unknown[] = [...s.examples, null, {}, [], '', 0];
  try {
    const sampled = sampleSchema(s.requestDoc, part.schema, { direction: part.kind === 'response' ? 'response' : 'request' });
    values.push(sampled, asStrings(sampled));
  } catch {
    // some schemas cannot be sampled: the other values still run
  }
  values.push(...fc.sample(fc.anything({ withNullPrototype: false }), { numRuns: 15, seed }));
  values.push(...fc.sample(fc.jsonValue(), { numRuns: 15, seed: seed + 1 }));
  values.push(...fc.sample(fc.dictionary(fc.constantFrom('id', 'name', 'secret', 'day', 'mode', 'params', 'query', 'headers', 'cookies', 'child'), fc.oneof(fc.jsonValue(), fc.string())), { numRuns: 15, seed: seed + 2 }));
  return values;
}

/** One validator's answer: valid or not, its errors, the value after it ran. */
function answer(validate: ValidateFunction, value: unknown): { valid: boolean; errors: unknown; after: unknown } {
  const copy = structuredClone(value);
  const valid = validate(copy) as boolean;
  return { valid, errors: validate.errors ?? null, after: copy };
}

describe('validators.cjs (precompiled) and the validators compiled at run time', () => {
  const subjects: Subject[] = [];
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'specfirst-precompiled-'));
    for (const path of CONTRACTS) {
      const { contract } = await loadContract(path);
      assert.ok(contract, path);
      subjects.push(await subject(path.slice(ROOT.length), contract.document as unknown as Document));
    }
    subjects.push(await subject('one way 3.0', parse(oneWay('3.0.3')) as Document));
    subjects.push(await subject('one way 3.1', parse(oneWay('3.1.0')) as Document));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it('writes every validator the server compiles, in every instance', () => {
    for (const s of subjects) {
      assert.ok(s.parts.length > 0, s.name);
      for (const part of s.parts) assert.ok(s.precompiled.find(part.kind, part.schema), `${s.name}: ${part.kind} ${JSON.stringify(part.schema).slice(0, 80)}`);
    }
    const kinds = new Set(subjects.flatMap((s) => s.parts.map((p) => p.kind)));
    assert.deepEqual([...kinds].sort(), ['body', 'bodyDefaults', 'parameters', 'response']);
    assert.deepEqual(ignored, []);
  });

  it('answers as the run-time validator does: validity, errors and the value afterwards', () => {
    let compared = 0;
    for (const s of subjects) {
      s.parts.forEach((part, i) => {
        const pre = s.precompiled.find(part.kind, part.schema)!;
        for (const value of valuesFor(s, part, i + 1)) {
          let runtime;
          try {
            runtime = answer(part.runtime, value);
          } catch {
            continue; // not a value structuredClone copies
          }
          assert.deepEqual(answer(pre, value), runtime, `${s.name}: ${part.kind} ${JSON.stringify(part.schema).slice(0, 120)} on ${String(JSON.stringify(value)).slice(0, 120)}`);
          compared++;
        }
      });
    }
    assert.ok(compared > 1000, `${compared} comparisons`);
  });

  it('refuses a readOnly property in a request and a writeOnly one in a response, null included, as express-openapi-validator words it', () => {
    for (const name of ['one way 3.0', 'one way 3.1']) {
      const s = subjects.find((x) => x.name === name)!;
      const body = s.parts.find((p) => p.kind === 'body')!;
      const response = s.parts.find((p) => p.kind === 'response')!;
      for (const validate of [body.runtime, s.precompiled.find('body', body.schema)!]) {
        const readOnly = { instancePath: '/id', schemaPath: '#/properties/id/readOnly', keyword: 'readOnly', params: { writeOnly: 'id' }, message: 'is read-only' };
        assert.equal(validate({ id: 7, name: 'a@b.c', secret: 's' }), false);
        assert.deepEqual(validate.errors, [readOnly]);
        // null is not an integer either; and it was sent all the same
        assert.equal(validate({ id: null, name: 'a@b.c', secret: 's' }), false);
        assert.deepEqual(validate.errors?.find((e) => e.keyword === 'readOnly'), readOnly);
        assert.equal(validate({ name: 'a@b.c', secret: 's' }), true, name);
      }
      for (const validate of [response.runtime, s.precompiled.find('response', response.schema)!]) {
        assert.equal(validate({ id: 1, name: 'a@b.c', child: { id: 2, name: 'x@y.z', secret: 's' } }), false);
        assert.deepEqual(validate.errors, [{ instancePath: '/child/secret', schemaPath: '#/properties/secret/writeOnly', keyword: 'writeOnly', params: { writeOnly: 'secret' }, message: 'is write-only' }]);
      }
    }
  });

  it('leaves out a part that does not compile: the server compiles it and finds the same problem', async () => {
    const document = parse(`openapi: 3.1.0
info: { title: Broken, version: '1' }
paths:
  /things:
    post:
      parameters:
        - { name: limit, in: query, schema: { type: integer } }
      requestBody:
        content:
          application/json: { schema: { type: string, pattern: '(' } }
      responses:
        '200': { description: ok, content: { application/json: { schema: { type: object } } } }
`) as Document;
    const text = JSON.stringify(document);
    const copies = JSON.parse(JSON.stringify(normalizedCopies(document))) as NormalizedCopies;
    const at = await mkdtemp(join(dir, 'broken-'));
    const file = validatorsFileText(text, copies);
    await writeFile(join(at, VALIDATORS_FILE), file.text);
    assert.equal(file.count, 2, 'the parameters and the response, not the body');
    const failures = (precompiled: PrecompiledValidators | null): unknown => {
      const ctx = prepareValidation(document, copies, { precompiled });
      try {
        compileOperation(ctx.validators, ctx.requestDoc, shapeOf(ctx, '/things', 'post'));
      } catch (error) {
        return (error as { failures: unknown }).failures;
      }
      return assert.fail('the body does not compile');
    };
    const written = precompiledValidators(pathToFileURL(join(at, 'openapi.json')), text, (m) => assert.fail(m));
    assert.deepEqual(failures(written), failures(null));
    assert.match(JSON.stringify(failures(written)), /request body application\/json/);
  });

  it('writes the same bytes for the same contract', async () => {
    const { contract } = await loadContract(join(ROOT, 'contracts', 'petstore.yaml'));
    const text = JSON.stringify(contract!.document);
    const copies = (): NormalizedCopies => JSON.parse(JSON.stringify(normalizedCopies(contract!.document as unknown as Document))) as NormalizedCopies;
    const first = validatorsFileText(text, copies());
    assert.equal(validatorsFileText(text, copies()).text, first.text);
    assert.ok(first.count > 5);
  });

  it('ignores a file made for another version of the document, or one that does not run, saying so once', async () => {
    const at = await mkdtemp(join(dir, 'stale-'));
    const document = parse(oneWay('3.1.0')) as Document;
    const text = JSON.stringify(document);
    const copies = JSON.parse(JSON.stringify(normalizedCopies(document))) as NormalizedCopies;
    await writeFile(join(at, VALIDATORS_FILE), validatorsFileText(text, copies).text);
    const changed = text.replace('One way', 'Another way');
    const said: string[] = [];
    const stale = precompiledValidators(pathToFileURL(join(at, 'openapi.json')), changed, (m) => said.push(m));
    const schema = subjects.find((x) => x.name === 'one way 3.1')!.parts.find((p) => p.kind === 'body')!.schema;
    assert.ok(subjects.find((x) => x.name === 'one way 3.1')!.precompiled.find('body', schema));
    assert.equal(stale.find('body', schema), undefined);
    assert.equal(stale.find('body', schema), undefined);
    assert.equal(stale.find('response', schema), undefined);
    assert.equal(said.length, 1);
    assert.match(said[0]!, /another version of openapi\.json/);
    await writeFile(join(at, VALIDATORS_FILE), `${validatorsFileHeader(changed)}${instanceMark('body')}this is not JavaScript(`);
    const broken: string[] = [];
    assert.equal(precompiledValidators(pathToFileURL(join(at, 'openapi.json')), changed, (m) => broken.push(m)).find('body', schema), undefined);
    assert.equal(broken.length, 1);
    assert.match(broken[0]!, /cannot be run/);
  });
});
