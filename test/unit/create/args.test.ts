// The arguments `npm create specfirst <dir>` accepts, and the usage errors it refuses with.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readArgs } from '../../../generator/create/args.js';

describe('create-specfirst arguments', () => {
  it('takes a folder and defaults the template to todo', () => {
    assert.deepEqual(readArgs(['my-api']), { help: false, dir: 'my-api', template: 'todo' });
  });

  it('takes --template petstore or empty, before or after the folder', () => {
    assert.deepEqual(readArgs(['--template', 'petstore', 'my-api']), { help: false, dir: 'my-api', template: 'petstore' });
    assert.deepEqual(readArgs(['my-api', '--template=empty']), { help: false, dir: 'my-api', template: 'empty' });
  });

  it('answers --help with help, folder or not', () => {
    assert.deepEqual(readArgs(['--help']), { help: true });
    assert.deepEqual(readArgs(['my-api', '-h']), { help: true });
  });

  it('refuses no folder, two folders, an unknown template and an unknown option', () => {
    assert.match((readArgs([]) as { error: string }).error, /name the folder/);
    assert.match((readArgs(['a', 'b']) as { error: string }).error, /one folder at most/);
    assert.match((readArgs(['a', '--template', 'shop']) as { error: string }).error, /unknown template "shop": use todo, petstore, empty/);
    assert.match((readArgs(['a', '--force']) as { error: string }).error, /--force/);
  });
});
