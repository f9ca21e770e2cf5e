// Checks the OpenAPI schema allows but that are almost always mistakes: a JSON response with no
// schema (nothing to type or validate), components nothing refers to, and an additional operation
// whose method no request can have. Pure: the loaded contract in, findings out.
import type { Finding } from '../contract/diagnostics.js';
import type { LoadedContract } from '../contract/load.js';
import { isJsonMediaType } from '../../server/runtime/contract/media-types.js';
import { HTTP_METHODS, isServableMethod, operationsOf } from '../../server/runtime/contract/methods.js';
import { decodePointer, encodePointer } from '../../server/runtime/contract/pointer.js';

/** A finding at a pointer into the bundled document, before lint.ts finds the file that holds it. */
export type DocumentProblem = Omit<Finding, 'file'>;

export function jsonResponsesWithoutSchema(doc: LoadedContract['document']): DocumentProblem[] {
  const problems: DocumentProblem[] = [];
  const objects = (value: unknown): [string, Record<string, unknown>][] =>
    typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (Object.entries(value).filter(([, v]) => typeof v === 'object' && v !== null) as [string, Record<string, unknown>][])
      : [];
  for (const [path, item] of objects(doc.paths)) {
    for (const { method, at, operation } of operationsOf(item)) {
      const op = typeof operation === 'object' && operation !== null ? (operation as Record<string, unknown>) : {};
      for (const [status, response] of objects(op.responses)) {
        for (const [media, content] of objects(response.content)) {
          // `*/*` is not JSON here: a wildcard response may be anything, so no schema is no mistake.
          if (!isJsonMediaType(media) || content.schema !== undefined || content.itemSchema !== undefined) continue;
          problems.push({
            pointer: encodePointer(['paths', path, ...at, 'responses', status, 'content', media]),
            severity: 'warning',
            rule: 'json-response-without-schema',
            message: `${method.toUpperCase()} ${path} ${status} ${media} has no schema: its body cannot be typed or validated`,
            hint: 'add a schema (an empty schema `{}` if the body really can be anything)',
          });
        }
      }
    }
  }
  return problems;
}

/** `additionalOperations` under a method Node's HTTP parser refuses (it answers 400 before the server sees the request). */
export function unservableMethods(doc: LoadedContract['document']): DocumentProblem[] {
  const problems: DocumentProblem[] = [];
  for (const [path, item] of Object.entries((doc.paths ?? {}) as Record<string, unknown>)) {
    const more = (item as { additionalOperations?: unknown } | null)?.additionalOperations;
    if (typeof more !== 'object' || more === null) continue;
    for (const method of Object.keys(more)) {
      // GET, POST… here are the meta-schema's to report (write them as get:, post:).
      if (isServableMethod(method) || (HTTP_METHODS as readonly string[]).includes(method.toLowerCase())) continue;
      problems.push({
        pointer: encodePointer(['paths', path, 'additionalOperations', method]),
        severity: 'error',
        rule: 'method-not-servable',
        message: `${method} ${path}: Node's HTTP parser does not know the method ${method}, so no request reaches this operation (Node answers 400 first)`,
        hint: isServableMethod(method.toUpperCase()) ? `methods are case-sensitive: write ${method.toUpperCase()}` : "use a method Node accepts (node -p \"require('http').METHODS\"), or another path with POST",
      });
    }
  }
  return problems;
}

const COMPONENT_KINDS = ['schemas', 'responses', 'parameters', 'examples', 'requestBodies', 'headers', 'links', 'callbacks', 'pathItems', 'mediaTypes'];

/** Components of the root document that no `$ref` (from any file) and no discriminator mapping reaches. */
export function unusedComponents(contract: LoadedContract): Finding[] {
  const used = new Set<string>();
  const uses = new Map<string, number>();
  const place = (use: (typeof contract.walk.refs)[number]): string => `${use.target?.file.path}#${use.target?.pointer}`;
  for (const use of contract.walk.refs) {
    uses.set(place(use), (uses.get(place(use)) ?? 0) + 1);
    if (use.target?.file.path !== contract.root) continue;
    const [components, kind, name] = decodePointer(use.target.pointer);
    if (components === 'components' && kind && name !== undefined) used.add(`${kind}/${name}`);
  }
  // A component that is a `$ref` to another file names what that file holds: used when anything else refers to it.
  for (const use of contract.walk.refs) {
    const [components, kind, name, ...rest] = decodePointer(use.pointer);
    if (use.file === contract.root && components === 'components' && kind && name !== undefined && rest.length === 0 && (uses.get(place(use)) ?? 0) > 1) used.add(`${kind}/${name}`);
  }
  for (const schema of contract.walk.schemas) {
    const mapping = (schema.value as { discriminator?: { mapping?: unknown } } | null)?.discriminator?.mapping;
    if (typeof mapping !== 'object' || mapping === null) continue;
    for (const value of Object.values(mapping)) if (typeof value === 'string' && !value.includes('/')) used.add(`schemas/${value}`);
  }
  const root = contract.sources.get(contract.root)!.value as { components?: Record<string, unknown> };
  const problems: Finding[] = [];
  for (const kind of COMPONENT_KINDS) {
    const section = root.components?.[kind];
    if (typeof section !== 'object' || section === null) continue;
    for (const name of Object.keys(section)) {
      if (used.has(`${kind}/${name}`)) continue;
      problems.push({
        file: contract.root,
        pointer: encodePointer(['components', kind, name]),
        severity: 'warning',
        rule: 'unused-component',
        message: `components/${kind}/${name} is never referenced`,
        hint: 'remove it, or $ref it where it was meant to be used',
      });
    }
  }
  return problems;
}
