// The id a request gets when its client sent none (or none sane): UUID-shaped (RFC 9562 version 8,
// "custom"), so logs and problem bodies look as before, but made from random bits drawn once per
// process and a counter, not by `randomUUID()` per request (a fifth of its cost: four table
// look-ups and a concatenation). Unique per process and worker: each draws its own 70 random bits,
// and the last 48 bits count (from a random start, so that an id does not say how many requests
// came before). An id is an id, never a secret: it names a request in logs, it grants nothing.
import { randomBytes } from 'node:crypto';

const random = randomBytes(16);
const hex = random.toString('hex');
/** `xxxxxxxx-xxxx-8xxx-Vxxx-`: version 8, the RFC's variant (V is 8, 9, a or b). */
const BASE = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${((random[8]! >> 4) & 0x3 | 0x8).toString(16)}${hex.slice(17, 20)}-`;
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** The counted 48 bits: 16 in the prefix (they change once every 2^32 ids), 32 written per id. */
let high = random.readUInt16BE(10);
let low = random.readUInt32BE(12);
let prefix = BASE + HEX[high >>> 8]! + HEX[high & 0xff]!;

/** A new request id, `8c1f…-…-8…-…-00a3b5c7d9e1` (36 characters, lower-case hex and dashes). */
export function newRequestId(): string {
  const n = low;
  const id = prefix + HEX[n >>> 24]! + HEX[(n >>> 16) & 0xff]! + HEX[(n >>> 8) & 0xff]! + HEX[n & 0xff]!;
  low = (n + 1) >>> 0;
  if (low === 0) {
    high = (high + 1) & 0xffff;
    prefix = BASE + HEX[high >>> 8]! + HEX[high & 0xff]!;
  }
  return id;
}
