// What every bench target module hands back: a node:http request listener (and how to close what it
// opened). Lives below the registry (targets.ts), so that the targets import it and the registry
// only lists them.
import type { RequestListener, Server } from 'node:http';

export interface Target {
  listener: RequestListener;
  /** How the target's own server listens, when that is part of what is measured (specfirst's `listen`, as `npm start` runs it). */
  listen?: (port: number, host: string) => Promise<Server>;
  close?: () => Promise<void>;
}
