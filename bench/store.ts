// The one store and the three handlers every benchmark target serves, so that targets differ only
// in what surrounds the handler. Handlers take the typed request specfirst hands its handlers and
// return { status, headers, body }; the other targets adapt their request to it. The store stays
// bounded however many pets are created, so long runs do not measure a growing Map.
import { timingSafeEqual } from 'node:crypto';
import type { NewPet, Pet } from '../server/petstore/generated/types.js';

export const API_KEY = 'specfirst-example-key';
/** Pets created by POST beyond this many are forgotten, oldest first. */
const KEEP_CREATED = 1000;
const SEEDED = 25;

export interface HandlerResult {
  status: number;
  headers?: Record<string, string | number>;
  body: unknown;
}

const seeded: Pet[] = [];
const created = new Map<number, Pet>();
let nextId = 1;

function makePet(input: NewPet, createdAt: string): Pet {
  const common = { id: nextId++, name: input.name, tags: input.tags ?? [], birthDate: input.birthDate ?? null, createdAt };
  return input.species === 'cat' ? { ...common, species: 'cat', indoor: input.indoor ?? true } : { ...common, species: 'dog', breed: input.breed };
}

for (let i = 0; i < SEEDED; i++) {
  const input: NewPet = i % 2 === 0 ? { species: 'cat', name: `Cat ${i}`, tags: ['seed'], indoor: true } : { species: 'dog', name: `Dog ${i}`, tags: ['seed'], breed: 'Collie', birthDate: '2020-05-04' };
  seeded.push(makePet(input, new Date(Date.UTC(2026, 0, 1 + i)).toISOString()));
}

/** GET /pets/{petId} */
export function getPet({ params }: { params: { petId: number } }): HandlerResult {
  const pet = seeded[params.petId - 1] ?? created.get(params.petId);
  if (!pet) return { status: 404, body: { type: 'urn:specfirst:problem:not-found', title: 'Not Found', status: 404 } };
  return { status: 200, body: pet };
}

/** GET /pets?limit=&offset= (only the seeded pets are listed, so a page is always full). */
export function listPets({ query }: { query: { limit?: number; offset?: number } }): HandlerResult {
  const offset = query.offset ?? 0;
  const limit = query.limit ?? 20;
  return { status: 200, headers: { 'X-Total-Count': seeded.length }, body: seeded.slice(offset, offset + limit) };
}

/** POST /pets (the API key is checked before, by each target's own means). */
export function createPet({ body }: { body: NewPet }): HandlerResult {
  const pet = makePet(body, new Date().toISOString());
  created.set(pet.id, pet);
  if (created.size > KEEP_CREATED) created.delete(created.keys().next().value!);
  return { status: 201, headers: { Location: `/pets/${pet.id}` }, body: pet };
}

const expectedKey = Buffer.from(API_KEY);

/** The API key check the targets without a security layer run (the same as the example's verifier). */
export function apiKeyAllowed(value: string | string[] | undefined): boolean {
  if (typeof value !== 'string') return false;
  const given = Buffer.from(value);
  return given.length === expectedKey.length && timingSafeEqual(given, expectedKey);
}
