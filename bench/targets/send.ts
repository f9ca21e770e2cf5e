// How the Express-based and the Fastify-based targets send what a bench handler returned, and how a
// Fastify app hands over its node:http listener: one place, so that the targets differ only in
// what surrounds the handlers.
import { createServer, type RequestListener } from 'node:http';
import type { Response } from 'express';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyServerOptions } from 'fastify';
import type { HandlerResult } from '../store.js';

export function sendExpress(res: Response, { status, headers, body }: HandlerResult): void {
  res.status(status);
  if (headers) res.set(headers);
  res.json(body);
}

export function sendFastify(reply: FastifyReply, { status, headers, body }: HandlerResult): FastifyReply {
  reply.code(status);
  if (headers) reply.headers(headers);
  return reply.send(body);
}

/** A Fastify app whose request listener is handed over (serverFactory), to be served or injected like every other target's. */
export function fastifyWithListener(options: FastifyServerOptions = {}): { app: FastifyInstance; listener: () => RequestListener } {
  let listener: RequestListener | undefined;
  const app = Fastify({
    ...options,
    serverFactory: (handler) => {
      listener = handler as RequestListener;
      return createServer(handler);
    },
  });
  return {
    app,
    listener: () => {
      if (!listener) throw new Error('Fastify did not call serverFactory');
      return listener;
    },
  };
}
