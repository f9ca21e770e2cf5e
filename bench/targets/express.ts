// Bare Express 5 with the same handlers: express.json() and one app.get/app.post per operation,
// as a person would write it without a contract. No validation, no logging.
import express, { type Request, type Response } from 'express';
import { apiKeyAllowed, createPet, getPet, listPets, type HandlerResult } from '../store.js';
import type { NewPet } from '../../server/petstore/generated/types.js';
import type { Target } from './target.js';

function send(res: Response, { status, headers, body }: HandlerResult): void {
  res.status(status);
  if (headers) res.set(headers);
  res.json(body);
}

export async function createTarget(): Promise<Target> {
  const app = express();
  app.use(express.json());
  app.get('/pets/:petId', (req: Request, res: Response) => send(res, getPet({ params: { petId: Number(req.params.petId) } })));
  app.get('/pets', (req: Request, res: Response) => {
    const query = req.query as { limit?: string; offset?: string };
    send(res, listPets({ query: { limit: Number(query.limit ?? 20), offset: Number(query.offset ?? 0) } }));
  });
  app.post('/pets', (req: Request, res: Response) => {
    if (!apiKeyAllowed(req.headers['x-api-key'])) return send(res, { status: 401, body: { title: 'Unauthorized' } });
    send(res, createPet({ body: req.body as NewPet }));
  });
  return { listener: app };
}
