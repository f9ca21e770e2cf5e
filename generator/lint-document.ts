// Checks over the bundled document that the OpenAPI schema allows but that are almost always
// mistakes: a JSON response with no schema (nothing to type or validate), a required property
// that no `properties` entry defines, and components nothing refers to. Pure: document in,
// problems (with JSON pointers) out; lint.ts gives them their file:line:col.
import type { OpenAPIDocument } from './load.js';
import { isJsonMediaType } from './model.js';
import { encodePointer } from './positions.js';

export interface DocumentProblem {
  pointer: string;
  severity: 'error' | 'warning';
  rule: string;
  message: string;
  hint: string;
}

export function lintDocument(doc: OpenAPIDocument): DocumentProblem[] {
  return [...jsonResponsesWithoutSchema(doc), ...requiredNotInProperties(doc), ...unusedComponents(doc)];
}

function jsonResponsesWithoutSchema(doc: OpenAPIDocument): DocumentProblem[] {
  const problems: DocumentProblem[] = [];
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const [method, op] of Object.entries((item ?? {}) as Record<string, { responses?: Record<string, { content?: Record<string, { schema?: unknown }> }> }>)) {
      for (const [status, response] of Object.entries(op?.responses ?? {})) {
        for (const [media, content] of Object.entries(response?.content ?? {})) {
          if (!isJsonMediaType(media) || media === '*/*' || content?.schema !== undefined) continue;
          problems.push({
            pointer: encodePointer(['paths', path, method, 'responses', status, 'content', media]),
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

/** Walks every schema-like object; `required` names must be defined unless other keywords may add them. */
function requiredNotInProperties(doc: OpenAPIDocument): DocumentProblem[] {
  const problems: DocumentProblem[] = [];
  const seen = new Set<object>();
  const walk = (node: unknown, path: (string | number)[]): void => {
    if (typeof node !== 'object' || node === null || seen.has(node)) return;
    seen.add(node);
    const obj = node as Record<string, unknown>;
    const props = obj.properties;
    if (Array.isArray(obj.required) && typeof props === 'object' && props !== null && !obj.allOf && !obj.oneOf && !obj.anyOf) {
      obj.required.forEach((name, i) => {
        if (typeof name !== 'string' || name in props) return;
        const closed = obj.additionalProperties === false;
        problems.push({
          pointer: encodePointer([...path, 'required', i]),
          severity: closed ? 'error' : 'warning',
          rule: 'required-not-in-properties',
          message: closed
            ? `required property "${name}" is not in properties and additionalProperties is false: no value can match`
            : `required property "${name}" is not in properties`,
          hint: `define "${name}" under properties, or check its spelling`,
        });
      });
    }
    for (const [key, value] of Object.entries(obj)) walk(value, [...path, key]);
  };
  walk(doc, []);
  return problems;
}

const COMPONENT_KINDS = ['schemas', 'responses', 'parameters', 'examples', 'requestBodies', 'headers', 'links', 'callbacks', 'pathItems'];

function unusedComponents(doc: OpenAPIDocument): DocumentProblem[] {
  const problems: DocumentProblem[] = [];
  const used = new Set<string>();
  collectRefs(doc, used);
  const components = (doc.components ?? {}) as Record<string, Record<string, unknown> | undefined>;
  for (const kind of COMPONENT_KINDS) {
    for (const name of Object.keys(components[kind] ?? {})) {
      const ref = `#${encodePointer(['components', kind, name])}`;
      if (used.has(ref) || [...used].some((u) => u.startsWith(ref + '/'))) continue;
      problems.push({
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

/** Every `$ref` and every discriminator mapping value in the document. */
function collectRefs(node: unknown, into: Set<string>, seen = new Set<object>()): void {
  if (typeof node !== 'object' || node === null || seen.has(node)) return;
  seen.add(node);
  const obj = node as Record<string, unknown>;
  if (typeof obj.$ref === 'string') into.add(decodeURIComponent(obj.$ref));
  const mapping = (obj.discriminator as { mapping?: Record<string, unknown> } | undefined)?.mapping;
  for (const value of Object.values(mapping ?? {})) if (typeof value === 'string') into.add(value.startsWith('#') ? value : `#/components/schemas/${value}`);
  for (const value of Object.values(obj)) collectRefs(value, into, seen);
}
