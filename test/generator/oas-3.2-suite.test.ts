// The OpenAPI 3.2 specification's own schema tests (test/fixtures/oas-3.2/tests, see SOURCES.md):
// every document in pass/ lints without a schema error, every one in fail/ is rejected with an
// error at the line of the construct its file name names.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { lintContractFile } from '../../generator/lint/lint-contract.js';
import { fixture } from '../helpers.js';

const suite = (kind: 'pass' | 'fail') => readdirSync(fixture('oas-3.2', 'tests', kind)).filter((f) => f.endsWith('.yaml')).sort();

/**
 * Errors the meta-schema cannot see, in documents that are valid for it: the specification's own
 * example declares `petId` for the path `/pets/{id}`; another `$ref`s a remote URL, which specfirst
 * does not fetch.
 */
const BEYOND_THE_SCHEMA: Record<string, string[]> = {
  'operation-object-example.yaml': ['path-parameter-undeclared', 'path-parameter-unused'],
  'security-scheme-object-examples.yaml': ['ref-object'],
};

/** For each document of fail/, the text that starts (quotes aside) the last line holding the construct its name names. */
const REJECTED_AT: Record<string, string> = {
  'encoding-enc-item-exclusion.yaml': 'prefixEncoding',
  'encoding-enc-prefix-exclusion.yaml': 'itemEncoding',
  'example-examples.yaml': 'animal',
  'example-object-old-exclusions.yaml': 'CannotHaveBoth',
  'example-object-old-vs-data.yaml': 'NoValueWithDataValue',
  'example-object-old-vs-ser.yaml': 'CannotHaveBoth',
  'example-object-ser-exclusions.yaml': 'CannotHaveBoth',
  'header-object-allowReserved.yaml': 'allowReserved',
  'header-object-name.yaml': 'Bad=Header',
  'invalid_schema_types.yaml': 'invalid_null',
  'media-type-enc-item-exclusion.yaml': 'itemEncoding',
  'media-type-enc-prefix-exclusion.yaml': 'prefixEncoding',
  'no_containers.yaml': 'openapi',
  'operation-object-query-with-querystring.yaml': 'parameters',
  'operation-object-two-querystrings.yaml': 'parameters',
  'parameter-object-content-not-with-style.yaml': 'style',
  'parameter-object-cookie-allowReserved.yaml': 'allowReserved',
  'parameter-object-header-allowReserved.yaml': 'allowReserved',
  'parameter-object-header-name.yaml': 'name',
  'parameter-object-path-name.yaml': 'name',
  'parameter-object-querystring-not-with-schema.yaml': 'querystring-not-with-schema',
  'path-item-object-conflicting-additional-operation.yaml': 'POST',
  'path-item-object-query-with-querystring.yaml': 'parameters',
  'path-item-object-two-querystrings.yaml': 'parameters',
  'server_enum_empty.yaml': 'enum',
  'servers.yaml': 'servers',
  'unknown_container.yaml': 'overlays',
  'xml-attr-exclusion.yaml': 'attribute',
  'xml-wrapped-exclusion.yaml': 'wrapped',
};

describe('the OpenAPI 3.2 schema tests', () => {
  it('has a line to expect for every document of fail/', () => {
    assert.deepEqual(Object.keys(REJECTED_AT).sort(), suite('fail'));
  });

  for (const name of suite('pass')) {
    it(`lints pass/${name} without an error the schema makes`, async () => {
      const { diagnostics } = await lintContractFile(fixture('oas-3.2', 'tests', 'pass', name));
      const errors = diagnostics.filter((d) => d.severity === 'error' && !(BEYOND_THE_SCHEMA[name] ?? []).includes(d.rule));
      assert.deepEqual(errors.map((d) => `${d.line}:${d.column} ${d.rule} ${d.message}`), []);
    });
  }

  for (const name of suite('fail')) {
    it(`rejects fail/${name} at the line of ${REJECTED_AT[name] ?? '?'}:`, async () => {
      const file = fixture('oas-3.2', 'tests', 'fail', name);
      const line = readFileSync(file, 'utf8').split('\n').findLastIndex((l) => l.trim().replace(/^'/, '').startsWith(REJECTED_AT[name]!)) + 1;
      assert.ok(line > 0, `no line starts with ${REJECTED_AT[name]}`);
      const { diagnostics } = await lintContractFile(file);
      const errors = diagnostics.filter((d) => d.severity === 'error' && d.rule === 'schema');
      assert.ok(errors.some((d) => d.line === line), `expected a schema error at line ${line}, got ${JSON.stringify(errors.map((d) => `${d.line}:${d.column} ${d.message}`))}`);
    });
  }

  it('checks an example by its dataValue, and a response without description is fine', async () => {
    const { diagnostics } = await lintContractFile(fixture('oas-3.2', 'data-value.yaml'));
    assert.deepEqual(diagnostics.map((d) => `${d.line} ${d.severity} ${d.rule} ${d.pointer}`), ['25 warning example /paths/~1pets~1{id}/get/responses/200/content/application~1json/examples/wrong/dataValue']);
  });

  it('resolves relative $refs against $self, and finds a document by its $self', async () => {
    // Resolved against the file, `pets.yaml` would be the decoy beside the root (a Pet with `id`).
    const { diagnostics, contract } = await lintContractFile(fixture('oas-3.2', 'self', 'openapi.yaml'));
    assert.deepEqual(diagnostics.map((d) => `${d.line} ${d.rule} ${d.message}`), []);
    const document = contract!.document as { paths: Record<string, { post: { requestBody: { content: Record<string, { schema: { $ref: string } }> } } }>; components: { schemas: Record<string, { required: string[] }> } };
    const ref = document.paths['/pets']!.post.requestBody.content['application/json']!.schema.$ref;
    assert.deepEqual(document.components.schemas[ref.split('/').pop()!]!.required, ['name']);
    assert.deepEqual(Object.keys(document.components.schemas), ['Pet']);
  });
});
