// The example's pets in a database: every query the handlers need, written once for SQLite and
// PostgreSQL alike ($1 parameters, RETURNING, ON CONFLICT and COUNT are common to both).
// Nothing here knows HTTP: a handler turns 'name-taken' into its 409, undefined into its 404.
import type { NewPet, Pet, PetUpdate, Photo } from '../generated/types.js';
import { UniqueViolation, type Database, type Dialect } from './database.js';

export interface PetFilter {
  species?: 'cat' | 'dog';
  /** Pets that carry every one of these tags. */
  tags?: readonly string[];
}

interface PetRow {
  id: number;
  species: 'cat' | 'dog';
  name: string;
  tags: string;
  birth_date: string | null;
  created_at: string;
  indoor: number | null;
  breed: string | null;
}

/** A pet's tags as rows, to match one against $n: the JSON array function each dialect has. */
const TAG_ROWS: Record<Dialect, string> = {
  sqlite: 'json_each(pets.tags) AS t',
  postgres: 'jsonb_array_elements_text(pets.tags::jsonb) AS t(value)',
};

/** The pets table's columns in the order the INSERT below lists them. */
function columns(pet: NewPet, now: Date): unknown[] {
  const indoor = pet.species === 'cat' ? Number(pet.indoor ?? true) : null;
  const breed = pet.species === 'dog' ? pet.breed : null;
  return [pet.species, pet.name, JSON.stringify(pet.tags ?? []), pet.birthDate ?? null, now.toISOString(), indoor, breed];
}

function toPet(row: PetRow): Pet {
  const common = { id: row.id, name: row.name, tags: JSON.parse(row.tags) as string[], birthDate: row.birth_date, createdAt: row.created_at };
  return row.species === 'cat' ? { ...common, species: 'cat', indoor: row.indoor === 1 } : { ...common, species: 'dog', breed: row.breed ?? '' };
}

export class PetStore {
  /**
   * `maxPets`: creating more answers 'full'. Anyone with the example's (published) key can POST,
   * so the table must not grow without bound; a real API would rate-limit per client instead.
   */
  constructor(
    readonly db: Database,
    readonly maxPets = 1_000,
  ) {}

  /** One page in creation order, and how many pets match over all pages (COUNT in SQL, not in memory). */
  async listPets(filter: PetFilter, page: { offset: number; limit: number }): Promise<{ total: number; pets: Pet[] }> {
    const params: unknown[] = [];
    const where: string[] = [];
    if (filter.species) where.push(`species = $${params.push(filter.species)}`);
    for (const tag of filter.tags ?? []) where.push(`EXISTS (SELECT 1 FROM ${TAG_ROWS[this.db.dialect]} WHERE t.value = $${params.push(tag)})`);
    const matching = `FROM pets${where.length ? ` WHERE ${where.join(' AND ')}` : ''}`;
    const [count] = await this.db.query<{ total: number }>(`SELECT CAST(COUNT(*) AS INTEGER) AS total ${matching}`, params);
    const rows = await this.db.query<PetRow>(`SELECT * ${matching} ORDER BY id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`, [...params, page.limit, page.offset]);
    return { total: count!.total, pets: rows.map(toPet) };
  }

  async getPet(id: number): Promise<Pet | undefined> {
    const [row] = await this.db.query<PetRow>('SELECT * FROM pets WHERE id = $1', [id]);
    return row && toPet(row);
  }

  /** 'name-taken': this species already has a pet of that name (the UNIQUE constraint says so). */
  async createPet(pet: NewPet, now = new Date()): Promise<Pet | 'name-taken' | 'full'> {
    // One statement: the count and the insert cannot be split by another writer on SQLite. (On
    // PostgreSQL two concurrent inserts may both pass: the limit is a guard, not an exact number.)
    const insert = `INSERT INTO pets (species, name, tags, birth_date, created_at, indoor, breed)
      SELECT CAST($1 AS TEXT), CAST($2 AS TEXT), CAST($3 AS TEXT), CAST($4 AS TEXT), CAST($5 AS TEXT), CAST($6 AS INTEGER), CAST($7 AS TEXT)
      WHERE (SELECT COUNT(*) FROM pets) < $8
      RETURNING *`;
    const rows = await unique(this.db.query<PetRow>(insert, [...columns(pet, now), this.maxPets]));
    if (rows === 'name-taken') return rows;
    return rows[0] ? toPet(rows[0]) : 'full';
  }

  /** Changes the fields that are present; `birthDate: null` clears it. undefined: no such pet. */
  async updatePet(id: number, change: PetUpdate): Promise<Pet | undefined | 'name-taken'> {
    const params: unknown[] = [id];
    const set: string[] = [];
    if (change.name !== undefined) set.push(`name = $${params.push(change.name)}`);
    if (change.tags !== undefined) set.push(`tags = $${params.push(JSON.stringify(change.tags))}`);
    if (change.birthDate !== undefined) set.push(`birth_date = $${params.push(change.birthDate)}`);
    if (set.length === 0) return this.getPet(id);
    const rows = await unique(this.db.query<PetRow>(`UPDATE pets SET ${set.join(', ')} WHERE id = $1 RETURNING *`, params));
    if (rows === 'name-taken') return rows;
    return rows[0] && toPet(rows[0]);
  }

  /** The pet and its photo go together or not at all: one transaction. */
  async deletePet(id: number): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      // The photo first: pet_photos.pet_id references the pet.
      await tx.query('DELETE FROM pet_photos WHERE pet_id = $1', [id]);
      return (await tx.query('DELETE FROM pets WHERE id = $1 RETURNING id', [id])).length > 0;
    });
  }

  /** Stores (or replaces) a pet's photo; undefined: no such pet. */
  async savePhoto(petId: number, photo: Omit<Photo, 'petId'>): Promise<Photo | undefined> {
    const rows = await this.db.query<{ pet_id: number }>(
      `INSERT INTO pet_photos (pet_id, file_name, content_type, size, caption)
        SELECT id, CAST($2 AS TEXT), CAST($3 AS TEXT), CAST($4 AS INTEGER), CAST($5 AS TEXT) FROM pets WHERE id = $1
        ON CONFLICT (pet_id) DO UPDATE SET file_name = excluded.file_name, content_type = excluded.content_type, size = excluded.size, caption = excluded.caption
        RETURNING pet_id`,
      [petId, photo.fileName, photo.contentType, photo.size, photo.caption ?? null],
    );
    return rows.length > 0 ? { petId, ...photo } : undefined;
  }
}

/** A statement's rows, or 'name-taken' when it broke the pets' UNIQUE (species, name). */
async function unique<T>(rows: Promise<T>): Promise<T | 'name-taken'> {
  try {
    return await rows;
  } catch (error) {
    if (error instanceof UniqueViolation) return 'name-taken';
    throw error;
  }
}
