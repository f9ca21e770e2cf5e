// Bare Fastify 5 with the same handlers: one route per operation, no schemas (so no validation and
// no schema-driven serialisation), as a person would write it without a contract.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { apiKeyAllowed, createPet, getPet, listPets, } from '../store.js';
import type { NewPet } from '../../server/petstore/generated/types.js';
import { fastifyWithListener, sendFastify } from './send.js';
import type { Target } from './target.js';

export async function createTarget(): Promise<Target> {
  const { app, listener } = fastifyWithListener();
  app.get('/pets/:petId', (req: FastifyRequest, reply) => sendFastify(reply, getPet({ params: { petId: Number((req.params as { petId: string }).petId) } })));
  app.get('/pets', (req: FastifyRequest, reply) => {
    const query = req.query as { limit?: string; offset?: string };
    return sendFastify(reply, listPets({ query: { limit: Number(query.limit ?? 20), offset: Number(query.offset ?? 0) } }));
  });
  app.post('/pets', (req: FastifyRequest, reply) => {
    if (!apiKeyAllowed(req.headers['x-api-key'])) return sendFastify(reply, { status: 401, body: { title: 'Unauthorized' } });
    return sendFastify(reply, createPet({ body: req.body as NewPet }));
  });
  await app.ready();
  return { listener: listener(), close: () => app.close() };
}
