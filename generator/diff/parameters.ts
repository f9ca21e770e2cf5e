// The parameters an operation takes, as both sides of a diff read them: path-level ones merged with
// the operation's own (the operation's win, by location and name), `$ref`s followed, and path
// parameters keyed by their position in the path, so renaming `{id}` to `{petId}` is no change.
import { derefAt, encodePointer } from '../../server/runtime/contract/pointer.js';
import { isJson, type Json } from './schema-view.js';

export interface ParameterAt {
  /** `query:limit`, `header:x-trace` (lower case), `path:#0` (first template in the path). */
  key: string;
  name: string;
  in: string;
  value: Json;
  pointer: string;
  /** The schema as written (`schema`, or the first `content` entry's) and where. */
  schema: { value: unknown; pointer: string } | null;
}

export function parametersOf(doc: unknown, path: string, item: Json, itemPointer: string, op: Json, opPointer: string): ParameterAt[] {
  const templates = [...path.matchAll(/\{([^}]*)\}/g)].map((m) => m[1]!);
  const byKey = new Map<string, ParameterAt>();
  for (const [list, pointer] of [
    [item.parameters, `${itemPointer}/parameters`],
    [op.parameters, `${opPointer}/parameters`],
  ] as const) {
    if (!Array.isArray(list)) continue;
    list.forEach((raw, i) => {
      const found = derefAt<unknown>(doc, raw, `${pointer}/${i}`);
      const p = found.value;
      if (!isJson(p) || typeof p.name !== 'string' || typeof p.in !== 'string') return;
      const position = templates.indexOf(p.name);
      const key = p.in === 'path' ? `path:#${position < 0 ? p.name : position}` : `${p.in}:${p.in === 'header' ? p.name.toLowerCase() : p.name}`;
      byKey.set(key, { key, name: p.name, in: p.in, value: p, pointer: found.pointer, schema: schemaOf(p, found.pointer) });
    });
  }
  return [...byKey.values()];
}

function schemaOf(p: Json, pointer: string): ParameterAt['schema'] {
  if (p.schema !== undefined) return { value: p.schema, pointer: `${pointer}/schema` };
  if (isJson(p.content)) {
    const [mediaType, media] = Object.entries(p.content)[0] ?? [];
    if (mediaType !== undefined && isJson(media) && media.schema !== undefined) return { value: media.schema, pointer: `${pointer}${encodePointer(['content', mediaType, 'schema'])}` };
  }
  return null;
}

/** The serialisation a parameter uses, defaults filled in (OpenAPI: form for query and cookie, simple otherwise). */
export function styleOf(p: ParameterAt): { style: string; explode: boolean } {
  const style = typeof p.value.style === 'string' ? p.value.style : p.in === 'query' || p.in === 'cookie' ? 'form' : 'simple';
  return { style, explode: typeof p.value.explode === 'boolean' ? p.value.explode : style === 'form' };
}
