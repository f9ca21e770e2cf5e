// OpenAPI says to ignore a header parameter named `Accept`, `Content-Type` or `Authorization`
// (../contract/ignored-headers.ts). Validating one as declared would refuse a request that follows
// the rest of the contract (a browser's `Accept: */*` against an enum of media types).
import { isIgnoredHeader } from '../contract/ignored-headers.js';
import type { RuleContext } from './change.js';
import { isObject, type Json } from './walk.js';

/** Drops ignored header parameters from a path item's or an operation's `parameters`. */
export function dropIgnoredHeaders(owner: Json, pointer: string, { resolve, record }: RuleContext): void {
  if (!Array.isArray(owner.parameters)) return;
  owner.parameters = owner.parameters.filter((raw, i) => {
    const parameter = isObject(raw) && typeof raw.$ref === 'string' ? resolve(raw.$ref) : raw;
    if (!isObject(parameter) || !isIgnoredHeader(parameter)) return true;
    record(`${pointer}/parameters/${i}`, 'ignored-header', `header parameter ${JSON.stringify(parameter.name)} ignored, as OpenAPI says: it is described by content and security`);
    return false;
  });
}
