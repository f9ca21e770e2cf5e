// Visits every object of a JSON document once (arrays are looked through, shared objects and
// cycles visited once): the walk that start-up passes over a whole contract share. Never copies.

/** Calls `visit` on every non-array object reachable from `roots`, each object once. */
export function forEachObject(roots: readonly unknown[], visit: (node: Record<string, unknown>) => void): void {
  const seen = new Set<object>();
  const walk = (node: unknown): void => {
    if (typeof node !== 'object' || node === null || seen.has(node)) return;
    seen.add(node);
    if (Array.isArray(node)) {
      for (const item of node) walk(item);
      return;
    }
    visit(node as Record<string, unknown>);
    for (const value of Object.values(node)) walk(value);
  };
  for (const root of roots) walk(root);
}
