// An operation's security, resolved once at start-up from the contract: its requirement objects
// (OR between them, AND inside one, `{}` or `[]` for public) with their schemes, and the realm
// its challenges name. Never sees a request: request/check-security.ts enforces the plan.
import type { ApiDefinition, RouteBinding, SecuritySchemeBinding } from '../api.js';

/** One scheme a requirement object names, with the scopes it asks for. */
export interface Need {
  key: string;
  scheme: SecuritySchemeBinding;
  scopes: readonly string[];
}

/** One operation's security, resolved at start-up. */
export interface SecurityPlan {
  /** Requirement objects with schemes, in the contract's order (OR between them, AND inside). */
  requirements: Need[][];
  /** `{}` is one of the alternatives: anyone may call, a valid credential still yields a principal. */
  optional: boolean;
  realm: string;
  mock: boolean;
}

export function planSecurity(api: ApiDefinition, route: RouteBinding, { mock }: { mock: boolean }): SecurityPlan | null {
  if (!route.security || route.security.length === 0) return null;
  const requirements = route.security.map((requirement) => Object.entries(requirement).map(([key, scopes]) => ({ key, scopes, scheme: schemeOf(api, key) })));
  const withSchemes = requirements.filter((r) => r.length > 0);
  const optional = withSchemes.length < requirements.length;
  if (withSchemes.length === 0) return null;
  return { requirements: withSchemes, optional, realm: realm(api), mock };
}

function schemeOf(api: ApiDefinition, key: string): SecuritySchemeBinding {
  const scheme = api.securitySchemes?.[key];
  if (!scheme) throw new Error(`${api.name}: security requirement names "${key}", which is not in components/securitySchemes`);
  return scheme;
}

const realm = (api: ApiDefinition): string => api.title.replace(/["\\]/g, '');
