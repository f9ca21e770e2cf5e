// Error bodies for v30-features.yaml.
// The contract declares its own body for errors the server produces itself (a request that breaks
// the contract, an unknown path, a handler that threw…): each problem is turned into it here.
// This file is yours: specfirst wrote it once and will never overwrite it. What it returns is
// checked against the contract; if it throws or breaks it, the client gets
// application/problem+json instead and the log says why.
import type { ErrorFormatter } from "./generated/errors.js";
import { messageOf } from "./generated/errors.js";

export const errorFormatter = {
  /** `Error` (400, 406, 500 of getUserById; 404, 405 of requests no operation serves). */
  "application/json": (problem) => ({ message: messageOf(problem) }),
} satisfies ErrorFormatter;
