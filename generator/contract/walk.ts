// Walks a contract over all its files knowing what each object is (oas-kinds.ts): from the root
// document down, following every `$ref` to the file and place it names and carrying on there
// with the kind the referrer expects. Each place is walked once per kind, so recursive schemas
// and thousands of files cost one visit each. Reports `$ref`s that lead nowhere (rule `ref`) and
// `$ref`s where OpenAPI allows none (rule `ref-not-allowed`, followed anyway).
import type { Finding } from './diagnostics.js';
import { kindName, memberShape, REFERABLE, type Kind } from './kinds.js';
import { encodePointer } from '../../server/runtime/contract/pointer.js';
import { looksLikeRef, refFile, refOf, resolveRef, type ReadResult, type SourceFile, type Target } from './sources.js';

/** One object of the contract, where it is written, and what it is. */
export interface Visit {
  kind: Kind;
  file: SourceFile;
  /** Pointer in `file`. */
  pointer: string;
  value: unknown;
  /** The object holding this one; across a `$ref`, the object holding the `$ref`. */
  parent: Visit | null;
  /** The member of `parent` that holds it: `schema`, `allOf`, `properties`… */
  field: string;
  /** Its name in that member when it is a map or a list (a property name, an index), else ''. */
  name: string;
  /** Reached through a `$ref`, or the root document. */
  viaRef: boolean;
}

/** A `$ref` (or a discriminator mapping value) and where it leads. */
export interface RefUse {
  /** File and pointer of the object holding the `$ref` (of the mapping entry). */
  file: string;
  pointer: string;
  ref: string;
  kind: Kind;
  target: Target | null;
}

export interface ContractWalk {
  refs: RefUse[];
  /** Objects to validate on their own against their kind's meta-schema: no other one holds them. */
  units: Visit[];
  /** Every schema object, once each. */
  schemas: Visit[];
  /** Schemas that no other schema holds: each is validated whole against the JSON Schema dialect. */
  schemaRoots: Visit[];
  /** The kind of every object reached without a `$ref`, by `file#pointer`. */
  kindAt: Map<string, Kind>;
  problems: Finding[];
}

const placeKey = (file: SourceFile, pointer: string): string => `${file.path}#${pointer}`;

/** Walks from the root, every object once per kind (a Reference Object is not one). */
export function walkContract(read: ReadResult, root: SourceFile): ContractWalk {
  const result: ContractWalk = { refs: [], units: [], schemas: [], schemaRoots: [], kindAt: new Map(), problems: [] };
  const done = new Set<string>();
  const candidates: Visit[] = [];
  const nestedSchemas = new Set<string>();
  const stack: Visit[] = [{ kind: 'Document', file: root, pointer: '', value: root.value, parent: null, field: '', name: '', viaRef: true }];

  const follow = (v: Visit, ref: string, kind: Kind, at: string): void => {
    const target = resolveRef(read.sources, read.unreadable, v.file, ref);
    result.refs.push({ file: v.file.path, pointer: at, ref, kind, target: typeof target === 'string' ? null : target });
    if (typeof target === 'string') {
      // A file with a syntax error is reported once, by rule `yaml`, not at every $ref to it.
      const path = refFile(v.file.path, ref);
      if (path !== null && read.sources.has(path) && read.sources.get(path)!.value === undefined) return;
      result.problems.push({
        file: v.file.path,
        pointer: `${at}/$ref`,
        severity: 'error',
        rule: 'ref',
        message: `$ref does not resolve: "${ref}": ${target}`,
        hint: 'point the $ref at something that exists (check the file name and the #/path after it)',
      });
      return;
    }
    stack.push({ ...v, kind, file: target.file, pointer: target.pointer, value: target.value, viaRef: true });
  };

  while (stack.length > 0) {
    const v = stack.pop()!;
    const where = placeKey(v.file, v.pointer);
    if (!v.viaRef) result.kindAt.set(where, v.kind);
    if (v.kind === 'Schema' && !v.viaRef && v.parent?.kind === 'Schema') nestedSchemas.add(where);
    const id = `${v.kind} ${where}`;
    if (done.has(id)) continue;
    done.add(id);
    const ref = refOf(v.value);
    if (ref !== null) {
      if (!REFERABLE.has(v.kind)) {
        result.problems.push({
          file: v.file.path,
          pointer: `${v.pointer}/$ref`,
          severity: 'warning',
          rule: 'ref-not-allowed',
          message: `${/^[aeiou]/.test(kindName(v.kind)) ? 'an' : 'a'} ${kindName(v.kind)} given as $ref is not OpenAPI (only path items, schemas and reusable components can be); specfirst follows it, other tools may not`,
          hint: `move the ${kindName(v.kind)} into the file that refers to it, or $ref the whole path item instead`,
        });
      }
      follow(v, ref, v.kind, v.pointer);
      // A Reference Object is only a pointer; a schema's other keywords still apply beside it.
      if (v.kind !== 'Schema') continue;
    }
    if (v.viaRef || v.kind === 'Schema') candidates.push(v);
    if (v.kind === 'Schema') result.schemas.push(v);
    if (typeof v.value !== 'object' || v.value === null) continue;
    if (v.kind === 'Discriminator') followMapping(v, follow);
    pushMembers(v, stack);
  }

  for (const v of candidates) {
    const where = placeKey(v.file, v.pointer);
    if (v.kind === 'Schema') {
      if (!nestedSchemas.has(where)) result.schemaRoots.push(v);
    } else if (result.kindAt.get(where) !== v.kind) {
      // Reached only through `$ref`s: nothing validated around it covers it.
      result.units.push(v);
    }
  }
  return result;
}

/** Discriminator mapping values that are `$ref`s (not bare schema names) lead to schemas. */
function followMapping(v: Visit, follow: (v: Visit, ref: string, kind: Kind, at: string) => void): void {
  const mapping = (v.value as { mapping?: unknown }).mapping;
  if (typeof mapping !== 'object' || mapping === null) return;
  for (const [name, target] of Object.entries(mapping)) {
    if (typeof target !== 'string' || !looksLikeRef(target)) continue;
    const at = `${v.pointer}/mapping${encodePointer([name])}`;
    follow({ ...v, pointer: at }, target, 'Schema', at);
  }
}

/** Pushes the members of an object with their kinds, last first so that the walk keeps contract order. */
function pushMembers(v: Visit, stack: Visit[]): void {
  if (Array.isArray(v.value)) {
    // A list where the kind expects an object: only `Any` lists are walked (for their `$ref`s).
    if (v.kind !== 'Any') return;
    for (let i = v.value.length - 1; i >= 0; i--) stack.push({ kind: 'Any', file: v.file, pointer: `${v.pointer}/${i}`, value: v.value[i], parent: v, field: String(i), name: '', viaRef: false });
    return;
  }
  const entries = Object.entries(v.value as Record<string, unknown>);
  for (let i = entries.length - 1; i >= 0; i--) {
    const [field, member] = entries[i]!;
    if (field === '$ref' || typeof member !== 'object' || member === null) continue;
    const shape = memberShape(v.kind, field, member);
    const pointer = v.pointer + encodePointer([field]);
    if (typeof shape === 'string') {
      if (shape !== 'Data') stack.push({ kind: shape, file: v.file, pointer, value: member, parent: v, field, name: '', viaRef: false });
      continue;
    }
    const kind = 'map' in shape ? shape.map : shape.list;
    const items: [string, unknown][] =
      'list' in shape ? (Array.isArray(member) ? member.map((m, k) => [String(k), m]) : []) : Array.isArray(member) ? [] : Object.entries(member);
    for (let k = items.length - 1; k >= 0; k--) {
      const [name, item] = items[k]!;
      if (typeof item !== 'object' || item === null) continue;
      stack.push({ kind, file: v.file, pointer: pointer + encodePointer([name]), value: item, parent: v, field, name, viaRef: false });
    }
  }
}
