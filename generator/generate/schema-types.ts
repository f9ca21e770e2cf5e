// schema.ts for a contract that loads, always: a schema that openapi-typescript cannot convert
// (it throws: `allOf: [true, true]`, a `$ref` to nothing) or whose type does not compile is typed
// `unknown` instead, and only that schema. Each one is found by narrowing, as the runtime narrows
// schemas its validator cannot compile (plan/contract-problems.ts): widen a set of schemas, try
// again; the search is only ever run for a contract already known to fail.
import type { OpenAPIDocument } from '../contract/load.js';
import { emitSchema } from '../emit/types.js';
import { schemaTypeErrors } from '../typecheck/schema-errors.js';
import { escapeSegment } from '../../server/runtime/contract/pointer.js';
import { walkDocument, type Json } from '../../server/runtime/normalize/walk.js';

export interface WidenedSchema {
  /** Where the schema is in the bundled document. */
  pointer: string;
  /** Why it could not be typed exactly: openapi-typescript's error or TypeScript's. */
  reason: string;
}

export interface SchemaTypes {
  code: string;
  widened: WidenedSchema[];
}

/** Each round widens one schema; a contract with more broken schemas than this is not worth typing. */
const MOST_ROUNDS = 32;

/** `reasons`: the first type error's message under each place in `near`. */
type Attempt = { code: string; failure: null } | { code: string | null; failure: { reason: string; near: string[]; reasons?: Map<string, string> } };

export async function schemaTypes(document: OpenAPIDocument, source: string): Promise<SchemaTypes> {
  // A schema that is a `$ref` to a file (left unbundled) is one openapi-typescript would try to read.
  const widened: WidenedSchema[] = fileRefSchemas(document);
  const attempt = async (widen: readonly string[]): Promise<Attempt> => {
    let code: string;
    try {
      code = await emitSchema(document, source, widen);
    } catch (error) {
      return { code: null, failure: { reason: `openapi-typescript: ${String((error as Error).message ?? error).split('\n')[0]}`, near: [] } };
    }
    const errors = schemaTypeErrors(code);
    if (errors.length === 0) return { code, failure: null };
    const reasons = new Map<string, string>();
    for (const e of errors) {
      const near = pointerOf(e.members);
      if (near !== null && !reasons.has(near)) reasons.set(near, e.message);
    }
    return { code, failure: { reason: errors[0]!.message, near: errors.map((e) => pointerOf(e.members)).filter((p) => p !== null), reasons } };
  };
  let result = await attempt(widened.map((w) => w.pointer));
  for (let round = 0; result.failure && round < MOST_ROUNDS; round++) {
    const done = widened.map((w) => w.pointer);
    // While openapi-typescript throws, only the throw is narrowed: type errors are the next round's.
    const throws = result.code === null;
    const each = throws ? null : await narrowEach(document, done, result.failure, attempt);
    if (each) {
      widened.push(...each);
      result = await attempt(widened.map((w) => w.pointer));
      continue;
    }
    const works = async (widen: readonly string[]) => {
      const next = await attempt(widen);
      return throws ? next.code !== null : next.failure === null;
    };
    const culprit = await narrow(document, done, result.failure.near, works);
    if (culprit === null) break;
    widened.push({ pointer: culprit, reason: result.failure.reason });
    result = await attempt([...done, culprit]);
  }
  if (result.failure) throw new Error(result.failure.reason);
  return { code: result.code, widened };
}

/**
 * One schema whose widening (with every schema before it in the order tried) makes `works` true:
 * the shortest such prefix of the schemas, deepest first, so a property is widened rather than its
 * object. Schemas under `near` (where the type errors are) are tried first. Null when widening
 * every schema does not help: the problem is not in a schema.
 */
async function narrow(
  document: OpenAPIDocument,
  done: readonly string[],
  near: readonly string[],
  works: (widen: readonly string[]) => Promise<boolean>,
): Promise<string | null> {
  const all = schemaPointers(document).filter((p) => !done.some((d) => (p + '/').startsWith(d + '/')));
  const inside = (p: string) => near.some((n) => (p + '/').startsWith(n + '/'));
  for (const candidates of [all.filter(inside), all]) {
    if (candidates.length === 0 || !(await works([...done, ...candidates]))) continue;
    let fails = 0;
    let succeeds = candidates.length;
    while (succeeds - fails > 1) {
      const middle = (fails + succeeds) >> 1;
      if (await works([...done, ...candidates.slice(0, middle)])) succeeds = middle;
      else fails = middle;
    }
    return candidates[succeeds - 1]!;
  }
  return null;
}

/**
 * Type errors in several components at once (each recursive schema of a large contract is one):
 * one culprit per component, all found by one bisection run side by side, as `narrow` would find
 * each in turn, in as many attempts as the largest component needs rather than their sum. Errors
 * in one component are taken to depend on that component's schemas only; null when that is not
 * so (widening a component's schemas leaves its errors) or there is only one component, and the
 * caller narrows one schema at a time.
 */
async function narrowEach(
  document: OpenAPIDocument,
  done: readonly string[],
  failure: { near: string[]; reasons?: Map<string, string> },
  attempt: (widen: readonly string[]) => Promise<Attempt>,
): Promise<WidenedSchema[] | null> {
  const groups = [...new Set(failure.near)];
  if (groups.length < 2) return null;
  const all = schemaPointers(document).filter((p) => !done.some((d) => (p + '/').startsWith(d + '/')));
  const candidates = groups.map((n) => all.filter((p) => (p + '/').startsWith(n + '/')));
  if (candidates.some((c) => c.length === 0)) return null;
  const clean = (r: Attempt, n: string) => r.code !== null && !(r.failure?.near ?? []).includes(n);
  const whole = await attempt([...done, ...candidates.flat()]);
  if (groups.some((n) => !clean(whole, n))) return null;
  const fails = groups.map(() => 0);
  const succeeds = candidates.map((c) => c.length);
  const open = (i: number) => succeeds[i]! - fails[i]! > 1;
  while (groups.some((_, i) => open(i))) {
    const middles = groups.map((_, i) => (open(i) ? (fails[i]! + succeeds[i]!) >> 1 : succeeds[i]!));
    const r = await attempt([...done, ...candidates.flatMap((c, i) => c.slice(0, middles[i]))]);
    groups.forEach((n, i) => {
      if (!open(i)) return;
      if (clean(r, n)) succeeds[i] = middles[i]!;
      else fails[i] = middles[i]!;
    });
  }
  return groups.map((n, i) => ({ pointer: candidates[i]![succeeds[i]! - 1]!, reason: failure.reasons?.get(n) ?? 'its type does not compile' }));
}

/** Every schema of the document, each after the schemas it holds (reverse of the walker's order). */
function schemaPointers(document: OpenAPIDocument): string[] {
  const pointers: string[] = [];
  walkDocument(document as unknown as Json, { schema: (_schema, pointer) => void pointers.push(pointer) });
  return pointers.reverse();
}

function fileRefSchemas(document: OpenAPIDocument): WidenedSchema[] {
  const found: WidenedSchema[] = [];
  walkDocument(document as unknown as Json, {
    schema(schema, pointer) {
      if (typeof schema.$ref === 'string' && !schema.$ref.startsWith('#')) found.push({ pointer, reason: `a $ref that is not in the bundled contract: ${schema.$ref}` });
    },
  });
  return found;
}

/** `components › schemas › Window` → `/components/schemas/Window`; `paths › /a` → `/paths/~1a`. */
function pointerOf(members: readonly string[]): string | null {
  const [root, first, second] = members;
  if (root === 'components' && first !== undefined && second !== undefined) return `/components/${escapeSegment(first)}/${escapeSegment(second)}`;
  if ((root === 'paths' || root === 'webhooks') && first !== undefined) return `/${root}/${escapeSegment(first)}`;
  return null;
}
