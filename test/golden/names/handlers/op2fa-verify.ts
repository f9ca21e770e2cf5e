// Handler for DELETE /things/{user-id} (2fa-verify) in names.yaml.
// This file is yours: specfirst wrote it once and will never overwrite it.
import type {
  Op2faVerifyContext,
  Op2faVerifyRequest,
  Op2faVerifyResponse,
} from "../generated/operations.js";
import { notImplemented } from "../generated/operations.js";

/**
 * DELETE /things/{user-id}
 */
export async function op2faVerify(
  _request: Op2faVerifyRequest,
  _context: Op2faVerifyContext,
): Promise<Op2faVerifyResponse> {
  // TODO: DELETE /things/{user-id}. Return { status, body } as the contract says; until then the server answers 501.
  return notImplemented("op2faVerify");
}
