// Rule identical-paths: OpenAPI says "Templated paths with the same hierarchy but different
// templated names MUST NOT exist as they are identical" (`/orders/{OrderID}`, `/orders/{OrderNumber}`).
// Reported at both path keys, each naming the other; the server's own route table decides what
// "the same path" is and which operations of the later path no request reaches.
import type { DocumentProblem } from './document.js';
import type { ApiModel, Operation } from '../model/model.js';
import { encodePointer } from '../../server/runtime/contract/pointer.js';
import { createRouteTable, fileRoutes } from '../../server/runtime/plan/route-table.js';

/** Both places of every pair of identical path keys: the first declared and each later one. */
export function identicalPaths(model: ApiModel): DocumentProblem[] {
  const operations = model.operations.filter((op) => !/[?#]/.test(op.path)); // path-key-query's
  const paths = [...new Set(operations.map((op) => op.path))];
  const { shadowed } = fileRoutes(operations, (op) => op.path, (op) => op.method);
  const table = createRouteTable<string>();
  const out: DocumentProblem[] = [];
  for (const later of paths) {
    const first = table.add(later, later);
    if (first === undefined) continue;
    const lost = shadowed.filter((s) => s.route.path === later && s.by.path === first).map((s) => s.route);
    const effect = lost.length > 0 ? `${lost.map(label).join(', ')} of "${later}" ${lost.length === 1 ? 'is' : 'are'} unreachable: "${first}" is served` : 'both are served, as no method is declared on both';
    // Only a trailing slash apart: one path for the server, two for OpenAPI.
    const identical = shape(first) === shape(later);
    const why = identical ? 'paths that differ only in their template names are identical, and OpenAPI forbids them' : 'the server treats a path with a trailing slash as the same path';
    const problem = (at: string, other: string, order: string): DocumentProblem => ({
      pointer: encodePointer(['paths', at]),
      severity: identical ? 'error' : 'warning',
      rule: 'identical-paths',
      message: `path "${at}" is the same path as "${other}", declared ${order} (${why}); ${effect}`,
      hint: identical
        ? 'merge the two into one path with one template name per segment, or make one of them differ in a literal segment'
        : 'keep one of the two: a request to either reaches the one declared first',
    });
    out.push(problem(first, later, 'after it'), problem(later, first, 'before it'));
  }
  return out;
}

const label = (op: Operation): string => `${op.method.toUpperCase()} (${op.name})`;

/** The path with every template's name left out. */
const shape = (path: string): string => path.replace(/\{[^{}]+\}/g, '{}');
