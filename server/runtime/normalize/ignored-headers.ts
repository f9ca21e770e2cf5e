// OpenAPI: a header parameter named `Accept`, `Content-Type` or `Authorization` is ignored; those
// are described by `responses.content`, `requestBody.content` and `security`. Validating one as
// declared would refuse a request that follows the rest of the contract (a browser's
// `Accept: */*` against an enum of media types). The generator leaves them out of the typed
// request too (generator/model/model.ts).
import type { RuleContext } from './change.js';
import { isObject, type Json } from './walk.js';

const IGNORED = new Set(['accept', 'content-type', 'authorization']);

/** True for a header parameter that OpenAPI says to ignore. */
export function isIgnoredHeader(parameter: { in?: unknown; name?: unknown }): boolean {
  return parameter.in === 'header' && typeof parameter.name === 'string' && IGNORED.has(parameter.name.toLowerCase());
}

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
