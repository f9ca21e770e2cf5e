// Unknown query parameters, found before validation so they are reported together with every
// other failing field (express-openapi-validator throws on the first unknown one, alone). The
// allowed names per route are computed once at start-up.
import type { RequestHandler } from 'express';
import type { RouteBinding } from './api.js';
import { deref, type Document } from './contract.js';
import type { ValidatorErrorItem } from './problems.js';

export function unknownQueryCheck(doc: Document, routes: readonly RouteBinding[]): RequestHandler {
  // apiKey credentials may travel in the query without being declared as parameters.
  const schemes = Object.values((doc.components?.securitySchemes ?? {}) as Record<string, unknown>).map((s) => deref<{ type?: string; in?: string; name?: string }>(doc, s));
  const credentialNames = schemes.filter((s) => s?.type === 'apiKey' && s.in === 'query' && s.name).map((s) => s!.name!);
  const allowed = new Map<RouteBinding, Set<string> | null>();
  for (const route of routes) {
    const op = deref(doc, deref(doc, doc.paths?.[route.path])?.[route.method]);
    const open = op?.['x-eov-allow-unknown-query-parameters'] === true;
    allowed.set(route, open ? null : new Set([...route.parameters.query, ...credentialNames]));
  }
  return (req, res, next) => {
    const names = allowed.get(res.locals.route as RouteBinding);
    if (names) {
      const unknown = Object.keys(req.query as object).filter((k) => !names.has(k));
      if (unknown.length > 0) res.locals.unknownQuery = unknown.map(unknownItem);
    }
    next();
  };
}

function unknownItem(name: string): ValidatorErrorItem {
  return { path: `/query/${name}`, message: `unknown query parameter '${name}'`, errorCode: 'unknown' };
}
