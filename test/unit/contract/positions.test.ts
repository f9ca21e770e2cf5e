// positions.ts: a pointer into a YAML or JSON file → the line and column a problem is printed at
// (`file:line:col`), and a pointer into the contract as read → the file that holds it.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { followPointer, placeAll } from '../../../generator/contract/positions.js';
import type { SourceFile, Sources } from '../../../generator/contract/sources.js';

const YAML_TEXT = `openapi: 3.0.3
info:
  title: Pets
tags:
  - name: a
  - name: b
paths:
  /pets:
    get:
      responses:
        '200':
          description: ok
`;

const JSON_TEXT = `{
  "openapi": "3.1.0",
  "paths": {
    "/pets": {
      "get": { "operationId": "listPets", "tags": ["x", "y"] }
    }
  }
}
`;

function sourcesOf(...files: SourceFile[]): Sources {
  return new Map(files.map((f) => [f.path, f]));
}

const yamlFile = (path: string, text: string): SourceFile => ({ path, text, format: 'yaml', value: parse(text) });
const jsonFile = (path: string, text: string): SourceFile => ({ path, text, format: 'json', value: JSON.parse(text) });

describe('placeAll', () => {
  const sources = sourcesOf(yamlFile('/c/pets.yaml', YAML_TEXT), jsonFile('/c/pets.json', JSON_TEXT));
  const place = (file: string, pointer: string) => {
    const [p] = placeAll(sources, [{ file, pointer }]);
    return `${p!.path}:${p!.line}:${p!.column}`;
  };

  it('places a YAML member at its key, decoding ~1 in the pointer', () => {
    assert.equal(place('/c/pets.yaml', '/paths/~1pets/get'), '/c/pets.yaml:9:5');
    assert.equal(place('/c/pets.yaml', '/paths/~1pets/get/responses/200/description'), '/c/pets.yaml:12:11');
  });

  it('places a YAML sequence item at its first character', () => {
    assert.equal(place('/c/pets.yaml', '/tags/1'), '/c/pets.yaml:6:5');
  });

  it('places a JSON member at its key and an array item at its first character', () => {
    assert.equal(place('/c/pets.json', '/paths/~1pets/get/operationId'), '/c/pets.json:5:16');
    assert.equal(place('/c/pets.json', '/paths/~1pets/get/tags/1'), '/c/pets.json:5:57');
  });

  it('gives the deepest place found when a pointer cannot be followed to the end', () => {
    assert.equal(place('/c/pets.yaml', '/paths/~1pets/post/responses'), '/c/pets.yaml:8:3');
    assert.equal(place('/c/pets.json', '/paths/~1dogs'), '/c/pets.json:3:3');
  });

  it('places the document itself, and a file that was never read, at 1:1', () => {
    assert.equal(place('/c/pets.yaml', ''), '/c/pets.yaml:1:1');
    assert.equal(place('/c/missing.yaml', '/paths'), '/c/missing.yaml:1:1');
  });

  it('answers in the order asked, whatever the files', () => {
    const places = placeAll(sources, [
      { file: '/c/pets.json', pointer: '/openapi' },
      { file: '/c/pets.yaml', pointer: '/info/title' },
      { file: '/c/pets.json', pointer: '/paths' },
    ]);
    assert.deepEqual(places.map((p) => `${p.path}:${p.line}:${p.column}`), ['/c/pets.json:2:3', '/c/pets.yaml:3:3', '/c/pets.json:3:3']);
  });
});

describe('followPointer', () => {
  const root = yamlFile('/c/openapi.yaml', `paths:\n  /pets:\n    $ref: './pets-path.yaml'\n`);
  const item = yamlFile('/c/pets-path.yaml', `get:\n  responses:\n    '200':\n      description: ok\n`);
  const sources = sourcesOf(root, item);

  it('follows a $ref into the file that holds the value', () => {
    assert.deepEqual(followPointer(sources, { file: root.path, pointer: '' }, ['paths', '/pets', 'get', 'responses']), {
      file: '/c/pets-path.yaml',
      pointer: '/get/responses',
    });
  });

  it('stops at the $ref itself when the value asked for is the reference', () => {
    assert.deepEqual(followPointer(sources, { file: root.path, pointer: '' }, ['paths', '/pets']), {
      file: '/c/openapi.yaml',
      pointer: '/paths/~1pets',
    });
  });
});
