// A query parameter's `allowReserved` tells a client whether it may leave reserved characters
// (`: / ? # [ ] @ ! $ & ' ( ) * + , ; =`) unencoded; a server reads the value the same either way.
// curl and browsers send `?since=2024-01-01T00:00:00Z` as written, and express-openapi-validator
// refuses it ("must be url encoded") unless `allowReserved` is true. Every query parameter gets
// it in the validator's copy; what the value must be is still its schema's business. Like
// examples, one start-up log entry for all of them.
import type { Json } from './walk.js';

/** Sets `allowReserved: true` on a query parameter; counts the ones it changed. */
export function acceptReserved(parameter: Json, counter: { count: number }): void {
  if (parameter.in !== 'query' || parameter.allowReserved === true) return;
  parameter.allowReserved = true;
  counter.count += 1;
}
