// Name derivation: every generated identifier, type and file name comes from names.ts.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  apiName,
  derivedOperationName,
  expressPath,
  fileStem,
  handlerName,
  operationNameKeys,
  schemaTypeName,
  schemaTypeNames,
  typeStem,
  uniqueNames,
} from '../../../generator/model/names.js';

describe('names', () => {
  it('keeps an operationId that is already a valid identifier', () => {
    assert.equal(handlerName('listPets'), 'listPets');
    assert.equal(handlerName('get_user'), 'get_user');
  });

  it('turns any other operationId into a camelCase identifier', () => {
    assert.equal(handlerName('get-user.by id'), 'getUserById');
    assert.equal(handlerName('GET /v2.0'), 'getV20');
    assert.equal(handlerName('2fa-verify'), 'op2faVerify');
  });

  it('never gives a reserved word as a handler name', () => {
    assert.equal(handlerName('delete'), 'delete_');
    assert.equal(handlerName('new'), 'new_');
  });

  it('derives a stable name from method and path when there is no operationId', () => {
    assert.equal(derivedOperationName('get', '/pets/{petId}/photo'), 'getPetsPetIdPhoto');
    assert.equal(derivedOperationName('get', '/'), 'getRoot');
    assert.equal(derivedOperationName('post', '/v2/Accounts/{AccountSid}/Messages.json'), 'postV2AccountsAccountSidMessagesJson');
  });

  it('derives type stems, file stems and API names', () => {
    assert.equal(typeStem('listPets'), 'ListPets');
    assert.equal(fileStem('uploadPetPhoto'), 'upload-pet-photo');
    assert.equal(fileStem('getHTTPStatus'), 'get-http-status');
    assert.equal(apiName('contracts/Pet Store.yaml'), 'pet-store');
    assert.equal(apiName('/x/twilio_messaging_v1.yaml'), 'twilio-messaging-v1');
  });

  it('writes paths in Express 5 syntax, escaping what path-to-regexp treats as special', () => {
    assert.equal(expressPath('/pets/{petId}'), '/pets/:petId');
    assert.equal(expressPath('/users/{user-id}'), '/users/:"user-id"');
    assert.equal(expressPath('/reports/{year}.csv'), '/reports/:year.csv');
    assert.equal(expressPath('/files:batch(1)'), '/files\\:batch\\(1\\)');
  });

  it('gives every schema a type name that is an identifier', () => {
    assert.equal(schemaTypeName('0'), 'Schema0');
    assert.equal(schemaTypeName('2fa-settings'), 'Schema2faSettings');
    assert.equal(schemaTypeName('Foo.Bar'), 'FooBar');
    assert.equal(schemaTypeName('class'), 'Class');
    assert.equal(schemaTypeName('-'), 'Schema');
    assert.equal(schemaTypeName('Über-Typ'), 'ÜberTyp');
  });

  it('numbers the schema type names that collide, whatever the contract order', () => {
    const expected = new Map([['FooBar', 'FooBar'], ['Foo.Bar', 'FooBar2'], ['foo_bar', 'FooBar3'], ['Pet2', 'Pet2'], ['Pet_2', 'Pet2_2']]);
    assert.deepEqual(schemaTypeNames(['foo_bar', 'Pet_2', 'Foo.Bar', 'Pet2', 'FooBar']), expected);
    assert.deepEqual(schemaTypeNames(['Pet2', 'FooBar', 'Pet_2', 'foo_bar', 'Foo.Bar']), expected);
  });

  it('keeps handler names, type stems and file stems of operations apart, and away from reserved names', () => {
    const names = uniqueNames(
      ['getThing', 'get_thing', 'handlers'].map((id) => ({ item: id, wanted: handlerName(id), exact: true, source: id })),
      { keys: operationNameKeys, reserved: ['handlers'] },
    );
    assert.deepEqual([...names.values()], ['getThing', 'get_thing2', 'handlers2']);
    assert.equal(new Set([...names.values()].map(fileStem)).size, 3);
  });
});
