// Raw node:http: the floor. A hand-written router for exactly the three operations, no
// validation beyond what the handlers need (a number, the API key, parseable JSON).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { apiKeyAllowed, createPet, getPet, listPets, type HandlerResult } from '../store.js';
import type { NewPet } from '../../server/petstore/generated/types.js';
import type { Target } from './target.js';

function send(res: ServerResponse, { status, headers, body }: HandlerResult): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { ...headers, 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

function readBody(req: IncomingMessage, done: (text: string) => void): void {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => done(Buffer.concat(chunks).toString('utf8')));
}

function listener(req: IncomingMessage, res: ServerResponse): void {
  const url = req.url ?? '/';
  const q = url.indexOf('?');
  const path = q === -1 ? url : url.slice(0, q);
  if (req.method === 'GET' && path.startsWith('/pets/')) {
    send(res, getPet({ params: { petId: Number(path.slice(6)) } }));
  } else if (req.method === 'GET' && path === '/pets') {
    const query = new URLSearchParams(q === -1 ? '' : url.slice(q + 1));
    send(res, listPets({ query: { limit: Number(query.get('limit') ?? 20), offset: Number(query.get('offset') ?? 0) } }));
  } else if (req.method === 'POST' && path === '/pets') {
    if (!apiKeyAllowed(req.headers['x-api-key'])) return send(res, { status: 401, body: { title: 'Unauthorized' } });
    readBody(req, (text) => {
      let body: NewPet;
      try {
        body = JSON.parse(text) as NewPet;
      } catch {
        return send(res, { status: 400, body: { title: 'Bad Request' } });
      }
      send(res, createPet({ body }));
    });
  } else {
    send(res, { status: 404, body: { title: 'Not Found' } });
  }
}

export async function createTarget(): Promise<Target> {
  return { listener };
}
