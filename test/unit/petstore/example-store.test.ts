// The example's in-memory store keeps a bounded number of pets and bytes, forgetting the oldest
// first, so the example API serves the same after a million POSTs as after three.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as store from '../../../server/petstore/example-store.js';

describe('the example store', () => {
  it('keeps at most STORE_LIMITS.pets pets, forgetting the oldest first', () => {
    const first = store.listPets({})[0]!;
    const created = Array.from({ length: store.STORE_LIMITS.pets + 10 }, (_, i) => store.createPet({ species: 'dog', name: `Dog ${i}`, breed: 'Mutt' }));
    const kept = store.listPets({});
    assert.equal(kept.length, store.STORE_LIMITS.pets);
    assert.equal(store.getPet(first.id), undefined, 'a seeded pet was forgotten');
    assert.equal(store.getPet(created[9]!.id), undefined, 'the oldest created pets were forgotten');
    assert.deepEqual(store.getPet(created.at(-1)!.id), created.at(-1));
    assert.deepEqual(kept.map((p) => p.id), created.slice(10).map((p) => p.id), 'in creation order');
  });

  it('keeps an update in its place in creation order', () => {
    const [oldest, second] = store.listPets({});
    store.updatePet(oldest!.id, { name: 'Renamed' });
    assert.deepEqual(store.listPets({}).slice(0, 2).map((p) => [p.id, p.name]), [[oldest!.id, 'Renamed'], [second!.id, second!.name]]);
  });

  it('keeps at most about STORE_LIMITS.bytes of pets, however few', () => {
    const tags = Array.from({ length: 1000 }, (_, i) => `tag-${i}-${'x'.repeat(200)}`);
    const big = Array.from({ length: 60 }, (_, i) => store.createPet({ species: 'cat', name: `Big ${i}`, tags, indoor: true }));
    const kept = store.listPets({});
    const bytes = kept.reduce((n, p) => n + JSON.stringify(p).length, 0);
    assert.ok(bytes <= store.STORE_LIMITS.bytes, `${bytes} bytes kept`);
    assert.ok(kept.length < 60, 'fewer big pets than were created');
    assert.deepEqual(store.getPet(big.at(-1)!.id), big.at(-1), 'the newest is kept');
    assert.equal(store.getPet(big[0]!.id), undefined, 'the oldest big pet was forgotten');
  });

  it('forgets a deleted pet and its bytes', () => {
    const pet = store.createPet({ species: 'cat', name: 'Gone', indoor: false });
    assert.equal(store.deletePet(pet.id), true);
    assert.equal(store.getPet(pet.id), undefined);
    assert.equal(store.deletePet(pet.id), false);
  });
});
