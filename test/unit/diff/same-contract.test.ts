// `specfirst diff X X` reports nothing, for every contract in ../shared/contracts (box.json,
// discord.json, the multi-file starter…) and for the same contract written another way: YAML as
// JSON, component schemas moved to files of their own, 3.0 `nullable` rewritten as 3.1 type lists.
// A change reported here is a false alarm every team using that contract would hit.
import assert from 'node:assert/strict';
import { readdir, readFile, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parse, stringify } from 'yaml';
import { loadContract } from '../../../generator/contract/load.js';
import { diffContracts } from '../../../generator/diff/diff-contracts.js';
import { ROOT, tempProject } from '../../helpers.js';
import { SHARED_CONTRACTS } from './shared-contracts.js';

const TODAY = '2026-01-01';

async function changesBetween(base: string, revision: string): Promise<string[]> {
  const [b, r] = await Promise.all([loadContract(base), loadContract(revision)]);
  assert.ok(b.contract && r.contract, `${base} / ${revision} load: ${JSON.stringify([...b.diagnostics, ...r.diagnostics].slice(0, 3))}`);
  return diffContracts(b.contract, r.contract, { today: TODAY }).map((c) => `${c.level} ${c.id} ${c.operation}: ${c.message}`);
}

async function sharedContracts(): Promise<string[]> {
  const dir = SHARED_CONTRACTS!;
  const top = (await readdir(dir)).filter((f) => /\.(ya?ml|json)$/.test(f)).map((f) => join(dir, f));
  const edge = (await readdir(join(dir, 'edge'))).filter((f) => /\.ya?ml$/.test(f)).map((f) => join(dir, 'edge', f));
  return [...top, join(dir, 'redocly-starter', 'openapi.yaml'), ...edge];
}

type Json = Record<string, unknown>;
const isJson = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every object of a value, depth first (a schema named `nullable` is an object, never `true`). */
function eachObject(value: unknown, visit: (o: Json) => void): void {
  if (Array.isArray(value)) return value.forEach((v) => eachObject(v, visit));
  if (!isJson(value)) return;
  visit(value);
  for (const v of Object.values(value)) eachObject(v, visit);
}

/** A 3.0 document as 3.1 says the same: `nullable` as a type list (or a union with null), boolean exclusive bounds as numbers. */
function as31(doc: Json): Json {
  const out = structuredClone(doc);
  out.openapi = '3.1.0';
  eachObject(out, (s) => {
    for (const [flag, bound] of [
      ['exclusiveMaximum', 'maximum'],
      ['exclusiveMinimum', 'minimum'],
    ] as const) {
      if (typeof s[flag] !== 'boolean') continue;
      if (s[flag] === true && typeof s[bound] === 'number') {
        s[flag] = s[bound];
        delete s[bound];
      } else delete s[flag];
    }
    // `allOf: [A, {nullable: true}]`: the project reads the lone flag as the parent's (normalize/nullable-member.ts).
    if (Array.isArray(s.allOf) && s.allOf.some((m) => isJson(m) && m.nullable === true && Object.keys(m).length === 1)) {
      s.allOf = s.allOf.filter((m) => !(isJson(m) && m.nullable === true && Object.keys(m).length === 1));
      s.nullable = true;
    }
    if (s.nullable === undefined || typeof s.nullable !== 'boolean') return;
    const nullable = s.nullable;
    delete s.nullable;
    if (!nullable) return;
    // As the project reads 3.0 (server/runtime/normalize/nullable.ts): null, or the composed schema.
    if (['$ref', 'allOf', 'anyOf', 'oneOf'].some((k) => k in s)) {
      const inner: Json = {};
      for (const k of ['$ref', 'allOf', 'anyOf', 'oneOf', 'discriminator']) {
        if (k in s) {
          inner[k] = s[k];
          delete s[k];
        }
      }
      s.anyOf = [inner, { type: 'null' }];
    }
    if (typeof s.type === 'string') {
      s.type = [s.type, 'null'];
      if (Array.isArray(s.enum) && !s.enum.includes(null)) s.enum = [...s.enum, null];
    }
  });
  return out;
}

/** The contract with every component schema that references nothing moved to schemas/<name>.yaml. */
async function withSchemasInFiles(doc: Json, dir: string): Promise<Json> {
  const out = structuredClone(doc);
  const schemas = (out.components as Json).schemas as Json;
  const moved = Object.keys(schemas).filter((name) => !JSON.stringify(schemas[name]).includes('"$ref"'));
  await mkdir(join(dir, 'schemas'), { recursive: true });
  for (const name of moved) {
    await writeFile(join(dir, 'schemas', `${name}.yaml`), stringify(schemas[name]));
    delete schemas[name];
  }
  const refs = new Map(moved.map((name) => [`#/components/schemas/${name}`, `./schemas/${name}.yaml`]));
  eachObject(out, (o) => {
    if (typeof o.$ref === 'string' && refs.has(o.$ref)) o.$ref = refs.get(o.$ref);
  });
  return out;
}

describe('specfirst diff of a contract with itself', { skip: SHARED_CONTRACTS ? false : 'no ../shared/contracts here' }, () => {
  let project: Awaited<ReturnType<typeof tempProject>>;
  before(async () => (project = await tempProject('diff-same')));
  after(() => project.remove());

  it('reports nothing for every contract in ../shared/contracts', async () => {
    const contracts = await sharedContracts();
    assert.ok(contracts.length >= 30);
    for (const path of contracts) {
      const { contract } = await loadContract(path);
      if (!contract) continue;
      assert.deepEqual(diffContracts(contract, contract, { today: TODAY }), [], path);
    }
  });

  it('reports nothing between a YAML contract and the same contract written as JSON', async () => {
    for (const path of [join(ROOT, 'contracts', 'petstore.yaml'), join(SHARED_CONTRACTS!, 'twilio-messaging-v1.yaml'), join(SHARED_CONTRACTS!, 'redocly-museum.yaml')]) {
      const json = join(project.dir, `${path.split('/').pop()}.json`);
      await writeFile(json, JSON.stringify(parse(await readFile(path, 'utf8'))));
      assert.deepEqual(await changesBetween(path, json), [], path);
      assert.deepEqual(await changesBetween(json, path), [], path);
    }
  });

  it('reports nothing when component schemas move to files of their own', async () => {
    for (const path of [join(ROOT, 'contracts', 'petstore.yaml'), join(SHARED_CONTRACTS!, 'swagger-petstore3.yaml')]) {
      const dir = join(project.dir, `split-${path.split('/').pop()}`);
      const split = await withSchemasInFiles(parse(await readFile(path, 'utf8')) as Json, dir);
      await writeFile(join(dir, 'openapi.yaml'), stringify(split));
      assert.deepEqual(await changesBetween(path, join(dir, 'openapi.yaml')), [], path);
    }
  });

  it('reports nothing between 3.0 nullable and the same contract in 3.1 type lists (box.json: 579 nullable)', async () => {
    for (const path of [join(SHARED_CONTRACTS!, 'box.json'), join(SHARED_CONTRACTS!, 'edge', 'nullable30.yaml'), join(SHARED_CONTRACTS!, 'edge', 'allof-nullable30.yaml')]) {
      const converted = join(project.dir, `31-${path.split('/').pop()}.json`);
      await writeFile(converted, JSON.stringify(as31(parse(await readFile(path, 'utf8')) as Json)));
      assert.deepEqual(await changesBetween(path, converted), [], path);
      assert.deepEqual(await changesBetween(converted, path), [], path);
    }
  });
});
