// The one route table: OpenAPI's precedence (concrete before templated, at every segment,
// whatever the order templates were added in), backtracking when a concrete branch fails further
// down, mixed segments, and captures named by each template.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createRouteTable, fileRoutes, templateNames } from '../../../../server/runtime/plan/route-table.js';

function table(...templates: string[]) {
  const t = createRouteTable<string>();
  for (const template of templates) t.add(template, template);
  return t;
}

const winner = (t: ReturnType<typeof table>, path: string) => t.match(path)?.value ?? null;

describe('route table', () => {
  it('prefers a concrete segment to a template whatever the order they were added in', () => {
    for (const order of [['/items/{itemId}', '/items/mine'], ['/items/mine', '/items/{itemId}']]) {
      const t = table(...order);
      assert.equal(winner(t, '/items/mine'), '/items/mine');
      assert.equal(winner(t, '/items/42'), '/items/{itemId}');
    }
  });

  it('applies the precedence at every segment, not only the last', () => {
    const t = table('/accounts/{id}/numbers/{kind}', '/accounts/{id}/numbers/local', '/accounts/me/numbers/{kind}');
    assert.equal(winner(t, '/accounts/x/numbers/local'), '/accounts/{id}/numbers/local');
    assert.equal(winner(t, '/accounts/me/numbers/toll-free'), '/accounts/me/numbers/{kind}');
    assert.equal(winner(t, '/accounts/x/numbers/mobile'), '/accounts/{id}/numbers/{kind}');
  });

  it('falls back to a templated branch when the concrete one leads nowhere', () => {
    const t = table('/users/me/settings', '/users/{id}/photos');
    assert.equal(winner(t, '/users/me/photos'), '/users/{id}/photos');
    assert.deepEqual(t.match('/users/me/photos')?.captures, ['me']);
  });

  it('puts a partly templated segment between concrete and fully templated ones', () => {
    const t = table('/files/{name}', '/files/{name}.{ext}', '/files/readme.md');
    assert.equal(winner(t, '/files/readme.md'), '/files/readme.md');
    assert.equal(winner(t, '/files/photo.png'), '/files/{name}.{ext}');
    assert.deepEqual(t.match('/files/photo.png')?.captures, ['photo', 'png']);
    assert.equal(winner(t, '/files/photo'), '/files/{name}');
  });

  it('keeps captures percent-encoded and never matches a template against an empty segment', () => {
    const t = table('/pets/{id}', '/');
    assert.deepEqual(t.match('/pets/a%2Fb')?.captures, ['a%2Fb']);
    assert.equal(winner(t, '/pets/'), null);
    assert.equal(winner(t, '/pets//'), null);
    assert.equal(winner(t, '/'), '/');
  });

  it('treats a trailing slash as the same path and is case-sensitive like OpenAPI paths', () => {
    const t = table('/pets');
    assert.equal(winner(t, '/pets/'), '/pets');
    assert.equal(winner(t, '/Pets'), null);
  });

  it('returns what was there when the same template is added twice, under any parameter name', () => {
    const t = createRouteTable<number>();
    assert.equal(t.add('/a/{id}', 1), undefined);
    assert.equal(t.add('/a/{name}', 2), 1);
    assert.deepEqual(templateNames('/a/{x}/{y}.{z}'), ['x', 'y', 'z']);
  });

  it('files templates that differ only in their template names as one path, and a literal segment as another', () => {
    const t = createRouteTable<number>();
    assert.equal(t.add('/a/{x}/b', 1), undefined);
    assert.equal(t.add('/a/{y}/b', 2), 1);
    assert.equal(t.add('/f/{x}.json', 3), undefined);
    assert.equal(t.add('/f/{y}.json', 4), 3);
    assert.equal(t.add('/a/x/b', 5), undefined);
    assert.equal(t.add('/f/{y}.yaml', 6), undefined);
  });

  it('reports the later of two identical routes with one method as shadowed by the first, and keeps both of different methods', () => {
    const routes = [
      { method: 'get', path: '/orders/{id}' },
      { method: 'get', path: '/orders/{number}' },
      { method: 'delete', path: '/orders/{number}' },
    ];
    const { table: t, shadowed } = fileRoutes(routes, (r) => r.path, (r) => r.method);
    assert.deepEqual(shadowed, [{ route: routes[1], by: routes[0] }]);
    assert.deepEqual([...t.match('/orders/7')!.value.entries()], [['GET', routes[0]], ['DELETE', routes[2]]]);
  });
});
