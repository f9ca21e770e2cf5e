// fastify-openapi-glue on Fastify 5, as its README sets it up: the contract as `specification`, the
// handlers as `serviceHandlers` (by operationId), the API key as a `securityHandlers` entry. Glue
// turns the contract into Fastify route schemas: requests validated by Fastify's ajv, responses
// serialised from their schemas (not validated). The same handlers and store.
import { createServer, type RequestListener } from 'node:http';
import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify';
import openapiGlue from 'fastify-openapi-glue';
import { apiKeyAllowed, createPet, getPet, listPets, type HandlerResult } from '../store.js';
import type { NewPet } from '../../server/petstore/generated/types.js';
import { readContract } from './contract.js';
import type { Target } from './target.js';

function send(reply: FastifyReply, { status, headers, body }: HandlerResult): FastifyReply {
  reply.code(status);
  if (headers) reply.headers(headers);
  return reply.send(body);
}

export async function createTarget(): Promise<Target> {
  let listener: RequestListener | undefined;
  const app = Fastify({
    // As for the hand-wired Fastify target: removeAdditional would strip properties while trying
    // oneOf branches; strict mode refuses a `default` inside `oneOf`.
    ajv: { customOptions: { removeAdditional: false, strict: false } },
    serverFactory: (handler) => {
      listener = handler as RequestListener;
      return createServer(handler);
    },
  });
  const unsupported = (_req: FastifyRequest, reply: FastifyReply) => send(reply, { status: 501, body: { title: 'Not Implemented' } });
  await app.register(openapiGlue, {
    specification: readContract(),
    serviceHandlers: {
      getPet: (req: FastifyRequest, reply: FastifyReply) => send(reply, getPet({ params: req.params as { petId: number } })),
      listPets: (req: FastifyRequest, reply: FastifyReply) => send(reply, listPets({ query: req.query as { limit?: number; offset?: number } })),
      createPet: (req: FastifyRequest, reply: FastifyReply) => send(reply, createPet({ body: req.body as NewPet })),
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
  if (!listener) throw new Error('Fastify did not call serverFactory');
  return { listener, close: () => app.close() };
}
