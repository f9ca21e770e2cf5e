// THE EXAMPLE'S STORE: an in-memory list of pets for the example API, so that `npm start` serves
// something real. It forgets everything on restart. A real API would talk to a database here.
import type { NewPet, Pet, PetUpdate } from './generated/types.js';

const pets = new Map<number, Pet>();
const photos = new Map<number, { fileName: string; contentType: string; size: number; caption: string | null }>();
let nextId = 1;

export function listPets(filter: { species?: 'cat' | 'dog'; tags?: readonly string[] }): Pet[] {
  return [...pets.values()].filter(
    (p) => (!filter.species || p.species === filter.species) && (filter.tags ?? []).every((t) => p.tags.includes(t)),
  );
}

export function getPet(id: number): Pet | undefined {
  return pets.get(id);
}

export function createPet(input: NewPet, now = new Date()): Pet {
  const common = { id: nextId++, name: input.name, tags: input.tags ?? [], birthDate: input.birthDate ?? null, createdAt: now.toISOString() };
  const pet: Pet = input.species === 'cat' ? { ...common, species: 'cat', indoor: input.indoor ?? true } : { ...common, species: 'dog', breed: input.breed };
  pets.set(pet.id, pet);
  return pet;
}

export function updatePet(id: number, change: PetUpdate): Pet | undefined {
  const pet = pets.get(id);
  if (!pet) return undefined;
  const updated: Pet = { ...pet, ...change };
  pets.set(id, updated);
  return updated;
}

export function deletePet(id: number): boolean {
  photos.delete(id);
  return pets.delete(id);
}

export function savePhoto(id: number, photo: { fileName: string; contentType: string; size: number; caption: string | null }): void {
  photos.set(id, photo);
}

/** Three pets so that a first `GET /pets` shows something. */
export function seed(): void {
  if (pets.size > 0) return;
  createPet({ species: 'cat', name: 'Tom', tags: ['lazy'], indoor: true }, new Date('2026-01-01T10:00:00Z'));
  createPet({ species: 'dog', name: 'Rex', tags: ['good-boy'], breed: 'Collie', birthDate: '2020-05-04' }, new Date('2026-01-02T10:00:00Z'));
  createPet({ species: 'cat', name: 'Luna', tags: [], birthDate: null, indoor: false }, new Date('2026-01-03T10:00:00Z'));
}

seed();
