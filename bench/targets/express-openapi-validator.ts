// express-openapi-validator on Express 5, as its README sets it up: express.json(), then
// `OpenApiValidator.middleware({ apiSpec, validateRequests: true, validateResponses: true })`, then
// the routes, then an error handler answering the validator's errors. The same handlers and store.
import express, { type ErrorRequestHandler, type Request, type Response } from 'express';
import * as OpenApiValidator from 'express-openapi-validator';
import { apiKeyAllowed, createPet, getPet, listPets, } from '../store.js';
import type { NewPet } from '../../server/petstore/generated/types.js';
import { readContract } from './contract.js';
import { sendExpress } from './send.js';
import type { Target } from './target.js';

export async function createTarget(): Promise<Target> {
  const app = express();
  app.use(express.json());
  app.use(OpenApiValidator.middleware({ apiSpec: readContract() as never, validateRequests: true, validateResponses: true }));
  app.get('/pets/:petId', (req: Request, res: Response) => sendExpress(res, getPet({ params: { petId: Number(req.params.petId) } })));
  app.get('/pets', (req: Request, res: Response) => {
    const query = req.query as { limit?: string; offset?: string };
    sendExpress(res, listPets({ query: { limit: Number(query.limit ?? 20), offset: Number(query.offset ?? 0) } }));
  });
  app.post('/pets', (req: Request, res: Response) => {
    if (!apiKeyAllowed(req.headers['x-api-key'])) return sendExpress(res, { status: 401, body: { title: 'Unauthorized' } });
    sendExpress(res, createPet({ body: req.body as NewPet }));
  });
  const errors: ErrorRequestHandler = (err: { status?: number; message?: string; errors?: unknown }, _req, res, _next) => {
    res.status(err.status ?? 500).json({ message: err.message, errors: err.errors });
  };
  app.use(errors);
  return { listener: app };
}
