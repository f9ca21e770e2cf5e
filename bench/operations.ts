// The three requests every target is measured with, and what a correct answer looks like.
// Shared by the in-process measurement, the loopback load, the start-up probe and the smoke test.
import { API_KEY } from './store.js';

export type OperationName = 'get' | 'list' | 'post';

export interface BenchRequest {
  name: OperationName;
  label: string;
  method: 'GET' | 'POST';
  url: string;
  headers: Record<string, string>;
  body?: string;
  status: number;
  /** A cheap check of the answer's body, so that a target cannot win by answering wrongly. */
  check: (body: unknown) => boolean;
}

const isPet = (p: unknown): boolean => typeof p === 'object' && p !== null && typeof (p as { id?: unknown }).id === 'number' && typeof (p as { name?: unknown }).name === 'string';

export const OPERATIONS: readonly BenchRequest[] = [
  { name: 'get', label: 'GET /pets/{petId}', method: 'GET', url: '/pets/2', headers: {}, status: 200, check: (b) => isPet(b) && (b as { id: number }).id === 2 },
  { name: 'list', label: 'GET /pets?limit=20', method: 'GET', url: '/pets?limit=20', headers: {}, status: 200, check: (b) => Array.isArray(b) && b.length === 20 && b.every(isPet) },
  {
    name: 'post',
    label: 'POST /pets',
    method: 'POST',
    url: '/pets',
    headers: { 'content-type': 'application/json', 'x-api-key': API_KEY },
    body: JSON.stringify({ species: 'cat', name: 'Kit', tags: ['young'], indoor: true }),
    status: 201,
    check: (b) => isPet(b) && (b as { name: string }).name === 'Kit',
  },
];
