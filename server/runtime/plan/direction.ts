// OpenAPI's readOnly and writeOnly: a readOnly property is sent by the server only, so a request
// need not (and must not) carry it even when the schema lists it as required; a writeOnly one is
// sent by clients only. The validators get the contract as each direction sees it: `required`
// without the properties that direction never carries. The values themselves are refused by the
// validators' readOnly/writeOnly keywords (validators.ts).
import type { Document } from '../contract/document.js';
import { forEachObject } from '../contract/each-object.js';

export type Direction = 'request' | 'response';

/** The document as `direction` sees it; the same object when nothing changes. */
export function forDirection(doc: Document, direction: Direction): Document {
  const keyword = direction === 'request' ? 'readOnly' : 'writeOnly';
  if (!mentions(doc, keyword)) return doc;
  const copy = structuredClone(doc);
  forEachObject([copy.paths, copy.components], (node) => {
    const schema = node as { required?: unknown; properties?: Record<string, unknown> };
    if (Array.isArray(schema.required) && typeof schema.properties === 'object' && schema.properties !== null) {
      const props = schema.properties;
      const kept = schema.required.filter((name) => !(props[name as string] as Record<string, unknown> | undefined)?.[keyword]);
      if (kept.length !== schema.required.length) schema.required = kept;
    }
  });
  return copy;
}

function mentions(doc: Document, keyword: string): boolean {
  const text = JSON.stringify(doc.components ?? {}) + JSON.stringify(doc.paths ?? {});
  return text.includes(`"${keyword}":true`);
}
