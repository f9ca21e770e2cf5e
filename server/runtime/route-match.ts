// Which operation a request is for, found once per request with one regular expression built at
// start-up from every path of the API. Lets several APIs share a base path (an API that does not
// know a path passes it on), and gives later steps the route without matching again.
import type { RouteBinding } from './api.js';

export interface RouteMatch {
  /** The API declares this path (for some method). */
  known: boolean;
  /** The operation for this method, if the path declares it. */
  route: RouteBinding | undefined;
}

export function createRouteMatcher(routes: readonly RouteBinding[]): (method: string, path: string) => RouteMatch {
  const paths = [...new Set(routes.map((r) => r.path))];
  const byPath = paths.map((p) => new Map(routes.filter((r) => r.path === p).map((r) => [r.method.toUpperCase(), r])));
  // Literal paths first, so /pets/mine wins over /pets/{id} as OpenAPI requires.
  const order = paths.map((_, i) => i).sort((a, b) => Number(paths[a]!.includes('{')) - Number(paths[b]!.includes('{')));
  const combined = new RegExp(`^(?:${order.map((i) => `(${patternSource(paths[i]!)})`).join('|')})/?$`);
  return (method, path) => {
    const m = combined.exec(path);
    if (!m) return { known: false, route: undefined };
    const group = m.findIndex((g, i) => i > 0 && g !== undefined) - 1;
    const methods = byPath[order[group]!]!;
    return { known: true, route: methods.get(method) ?? (method === 'HEAD' ? methods.get('GET') : undefined) };
  };
}

/** `/pets/{petId}` → `/pets/[^/]+`, everything else literal. */
export function patternSource(path: string): string {
  return path
    .split(/\{[^}]+\}/)
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('[^/]+');
}
