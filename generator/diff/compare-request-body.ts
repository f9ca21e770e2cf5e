// The request body of one operation in both versions: present, required, its media types, and
// each media type's schema judged as what clients send.
import { derefAt, encodePointer } from '../../server/runtime/contract/pointer.js';
import { mediaTypeBase } from '../../server/runtime/contract/media-types.js';
import type { DiffContext } from './context.js';
import { isJson, type Json } from './schema-view.js';

export function compareRequestBody(ctx: DiffContext, operation: string, opPointers: { base: string; revision: string }, base: Json, revision: Json): void {
  const b = derefAt<unknown>(ctx.docs.base, base.requestBody, `${opPointers.base}/requestBody`);
  const r = derefAt<unknown>(ctx.docs.revision, revision.requestBody, `${opPointers.revision}/requestBody`);
  const bBody = isJson(b.value) ? b.value : null;
  const rBody = isJson(r.value) ? r.value : null;
  if (!bBody && !rBody) return;
  if (!bBody) {
    const required = rBody!.required === true;
    ctx.add(required ? 'request-body-added-required' : 'request-body-added-optional', operation, opPointers.base, r.pointer, `${required ? 'required' : 'optional'} request body added`);
    return;
  }
  if (!rBody) return ctx.add('request-body-removed', operation, b.pointer, opPointers.revision, 'request body removed');
  if (bBody.required !== true && rBody.required === true) ctx.add('request-body-became-required', operation, b.pointer, `${r.pointer}/required`, 'request body became required');
  if (bBody.required === true && rBody.required !== true) ctx.add('request-body-became-optional', operation, `${b.pointer}/required`, r.pointer, 'request body became optional');
  const bContent = contentOf(bBody, b.pointer);
  const rContent = contentOf(rBody, r.pointer);
  for (const [type, bm] of bContent) {
    const rm = rContent.get(type);
    if (!rm) ctx.add('request-body-media-type-removed', operation, bm.pointer, `${r.pointer}/content`, `request media type ${bm.name} removed`);
    else if (bm.value.schema !== undefined && rm.value.schema !== undefined) {
      ctx.compareSchemas('request', 'body', operation, `request body (${rm.name})`, { value: bm.value.schema, pointer: `${bm.pointer}/schema` }, { value: rm.value.schema, pointer: `${rm.pointer}/schema` });
    }
  }
  for (const [type, rm] of rContent) if (!bContent.has(type)) ctx.add('request-body-media-type-added', operation, `${b.pointer}/content`, rm.pointer, `request media type ${rm.name} added`);
}

/** Media types by their base (`application/json; charset=utf-8` is `application/json`). */
export function contentOf(holder: Json, pointer: string): Map<string, { name: string; value: Json; pointer: string }> {
  const content = isJson(holder.content) ? holder.content : {};
  const out = new Map<string, { name: string; value: Json; pointer: string }>();
  for (const [name, media] of Object.entries(content)) {
    if (isJson(media)) out.set(mediaTypeBase(name), { name, value: media, pointer: `${pointer}${encodePointer(['content', name])}` });
  }
  return out;
}
