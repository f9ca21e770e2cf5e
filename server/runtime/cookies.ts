// Cookie parameters for the typed request. express-openapi-validator validates a copy of the
// cookies, so its coercion and defaults never reach req.cookies; the few rules needed (default,
// number, integer, boolean) are applied here from the contract, prepared once per route.
import type { Request } from 'express';
import type { ParameterInfo } from './contract.js';

export interface CookieParameter {
  name: string;
  type: string | undefined;
  default: unknown;
}

export function cookieParameters(parameters: readonly ParameterInfo[]): CookieParameter[] {
  return parameters
    .filter((p) => p.in === 'cookie')
    .map((p) => {
      const type = p.schema?.type;
      return { name: p.name, type: Array.isArray(type) ? type.find((t) => t !== 'null') : (type as string | undefined), default: p.schema?.default };
    });
}

export function readCookies(req: Request, params: readonly CookieParameter[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const cookies = (req.cookies ?? {}) as Record<string, string | undefined>;
  for (const p of params) {
    const raw = cookies[p.name];
    if (raw === undefined) {
      if (p.default !== undefined) out[p.name] = structuredClone(p.default);
      continue;
    }
    out[p.name] = coerce(raw, p.type);
  }
  return out;
}

function coerce(raw: string, type: string | undefined): unknown {
  if (type === 'integer' || type === 'number') return Number(raw);
  if (type === 'boolean') return raw === 'true';
  return raw;
}
