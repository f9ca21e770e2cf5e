// `readOnly` and `writeOnly` apply to properties of a body (OpenAPI: "relevant only for Schema
// properties"): sent only in responses, or only in requests. express-openapi-validator's ajv
// rejects a readOnly value anywhere in a request, so `readOnly: true` in a parameter's schema
// (`/keys/{id}` with `id: {type: integer, readOnly: true}`) refused every request. They are
// removed from parameter and header schemas; a component such a schema refers to and that
// carries them is copied in without them, so the bodies that use it keep their meaning.
import type { RuleContext } from './change.js';
import { isObject, schemaChildren, walkSchema, type Json } from './walk.js';

const MARKERS = ['readOnly', 'writeOnly'];

/** Removes readOnly/writeOnly from the schema of a parameter or header (`owner.schema`). */
export function dropReadWriteMarkers(owner: Json, pointer: string, context: RuleContext): void {
  if (!isObject(owner.schema)) return;
  strip(owner.schema, `${pointer}/schema`, context, []);
}

/** `inlined`: the components copied in on the way here, so a recursive one is copied once. */
function strip(node: unknown, pointer: string, context: RuleContext, inlined: string[]): void {
  if (!isObject(node)) return;
  const ref = node.$ref;
  if (typeof ref === 'string') {
    const target = context.resolve(ref);
    if (!target || inlined.includes(ref) || !carriesMarkers(target, context, [ref])) return;
    delete node.$ref;
    Object.assign(node, { ...structuredClone(target), ...node });
    context.record(pointer, 'parameter-read-write', `${ref} copied in without readOnly/writeOnly: they apply to body properties only`);
    inlined = [...inlined, ref];
  }
  const found = MARKERS.filter((k) => k in node);
  for (const k of found) delete node[k];
  if (found.length > 0) context.record(pointer, 'parameter-read-write', `${found.join(' and ')} removed from the schema of a parameter or header: readOnly and writeOnly apply to body properties only`);
  for (const [child, at] of schemaChildren(node, pointer)) strip(child, at, context, inlined);
}

/** True when the schema, or one it refers to, says readOnly or writeOnly anywhere. */
function carriesMarkers(schema: Json, context: RuleContext, seen: string[]): boolean {
  let found = false;
  walkSchema(schema, '', (node) => {
    if (found) return;
    if (MARKERS.some((k) => k in node)) found = true;
    const ref = node.$ref;
    if (typeof ref === 'string' && !seen.includes(ref)) {
      const target = context.resolve(ref);
      if (target && carriesMarkers(target, context, [...seen, ref])) found = true;
    }
  });
  return found;
}
