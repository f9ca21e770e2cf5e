// Fastify 5 with the same handlers and the contract's own schemas (see fastify-schemas.ts):
// validation compiled at registration, responses serialised from their schemas. The API key is
// checked in onRequest, before the body is read, as specfirst checks security.
import { createServer, type RequestListener } from 'node:http';
import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify';
import { apiKeyAllowed, createPet, getPet, listPets, type HandlerResult } from '../store.js';
import type { NewPet } from '../../server/petstore/generated/types.js';
import type { Target } from './target.js';
import { fastifySchema } from './fastify-schemas.js';

function send(reply: FastifyReply, { status, headers, body }: HandlerResult): FastifyReply {
  reply.code(status);
  if (headers) reply.headers(headers);
  return reply.send(body);
}

export async function createTarget(): Promise<Target> {
  let listener: RequestListener | undefined;
  // serverFactory hands over Fastify's request listener, so that it can be injected or served
  // exactly like every other target's.
  const app = Fastify({
    // removeAdditional would strip properties while trying oneOf branches (and accept bodies
    // specfirst refuses); types are still coerced in parameters, which specfirst does too.
    // strict: false because ajv's strict mode refuses to compile a `default` inside `oneOf`
    // (NewCat.indoor); it changes what compiles, not what a compiled schema accepts.
    ajv: { customOptions: { removeAdditional: false, strict: false } },
    serverFactory: (handler) => {
      listener = handler as RequestListener;
      return createServer(handler);
    },
  });
  app.get('/pets/:petId', { schema: fastifySchema('/pets/{petId}', 'get') }, (req: FastifyRequest, reply) =>
    send(reply, getPet({ params: req.params as { petId: number } })),
  );
  app.get('/pets', { schema: fastifySchema('/pets', 'get') }, (req: FastifyRequest, reply) =>
    send(reply, listPets({ query: req.query as { limit?: number; offset?: number } })),
  );
  app.post(
    '/pets',
    {
      schema: fastifySchema('/pets', 'post'),
      onRequest: (req, reply, done) => {
        if (apiKeyAllowed(req.headers['x-api-key'])) return done();
        void send(reply, { status: 401, body: { title: 'Unauthorized' } });
      },
    },
    (req: FastifyRequest, reply) => send(reply, createPet({ body: req.body as NewPet })),
  );
  await app.ready();
  if (!listener) throw new Error('Fastify did not call serverFactory');
  return { listener, close: () => app.close() };
}
