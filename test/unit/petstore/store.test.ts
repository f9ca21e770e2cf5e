// The example's store on SQLite, one fresh database a test: the versioned migration, the seed,
// the limit on pets, and a transaction that fails leaving nothing behind. (The same SQL runs on
// PostgreSQL in test/integration/petstore-postgres.test.ts, through the example's HTTP tests.)
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { openStore } from '../../../server/petstore/store/index.js';
import { MIGRATIONS, migrate } from '../../../server/petstore/store/migrations.js';

describe('the example store (SQLite)', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'specfirst-store-'));
  after(() => rm(dir, { recursive: true, force: true }));
  let n = 0;
  const fresh = () => `file:${join(dir, `pets-${++n}.sqlite`)}`;

  it('migrates a new database once: a second open applies nothing and keeps the data', async () => {
    const url = fresh();
    const first = await openStore(url);
    assert.equal((await first.listPets({}, { offset: 0, limit: 10 })).total, 3, 'seeded');
    const versions = await first.db.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
    assert.deepEqual(versions.map((v) => v.version), MIGRATIONS.map((m) => m.version));
    assert.deepEqual(await migrate(first.db), []);
    await first.createPet({ species: 'dog', name: 'Fido', breed: 'Pug' });
    await first.db.close();
    const again = await openStore(url);
    assert.deepEqual((await again.listPets({}, { offset: 0, limit: 10 })).pets.map((p) => p.name), ['Tom', 'Rex', 'Luna', 'Fido']);
    await again.db.close();
  });

  it('seeds only a new database: one whose pets were all deleted stays empty', async () => {
    const url = fresh();
    const store = await openStore(url);
    for (const id of [1, 2, 3]) assert.equal(await store.deletePet(id), true);
    await store.db.close();
    const reopened = await openStore(url);
    assert.equal((await reopened.listPets({}, { offset: 0, limit: 10 })).total, 0);
    await reopened.db.close();
  });

  it('answers name-taken for a second pet of one species and name, and full past maxPets', async () => {
    const store = await openStore(fresh(), { maxPets: 4 });
    assert.equal(await store.createPet({ species: 'cat', name: 'Tom', indoor: true }), 'name-taken');
    assert.equal(await store.updatePet(3, { name: 'Tom' }), 'name-taken');
    assert.equal((await store.createPet({ species: 'dog', name: 'Tom', breed: 'Pug' })) instanceof Object, true);
    assert.equal(await store.createPet({ species: 'dog', name: 'Max', breed: 'Pug' }), 'full');
    await store.db.close();
  });

  it('filters by every given tag in SQL, counting over all pages', async () => {
    const store = await openStore(fresh());
    await store.createPet({ species: 'dog', name: 'Odie', breed: 'Mutt', tags: ['lazy', 'loud'] });
    await store.createPet({ species: 'cat', name: 'Felix', tags: ['lazy'], indoor: true });
    const lazy = await store.listPets({ tags: ['lazy'] }, { offset: 1, limit: 1 });
    assert.deepEqual([lazy.total, lazy.pets.map((p) => p.name)], [3, ['Odie']]);
    assert.deepEqual((await store.listPets({ tags: ['lazy', 'loud'] }, { offset: 0, limit: 10 })).pets.map((p) => p.name), ['Odie']);
    assert.deepEqual((await store.listPets({ species: 'cat', tags: ['lazy'] }, { offset: 0, limit: 10 })).pets.map((p) => p.name), ['Tom', 'Felix']);
    await store.db.close();
  });

  it('rolls a failed transaction back whole, and deleting a pet takes its photo with it', async () => {
    const store = await openStore(fresh());
    await store.savePhoto(1, { fileName: 'tom.png', contentType: 'image/png', size: 4, caption: null });
    await assert.rejects(
      store.db.transaction(async (tx) => {
        await tx.query('DELETE FROM pet_photos WHERE pet_id = $1', [1]);
        await tx.query('DELETE FROM pets WHERE id = $1', [1]);
        throw new Error('changed my mind');
      }),
      /changed my mind/,
    );
    assert.equal((await store.db.query('SELECT pet_id FROM pet_photos')).length, 1, 'the photo is back');
    assert.ok(await store.getPet(1));
    // Without the transaction's first statement the pet could not go: pet_photos references it.
    await assert.rejects(store.db.query('DELETE FROM pets WHERE id = $1', [1]), /FOREIGN KEY/);
    assert.equal(await store.deletePet(1), true);
    assert.deepEqual(await store.db.query('SELECT pet_id FROM pet_photos'), []);
    assert.equal(await store.savePhoto(1, { fileName: 'x', contentType: 'image/png', size: 1, caption: null }), undefined);
    await store.db.close();
  });

  it('refuses a DATABASE_URL it cannot use, without echoing a password', async () => {
    await assert.rejects(openStore('mysql://me:secret@db/pets'), (error: Error) => /must start with postgres:\/\//.test(error.message) && !error.message.includes('secret'));
  });
});
