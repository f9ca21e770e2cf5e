// THE EXAMPLE'S STORE: an in-memory list of pets for the example API, so that `npm start` serves
// something real. It forgets everything on restart. A real API would talk to a database here.
//
// It keeps at most STORE_LIMITS.pets pets and about STORE_LIMITS.bytes of them, forgetting the
// oldest first: a server that anyone can POST to must never grow without bound, and one that
// slows down after 30,000 POSTs would teach the wrong thing. A Map keeps insertion (creation)
// order, so a lookup, an insert and dropping the oldest are each O(1); listing is O(kept pets).
import type { NewPet, Pet, PetUpdate } from './generated/types.js';

export const STORE_LIMITS = { pets: 1_000, bytes: 8 * 1024 * 1024 } as const;

interface Kept {
  pet: Pet;
  /** Its size as JSON, counted against STORE_LIMITS.bytes. */
  size: number;
}

const pets = new Map<number, Kept>();
const photos = new Map<number, { fileName: string; contentType: string; size: number; caption: string | null }>();
let bytes = 0;
let nextId = 1;

export function listPets(filter: { species?: 'cat' | 'dog'; tags?: readonly string[] }): Pet[] {
  const out: Pet[] = [];
  for (const { pet } of pets.values()) {
    if ((!filter.species || pet.species === filter.species) && (filter.tags ?? []).every((t) => pet.tags.includes(t))) out.push(pet);
  }
  return out;
}

export function getPet(id: number): Pet | undefined {
  return pets.get(id)?.pet;
}

export function createPet(input: NewPet, now = new Date()): Pet {
  const common = { id: nextId++, name: input.name, tags: input.tags ?? [], birthDate: input.birthDate ?? null, createdAt: now.toISOString() };
  const pet: Pet = input.species === 'cat' ? { ...common, species: 'cat', indoor: input.indoor ?? true } : { ...common, species: 'dog', breed: input.breed };
  keep(pet);
  return pet;
}

export function updatePet(id: number, change: PetUpdate): Pet | undefined {
  const pet = pets.get(id)?.pet;
  if (!pet) return undefined;
  const updated: Pet = { ...pet, ...change };
  keep(updated);
  return updated;
}

export function deletePet(id: number): boolean {
  const kept = pets.get(id);
  if (!kept) return false;
  bytes -= kept.size;
  pets.delete(id);
  photos.delete(id);
  return true;
}

export function savePhoto(id: number, photo: { fileName: string; contentType: string; size: number; caption: string | null }): void {
  photos.set(id, photo);
}

/** Stores a pet (an update keeps its place in creation order), then forgets the oldest over the limits. */
function keep(pet: Pet): void {
  const size = JSON.stringify(pet).length;
  bytes += size - (pets.get(pet.id)?.size ?? 0);
  pets.set(pet.id, { pet, size });
  while (pets.size > STORE_LIMITS.pets || (bytes > STORE_LIMITS.bytes && pets.size > 1)) {
    const oldest = pets.keys().next().value as number;
    deletePet(oldest);
  }
}

/** Three pets so that a first `GET /pets` shows something. */
export function seed(): void {
  if (pets.size > 0) return;
  createPet({ species: 'cat', name: 'Tom', tags: ['lazy'], indoor: true }, new Date('2026-01-01T10:00:00Z'));
  createPet({ species: 'dog', name: 'Rex', tags: ['good-boy'], breed: 'Collie', birthDate: '2020-05-04' }, new Date('2026-01-02T10:00:00Z'));
  createPet({ species: 'cat', name: 'Luna', tags: [], birthDate: null, indoor: false }, new Date('2026-01-03T10:00:00Z'));
}

seed();
