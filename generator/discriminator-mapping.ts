// Keeps `discriminator.mapping` pointing at the right schemas through bundling. swagger-parser
// rewrites `$ref`s when it bundles a multi-file contract into one document, but mapping values are
// plain strings and stay `./Beverage.yaml`, which means nothing in the bundle. Before bundling, a
// mapping value written exactly as one of the oneOf/anyOf branch refs is replaced by a marker
// naming the branch; after bundling, the marker becomes that branch's (now internal) `$ref`.

import { encodePointer } from './positions.js';

const MARK = 'x-specfirst-branch:';

/** Mutates a freshly parsed file: marks mapping values that name a branch's `$ref`. */
export function markMappedBranches(node: unknown): void {
  forEachDiscriminated(node, (mapping, branches) => {
    for (const [value, target] of Object.entries(mapping)) {
      if (typeof target !== 'string' || target.startsWith('#')) continue;
      const index = branches.findIndex((b) => b.$ref === target);
      if (index >= 0) mapping[value] = `${MARK}${index}`;
    }
  });
}

/**
 * Mutates the bundled document: every marker becomes its branch's `$ref`, or, where the bundle
 * inlined the branch, the branch's own pointer in the document.
 */
export function resolveMappedBranches(document: unknown): void {
  forEachDiscriminated(document, (mapping, branches, pointer, key) => {
    for (const [value, target] of Object.entries(mapping)) {
      if (typeof target !== 'string' || !target.startsWith(MARK)) continue;
      const index = Number(target.slice(MARK.length));
      const ref = branches[index]?.$ref;
      mapping[value] = typeof ref === 'string' ? ref : `#${encodePointer([...pointer, key, index])}`;
    }
  });
}

type Branch = { $ref?: unknown };
type Visit = (mapping: Record<string, unknown>, branches: Branch[], pointer: string[], key: 'oneOf' | 'anyOf') => void;

function forEachDiscriminated(node: unknown, visit: Visit, pointer: string[] = [], seen = new Set<object>()): void {
  if (typeof node !== 'object' || node === null || seen.has(node)) return;
  seen.add(node);
  const obj = node as Record<string, unknown>;
  const mapping = (obj.discriminator as { mapping?: unknown } | undefined)?.mapping;
  const key = Array.isArray(obj.oneOf) ? 'oneOf' : Array.isArray(obj.anyOf) ? 'anyOf' : null;
  if (typeof mapping === 'object' && mapping !== null && key) {
    visit(mapping as Record<string, unknown>, obj[key] as Branch[], pointer, key);
  }
  for (const [k, value] of Object.entries(obj)) forEachDiscriminated(value, visit, [...pointer, k], seen);
}
