// Matches the operations of two documents and compares each pair. Operations match by method and
// path with template names blanked (`/pets/{}`): renaming `{id}` to `{petId}` keeps the operation.
// An operation missing from the revision is removed (deprecation.ts says whether that breaks).
import { HTTP_METHODS } from '../../server/runtime/contract/methods.js';
import { derefAt, encodePointer } from '../../server/runtime/contract/pointer.js';
import { compareParameters } from './compare-parameters.js';
import { compareRequestBody } from './compare-request-body.js';
import { compareResponses } from './compare-responses.js';
import { compareSecurity, securityOf } from './compare-security.js';
import type { DiffContext } from './context.js';
import { compareDeprecation, removalId } from './deprecation.js';
import { unstable } from './lifecycle.js';
import { parametersOf } from './parameters.js';
import { isJson, type Json } from './schema-view.js';

export interface OperationAt {
  /** `GET /pets/{}`: the key both versions share. */
  key: string;
  /** `GET /pets/{petId}`, as the contract writes it. */
  label: string;
  path: string;
  op: Json;
  pointer: string;
  item: Json;
  itemPointer: string;
}

export function pathKey(path: string): string {
  return path.replace(/\{[^}]*\}/g, '{}');
}

export function operationsOf(doc: unknown): Map<string, OperationAt> {
  const out = new Map<string, OperationAt>();
  const paths = isJson(doc) && isJson(doc.paths) ? doc.paths : {};
  for (const [path, raw] of Object.entries(paths)) {
    const found = derefAt<unknown>(doc, raw, encodePointer(['paths', path]));
    if (!isJson(found.value)) continue;
    for (const method of HTTP_METHODS) {
      const op = found.value[method];
      if (!isJson(op)) continue;
      const key = `${method.toUpperCase()} ${pathKey(path)}`;
      if (out.has(key)) continue;
      out.set(key, { key, label: `${method.toUpperCase()} ${path}`, path, op, pointer: `${found.pointer}/${method}`, item: found.value, itemPointer: found.pointer });
    }
  }
  return out;
}

export function compareOperations(ctx: DiffContext): void {
  const base = operationsOf(ctx.docs.base);
  const revision = operationsOf(ctx.docs.revision);
  const revisionPaths = new Set([...revision.values()].map((o) => pathKey(o.path)));
  for (const [key, b] of base) {
    const r = revision.get(key);
    // Draft and alpha operations promise nothing (oasdiff's default stability threshold, beta).
    if (unstable(b.op)) {
      if (r) compareDeprecation(ctx, r.label, { base: b.pointer, revision: r.pointer }, b.op, r.op);
      continue;
    }
    if (!r) {
      const wholePath = !revisionPaths.has(pathKey(b.path));
      const { id, why } = removalId(ctx, b.op, wholePath ? 'api-path' : 'api')!;
      ctx.add(id, b.label, b.pointer, wholePath ? '/paths' : revisionItemPointer(revision, b.path), `${b.label} ${why}`);
      continue;
    }
    compareOperation(ctx, b, r);
  }
  for (const [key, r] of revision) if (!base.has(key)) ctx.add('endpoint-added', r.label, null, r.pointer, `${r.label} added`);
  compareWebhooks(ctx);
}

function revisionItemPointer(revision: Map<string, OperationAt>, path: string): string {
  const same = [...revision.values()].find((o) => pathKey(o.path) === pathKey(path));
  return same ? same.itemPointer : '/paths';
}

function compareOperation(ctx: DiffContext, b: OperationAt, r: OperationAt): void {
  const operation = r.label;
  const pointers = { base: b.pointer, revision: r.pointer };
  const named = (v: unknown): v is string => typeof v === 'string' && v !== '';
  const bId = b.op.operationId;
  const rId = r.op.operationId;
  if (named(bId) && named(rId) && bId !== rId) {
    ctx.add('operation-id-changed', operation, `${b.pointer}/operationId`, `${r.pointer}/operationId`, `operationId ${bId} → ${rId}`);
  } else if (!named(bId) && named(rId)) {
    ctx.add('operation-id-added', operation, b.pointer, `${r.pointer}/operationId`, `operationId ${rId} added`);
  }
  compareDeprecation(ctx, operation, pointers, b.op, r.op);
  compareParameters(ctx, operation, pointers, parametersOf(ctx.docs.base, b.path, b.item, b.itemPointer, b.op, b.pointer), parametersOf(ctx.docs.revision, r.path, r.item, r.itemPointer, r.op, r.pointer));
  compareRequestBody(ctx, operation, pointers, b.op, r.op);
  compareResponses(ctx, operation, pointers, b.op, r.op);
  compareSecurity(ctx, operation, securityOf(ctx.docs.base as Json, b.op, b.pointer), securityOf(ctx.docs.revision as Json, r.op, r.pointer));
}

function compareWebhooks(ctx: DiffContext): void {
  const bw = isJson(ctx.docs.base) && isJson(ctx.docs.base.webhooks) ? ctx.docs.base.webhooks : {};
  const rw = isJson(ctx.docs.revision) && isJson(ctx.docs.revision.webhooks) ? ctx.docs.revision.webhooks : {};
  for (const name of Object.keys(bw)) {
    if (!Object.hasOwn(rw, name)) ctx.add('webhook-removed', null, encodePointer(['webhooks', name]), '/webhooks', `webhook '${name}' removed`);
  }
}
