// The responses of one operation in both versions: statuses, media types, headers, and the
// schemas judged as what clients receive.
import { derefAt, encodePointer } from '../../server/runtime/contract/pointer.js';
import { contentOf } from './compare-request-body.js';
import type { DiffContext } from './context.js';
import { isJson, type Json } from './schema-view.js';

export function compareResponses(ctx: DiffContext, operation: string, opPointers: { base: string; revision: string }, base: Json, revision: Json): void {
  const bResponses = isJson(base.responses) ? base.responses : {};
  const rResponses = isJson(revision.responses) ? revision.responses : {};
  const success = (status: string) => /^2/.test(status);
  for (const status of Object.keys(bResponses)) {
    const bp = `${opPointers.base}${encodePointer(['responses', status])}`;
    if (!Object.hasOwn(rResponses, status)) {
      const id = success(status) ? 'response-success-status-removed' : 'response-non-success-status-removed';
      ctx.add(id, operation, bp, `${opPointers.revision}/responses`, `response ${status} removed`);
      continue;
    }
    const b = derefAt<unknown>(ctx.docs.base, bResponses[status], bp);
    const r = derefAt<unknown>(ctx.docs.revision, rResponses[status], `${opPointers.revision}${encodePointer(['responses', status])}`);
    if (isJson(b.value) && isJson(r.value)) compareResponse(ctx, operation, status, { value: b.value, pointer: b.pointer }, { value: r.value, pointer: r.pointer });
  }
  for (const status of Object.keys(rResponses)) {
    if (Object.hasOwn(bResponses, status)) continue;
    const id = success(status) ? 'response-success-status-added' : 'response-non-success-status-added';
    ctx.add(id, operation, `${opPointers.base}/responses`, `${opPointers.revision}${encodePointer(['responses', status])}`, `response ${status} added`);
  }
}

function compareResponse(ctx: DiffContext, operation: string, status: string, b: { value: Json; pointer: string }, r: { value: Json; pointer: string }): void {
  const bContent = contentOf(b.value, b.pointer);
  const rContent = contentOf(r.value, r.pointer);
  for (const [type, bm] of bContent) {
    const rm = rContent.get(type);
    if (!rm) ctx.add('response-media-type-removed', operation, bm.pointer, r.pointer, `response ${status}: media type ${bm.name} removed`);
    else if (bm.value.schema !== undefined && rm.value.schema !== undefined) {
      ctx.compareSchemas('response', 'body', operation, `response ${status} (${rm.name})`, { value: bm.value.schema, pointer: `${bm.pointer}/schema` }, { value: rm.value.schema, pointer: `${rm.pointer}/schema` });
    }
  }
  for (const [type, rm] of rContent) if (!bContent.has(type)) ctx.add('response-media-type-added', operation, b.pointer, rm.pointer, `response ${status}: media type ${rm.name} added`);
  const bHeaders = headersOf(ctx.docs.base, b);
  const rHeaders = headersOf(ctx.docs.revision, r);
  for (const [key, bh] of bHeaders) {
    const rh = rHeaders.get(key);
    const what = `response ${status}: header '${bh.name}'`;
    if (!rh) {
      ctx.add(bh.value.required === true ? 'response-header-removed-required' : 'response-header-removed-optional', operation, bh.pointer, r.pointer, `${what} removed`);
      continue;
    }
    if (bh.value.required === true && rh.value.required !== true) ctx.add('response-header-became-optional', operation, bh.pointer, rh.pointer, `${what} became optional`);
    if (bh.value.required !== true && rh.value.required === true) ctx.add('response-header-became-required', operation, bh.pointer, rh.pointer, `${what} became required`);
    if (bh.value.schema !== undefined && rh.value.schema !== undefined) {
      ctx.compareSchemas('response', 'header', operation, what, { value: bh.value.schema, pointer: `${bh.pointer}/schema` }, { value: rh.value.schema, pointer: `${rh.pointer}/schema` });
    }
  }
  for (const [key, rh] of rHeaders) {
    if (!bHeaders.has(key) && rh.value.required === true) ctx.add('response-header-added-required', operation, b.pointer, rh.pointer, `response ${status}: required header '${rh.name}' added`);
  }
}

/** Headers by lower-case name, `$ref`s followed; Content-Type is `content`'s, never a header. */
function headersOf(doc: unknown, response: { value: Json; pointer: string }): Map<string, { name: string; value: Json; pointer: string }> {
  const out = new Map<string, { name: string; value: Json; pointer: string }>();
  const headers = isJson(response.value.headers) ? response.value.headers : {};
  for (const [name, raw] of Object.entries(headers)) {
    if (name.toLowerCase() === 'content-type') continue;
    const found = derefAt<unknown>(doc, raw, `${response.pointer}${encodePointer(['headers', name])}`);
    if (isJson(found.value)) out.set(name.toLowerCase(), { name, value: found.value, pointer: found.pointer });
  }
  return out;
}
