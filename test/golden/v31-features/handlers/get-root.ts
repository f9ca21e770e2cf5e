// Handler for GET / (getRoot) in v31-features.yaml.
// This file is yours: specfirst wrote it once and will never overwrite it.
import type { Handlers } from "../generated/operations.js";
import { notImplemented } from "../generated/operations.js";

/**
 * Root without operationId
 */
export const getRoot: Handlers["getRoot"] = async (_request, _context) => {
  // TODO: Root without operationId. Return { status, body } as the contract says; until then the server answers 501.
  return notImplemented("getRoot");
};
