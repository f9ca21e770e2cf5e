// fastify-openapi-glue on Fastify 5, as its README sets it up: the contract as `specification`, the
// handlers as `serviceHandlers` (by operationId), the API key as a `securityHandlers` entry. Glue
// turns the contract into Fastify route schemas: requests validated by Fastify's ajv, responses
// serialised from their schemas (not validated). The same handlers and store.
import type { FastifyReply, FastifyRequest } from 'fastify';
import openapiGlue from 'fastify-openapi-glue';
import { apiKeyAllowed, createPet, getPet, listPets, } from '../store.js';
import type { NewPet } from '../../server/petstore/generated/types.js';
import { readContract } from './contract.js';
import { fastifyWithListener, sendFastify } from './send.js';
import type { Target } from './target.js';

export async function createTarget(): Promise<Target> {
  const { app, listener } = fastifyWithListener({
    // As for the hand-wired Fastify target: removeAdditional would strip properties while trying
    // oneOf branches; strict mode refuses a `default` inside `oneOf`.
    ajv: { customOptions: { removeAdditional: false, strict: false } },
  });
  const unsupported = (_req: FastifyRequest, reply: FastifyReply) => sendFastify(reply, { status: 501, body: { title: 'Not Implemented' } });
  await app.register(openapiGlue, {
    specification: readContract(),
    serviceHandlers: {
      getPet: (req: FastifyRequest, reply: FastifyReply) => sendFastify(reply, getPet({ params: req.params as { petId: number } })),
      listPets: (req: FastifyRequest, reply: FastifyReply) => sendFastify(reply, listPets({ query: req.query as { limit?: number; offset?: number } })),
      createPet: (req: FastifyRequest, reply: FastifyReply) => sendFastify(reply, createPet({ body: req.body as NewPet })),
      updatePet: unsupported,
      deletePet: unsupported,
      uploadPetPhoto: unsupported,
    },
    securityHandlers: {
      apiKey: (req: FastifyRequest) => {
        if (!apiKeyAllowed(req.headers['x-api-key'])) throw Object.assign(new Error('Unauthorized'), { statusCode: 401 });
      },
      bearerAuth: () => {
        throw Object.assign(new Error('Unauthorized'), { statusCode: 401 });
      },
    },
  });
  await app.ready();
  return { listener: listener(), close: () => app.close() };
}
