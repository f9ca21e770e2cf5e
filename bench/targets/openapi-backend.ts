// openapi-backend on Express, as its README sets it up: express.json(), then every request handed
// to `api.handleRequest(req, req, res)`; requests validated (validationFail answers 400), responses
// validated in a postResponseHandler with `validateResponse`, as its README shows. The same
// handlers and store. `quick: true`: its start-up check of the document knows OpenAPI 3.0 only (it
// refuses 3.1's `type: [..., "null"]` and then serves nothing); quick skips that check.
import express, { type Request, type Response } from 'express';
import { OpenAPIBackend, type Context, type Document } from 'openapi-backend';
import { apiKeyAllowed, createPet, getPet, listPets, type HandlerResult } from '../store.js';
import type { NewPet } from '../../server/petstore/generated/types.js';
import { readContract } from './contract.js';
import type { Target } from './target.js';

export async function createTarget(): Promise<Target> {
  const api = new OpenAPIBackend({ definition: readContract() as unknown as Document, quick: true });
  api.register({
    getPet: (c: Context) => getPet({ params: { petId: Number(c.request.params.petId) } }),
    listPets: (c: Context) => {
      const query = c.request.query as { limit?: string; offset?: string };
      return listPets({ query: { limit: Number(query.limit ?? 20), offset: Number(query.offset ?? 0) } });
    },
    createPet: (c: Context) => (apiKeyAllowed(c.request.headers['x-api-key']) ? createPet({ body: c.request.requestBody as NewPet }) : { status: 401, body: { title: 'Unauthorized' } }),
    validationFail: (c: Context) => ({ status: 400, body: { errors: c.validation.errors } }),
    notFound: () => ({ status: 404, body: { title: 'Not Found' } }),
    postResponseHandler: (c: Context, _req: Request, res: Response) => {
      const result = c.response as HandlerResult;
      if (c.operation && result.status < 400) {
        const valid = c.api.validateResponse(result.body, c.operation, result.status);
        if (valid.errors) return res.status(502).json({ status: 502, err: valid.errors });
      }
      res.status(result.status);
      if (result.headers) res.set(result.headers);
      return res.json(result.body);
    },
  });
  await api.init();
  const app = express();
  app.use(express.json());
  app.use((req, res) => api.handleRequest(req as never, req, res));
  return { listener: app };
}
