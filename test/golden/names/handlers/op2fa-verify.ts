// Handler for DELETE /things/{user-id} (2fa-verify) in names.yaml.
// This file is yours: specfirst wrote it once and will never overwrite it.
import type { Handlers } from "../generated/operations.js";
import { notImplemented } from "../generated/operations.js";

/**
 * DELETE /things/{user-id}
 */
export const op2faVerify: Handlers["op2faVerify"] = async (_request, _context) => {
  // TODO: DELETE /things/{user-id}. Return { status, body } as the contract says; until then the server answers 501.
  return notImplemented("op2faVerify");
};
