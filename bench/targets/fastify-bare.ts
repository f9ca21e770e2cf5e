// Bare Fastify 5 with the same handlers: one route per operation, no schemas (so no validation and
// no schema-driven serialisation), as a person would write it without a contract.
import { createServer, type RequestListener } from 'node:http';
import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify';
import { apiKeyAllowed, createPet, getPet, listPets, type HandlerResult } from '../store.js';
import type { NewPet } from '../../server/petstore/generated/types.js';
import type { Target } from './target.js';

function send(reply: FastifyReply, { status, headers, body }: HandlerResult): FastifyReply {
  reply.code(status);
  if (headers) reply.headers(headers);
  return reply.send(body);
}

export async function createTarget(): Promise<Target> {
  let listener: RequestListener | undefined;
  const app = Fastify({
    serverFactory: (handler) => {
      listener = handler as RequestListener;
      return createServer(handler);
    },
  });
  app.get('/pets/:petId', (req: FastifyRequest, reply) => send(reply, getPet({ params: { petId: Number((req.params as { petId: string }).petId) } })));
  app.get('/pets', (req: FastifyRequest, reply) => {
    const query = req.query as { limit?: string; offset?: string };
    return send(reply, listPets({ query: { limit: Number(query.limit ?? 20), offset: Number(query.offset ?? 0) } }));
  });
  app.post('/pets', (req: FastifyRequest, reply) => {
    if (!apiKeyAllowed(req.headers['x-api-key'])) return send(reply, { status: 401, body: { title: 'Unauthorized' } });
    return send(reply, createPet({ body: req.body as NewPet }));
  });
  await app.ready();
  if (!listener) throw new Error('Fastify did not call serverFactory');
  return { listener, close: () => app.close() };
}
