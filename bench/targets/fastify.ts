// Fastify 5 with the same handlers and the contract's own schemas (see fastify-schemas.ts):
// validation compiled at registration, responses serialised from their schemas. The API key is
// checked in onRequest, before the body is read, as specfirst checks security.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { apiKeyAllowed, createPet, getPet, listPets, } from '../store.js';
import type { NewPet } from '../../server/petstore/generated/types.js';
import { fastifyWithListener, sendFastify } from './send.js';
import type { Target } from './target.js';
import { fastifySchema } from './fastify-schemas.js';

export async function createTarget(): Promise<Target> {
  const { app, listener } = fastifyWithListener({
    // removeAdditional would strip properties while trying oneOf branches (and accept bodies
    // specfirst refuses); types are still coerced in parameters, which specfirst does too.
    // strict: false because ajv's strict mode refuses to compile a `default` inside `oneOf`
    // (NewCat.indoor); it changes what compiles, not what a compiled schema accepts.
    ajv: { customOptions: { removeAdditional: false, strict: false } },
  });
  app.get('/pets/:petId', { schema: fastifySchema('/pets/{petId}', 'get') }, (req: FastifyRequest, reply) =>
    sendFastify(reply, getPet({ params: req.params as { petId: number } })),
  );
  app.get('/pets', { schema: fastifySchema('/pets', 'get') }, (req: FastifyRequest, reply) =>
    sendFastify(reply, listPets({ query: req.query as { limit?: number; offset?: number } })),
  );
  app.post(
    '/pets',
    {
      schema: fastifySchema('/pets', 'post'),
      onRequest: (req, reply, done) => {
        if (apiKeyAllowed(req.headers['x-api-key'])) return done();
        void sendFastify(reply, { status: 401, body: { title: 'Unauthorized' } });
      },
    },
    (req: FastifyRequest, reply) => sendFastify(reply, createPet({ body: req.body as NewPet })),
  );
  await app.ready();
  return { listener: listener(), close: () => app.close() };
}
