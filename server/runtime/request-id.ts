// The id a request gets when its client sent none (or none sane): UUID-shaped (RFC 9562 version 8,
// "custom"), so logs and problem bodies look as before, but made from a random prefix drawn once per
// process and a counter, not by `randomUUID()` per request: unique per process and worker (each
// draws its own 70 random bits), at the cost of a string concatenation. An id is an id, never a
// secret: it names a request in logs, it grants nothing.
import { randomBytes } from 'node:crypto';

const random = randomBytes(16).toString('hex');
/** `xxxxxxxx-xxxx-8xxx-Vxxx-`: version 8, the RFC's variant (V is 8, 9, a or b). */
const PREFIX = `${random.slice(0, 8)}-${random.slice(8, 12)}-8${random.slice(13, 16)}-${((parseInt(random[16]!, 16) & 0x3) | 0x8).toString(16)}${random.slice(17, 20)}-`;
/** The last 48 bits count requests, from a random start so that an id does not say how many came before. */
let counter = parseInt(random.slice(20, 30), 16);

/** A new request id, `8c1f…-…-8…-…-00a3b5c7d9e1` (36 characters, lower-case hex and dashes). */
export function newRequestId(): string {
  const n = counter++;
  return PREFIX + n.toString(16).padStart(12, '0');
}
