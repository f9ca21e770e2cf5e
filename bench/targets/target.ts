// What every bench target module hands back: a node:http request listener (and how to close what it
// opened). Lives below the registry (targets.ts), so that the targets import it and the registry
// only lists them.
import type { RequestListener } from 'node:http';

export interface Target {
  listener: RequestListener;
  close?: () => Promise<void>;
}
