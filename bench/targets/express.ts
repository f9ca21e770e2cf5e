// Bare Express 5 with the same handlers: express.json() and one app.get/app.post per operation,
// as a person would write it without a contract. No validation, no logging.
import express, { type Request, type Response } from 'express';
import { apiKeyAllowed, createPet, getPet, listPets, } from '../store.js';
import type { NewPet } from '../../server/petstore/generated/types.js';
import { sendExpress } from './send.js';
import type { Target } from './target.js';

export async function createTarget(): Promise<Target> {
  const app = express();
  app.use(express.json());
  app.get('/pets/:petId', (req: Request, res: Response) => sendExpress(res, getPet({ params: { petId: Number(req.params.petId) } })));
  app.get('/pets', (req: Request, res: Response) => {
    const query = req.query as { limit?: string; offset?: string };
    sendExpress(res, listPets({ query: { limit: Number(query.limit ?? 20), offset: Number(query.offset ?? 0) } }));
  });
  app.post('/pets', (req: Request, res: Response) => {
    if (!apiKeyAllowed(req.headers['x-api-key'])) return sendExpress(res, { status: 401, body: { title: 'Unauthorized' } });
    sendExpress(res, createPet({ body: req.body as NewPet }));
  });
  return { listener: app };
}
