// The contract as one document with only internal `$ref`s, for everything after loading (the
// model, the types, /openapi.json, the validator). A reusable object (schema, parameter,
// response…) from another file goes to its components section and every `$ref` to it points
// there; anything else (a path item, an operation given as `$ref`) is copied where it is used.
// Component names are decided before copying, from every `$ref` at once, so they do not depend on
// which reference comes first: a file's name (`Pet.yaml` → `Pet`), qualified by its folders only
// when two files would share one (`orders/Item.yaml` → `orders-Item`). One pass, linear in the
// contract's size; the files' parsed values are never changed.
import { dirname, relative } from 'node:path';
import type { OpenAPIDocument } from './document.js';
import { COMPONENT_SECTION, memberShape, type Kind, type Shape } from './kinds.js';
import { decodePointer, encodePointer, refToPointer } from '../../server/runtime/contract/pointer.js';
import type { FilePointer } from './positions.js';
import { looksLikeRef, refOf, resolveRef, type ReadResult, type SourceFile, type Target } from './sources.js';
import { NON_NORMATIVE, type ContractWalk } from './walk.js';

export interface Bundle {
  document: OpenAPIDocument;
  /** Where each component moved from another place is written: `/components/schemas/Pet` → file and pointer. */
  origins: Map<string, FilePointer>;
}

type Json = Record<string, unknown>;

/** What `copy` gives for a value to leave out: its key is not written. */
const DROP = Symbol('drop');

export function bundleContract(read: ReadResult, root: SourceFile, walk: ContractWalk): Bundle {
  const { names, taken } = componentNames(root, walk);
  const origins = new Map<string, FilePointer>();
  const hoisted = new Map<string, { section: string; name: string; kind: Kind; target: Target }>();
  /** Components to copy, in the order they were first referred to. */
  const queue: { section: string; name: string; kind: Kind; target: Target }[] = [];
  const inlining = new Set<string>();

  const componentRef = (kind: Kind, section: string, target: Target): string => {
    // A pointer that passed through a `$ref` (`…/Field/allOf/0/properties/size`) is copied into a
    // component of its own: openapi-typescript cannot type a path into a composition.
    if (target.file === root && target.pointer.startsWith('/components/') && !target.through) return refToPointer(target.pointer);
    const id = `${section} ${target.file.path}#${target.pointer}`;
    let entry = hoisted.get(id);
    if (!entry) {
      // Every `$ref` was seen by the walk, so this fallback is only a guard.
      const name = names.get(id) ?? unused(sanitize(decodePointer(target.pointer).at(-1) ?? section), taken, section);
      hoisted.set(id, (entry = { section, name, kind, target }));
      queue.push(entry);
      origins.set(encodePointer(['components', section, name]), { file: target.file.path, pointer: target.pointer });
    }
    return refToPointer(encodePointer(['components', section, entry.name]));
  };

  const copyShape = (value: unknown, shape: Shape, file: SourceFile): unknown => {
    if (typeof shape === 'string') return copy(value, shape, file);
    if (typeof value !== 'object' || value === null) return value;
    // A map given as a `$ref` (`properties: {$ref: attributes.yml}`): what it names, read relative to its own file.
    const ref = 'map' in shape ? refOf(value) : null;
    if (ref !== null) {
      const target = resolveRef(read.sources, read.unreadable, file, ref);
      const id = typeof target === 'string' ? '' : `${target.file.path}#${target.pointer}`;
      if (typeof target === 'string' || inlining.has(id)) return { ...(value as Json) };
      inlining.add(id);
      const copied = copyShape(target.value, shape, target.file);
      inlining.delete(id);
      return copied;
    }
    const kind = 'map' in shape ? shape.map : shape.list;
    if (Array.isArray(value)) return 'list' in shape ? value.map((item) => copy(item, kind, file)).filter((item) => item !== DROP) : value;
    if ('list' in shape) return value;
    return Object.fromEntries(Object.entries(value).map(([k, item]) => [k, copy(item, kind, file)]).filter(([, item]) => item !== DROP));
  };

  const copyMembers = (value: Json, kind: Kind, file: SourceFile, skip?: string): Json => {
    const out: Json = {};
    for (const [key, member] of Object.entries(value)) {
      if (key === skip) continue;
      const copied = kind === 'Discriminator' && key === 'mapping' ? copyMapping(member, file) : copyShape(member, memberShape(kind, key, member), file);
      if (copied !== DROP) out[key] = copied;
    }
    return out;
  };

  const copyMapping = (mapping: unknown, file: SourceFile): unknown => {
    if (typeof mapping !== 'object' || mapping === null) return mapping;
    return Object.fromEntries(
      Object.entries(mapping).map(([value, ref]) => {
        if (typeof ref !== 'string' || !looksLikeRef(ref)) return [value, ref];
        const target = resolveRef(read.sources, read.unreadable, file, ref);
        return [value, typeof target === 'string' ? ref : componentRef('Schema', 'schemas', target)];
      }),
    );
  };

  function copy(value: unknown, kind: Kind, file: SourceFile): unknown {
    if (typeof value !== 'object' || value === null) return value;
    if (kind === 'Value') return structuredClone(value);
    if (Array.isArray(value)) {
      if (kind === 'Any') return value.map((item) => copy(item, kind, file)).filter((item) => item !== DROP);
      if (kind !== 'Data') return value;
      const items = value.map((item) => copy(item, kind, file));
      return items.includes(DROP) ? DROP : items;
    }
    const ref = refOf(value);
    if (ref === null) return kind === 'Data' ? copyData(value as Json, file) : copyMembers(value as Json, kind, file);
    const target = resolveRef(read.sources, read.unreadable, file, ref);
    // Reported by the walk: an example, description or link is left out (`ref-dropped`); anything
    // else is kept as written (`ref`), and the validator isolates the operations that reach it.
    if (typeof target === 'string') return NON_NORMATIVE.has(kind) ? DROP : { ...(value as Json) };
    const section = COMPONENT_SECTION[kind];
    if (section) {
      const siblings = copyMembers(value as Json, kind === 'Schema' ? 'Schema' : 'Any', file);
      siblings.$ref = componentRef(kind, section, target);
      return siblings;
    }
    // No components section for this kind: the object is copied here, the `$ref`'s neighbours winning.
    const id = `${target.file.path}#${target.pointer}`;
    if (inlining.has(id)) return { ...(value as Json) };
    inlining.add(id);
    const copied = copy(target.value, kind, target.file);
    inlining.delete(id);
    const siblings = copyMembers(value as Json, kind, file, '$ref');
    return typeof copied === 'object' && copied !== null && !Array.isArray(copied) ? { ...(copied as Json), ...siblings } : copied;
  }

  /** Data (an example's value) as swagger-parser reads it: a `$ref` in it is replaced by what it names. */
  const copyData = (value: Json, file: SourceFile): Json => {
    const out: Json = {};
    for (const [key, member] of Object.entries(value)) {
      const copied = copy(member, 'Data', file);
      if (copied === DROP) return DROP as unknown as Json;
      out[key] = copied;
    }
    return out;
  };

  const document = copy(root.value, 'Document', root) as Json;
  document.components ??= {};
  // Copying a component may queue more: the loop runs until the queue stops growing.
  const components = document.components as Record<string, Json>;
  for (let i = 0; i < queue.length; i++) {
    const h = queue[i]!;
    (components[h.section] ??= {})[h.name] = copy(h.target.value, h.kind, h.target.file);
  }
  return { document: document as unknown as OpenAPIDocument, origins };
}

/** Valid in every OpenAPI version: component names must match ^[a-zA-Z0-9.\-_]+$. */
const sanitize = (part: string): string => part.replace(/[^A-Za-z0-9._-]+/g, '_');

/**
 * A name for every object that moves into components, from all the `$ref`s at once: the name of
 * the root component that is a `$ref` to it, else its own name (the file's, or the last pointer
 * segment) qualified by the folders and pointer segments before it only as far as needed to
 * tell apart the objects that share it.
 */
function componentNames(root: SourceFile, walk: ContractWalk): { names: Map<string, string>; taken: Map<string, Set<string>> } {
  const rootDir = dirname(root.path);
  const targets = new Map<string, { section: string; parts: string[] }>();
  const names = new Map<string, string>();
  const taken = new Map<string, Set<string>>();
  const components = (root.value as { components?: Record<string, unknown> }).components ?? {};
  for (const [section, entries] of Object.entries(components)) {
    if (typeof entries === 'object' && entries !== null) taken.set(section, new Set(Object.keys(entries)));
  }
  const add = (kind: Kind, target: Target | null): void => {
    const section = COMPONENT_SECTION[kind];
    if (!section || !target || (target.file === root && target.pointer.startsWith('/components/'))) return;
    const id = `${section} ${target.file.path}#${target.pointer}`;
    if (targets.has(id) || names.has(id)) return;
    const filePart = relative(rootDir, target.file.path).replace(/\.(ya?ml|json)$/i, '');
    const parts = [...filePart.split(/[\\/]/).filter((p) => p !== '..' && p !== '.'), ...decodePointer(target.pointer)].map(sanitize).filter(Boolean);
    targets.set(id, { section, parts: parts.length > 0 ? parts : [section] });
  };
  // `components: schemas: Pet: $ref: ./pet.yaml` names the file's schema: it moves in under that name.
  for (const use of walk.refs) {
    const [components, section, name, ...rest] = decodePointer(use.pointer);
    if (use.file !== root.path || components !== 'components' || rest.length > 0 || section !== COMPONENT_SECTION[use.kind] || !use.target) continue;
    if (use.target.file === root) continue;
    const id = `${section} ${use.target.file.path}#${use.target.pointer}`;
    if (!names.has(id)) names.set(id, name!);
  }
  for (const use of walk.refs) add(use.kind, use.target);

  const groups = new Map<string, string[]>();
  for (const [id, { section, parts }] of targets) {
    const key = `${section} ${parts.at(-1)}`;
    const group = groups.get(key);
    if (group) group.push(id);
    else groups.set(key, [id]);
  }
  for (const ids of groups.values()) {
    const section = targets.get(ids[0]!)!.section;
    const used = taken.get(section) ?? new Set<string>();
    taken.set(section, used);
    const longest = Math.max(...ids.map((id) => targets.get(id)!.parts.length));
    for (let k = 1; k <= longest + 1; k++) {
      const candidates = ids.map((id) => {
        const parts = targets.get(id)!.parts;
        return k > parts.length ? `${parts.join('-')}-${k - parts.length + 1}` : parts.slice(-k).join('-');
      });
      if (new Set(candidates).size === ids.length && candidates.every((c) => !used.has(c))) {
        ids.forEach((id, i) => names.set(id, candidates[i]!));
        for (const c of candidates) used.add(c);
        break;
      }
    }
    for (const id of ids.filter((i) => !names.has(i))) names.set(id, unused(targets.get(id)!.parts.join('-'), taken, section));
  }
  return { names, taken };
}

/** `base`, or `base-2`, `base-3`… whichever is free in the section; taken from then on. */
function unused(base: string, taken: Map<string, Set<string>>, section: string): string {
  const used = taken.get(section) ?? new Set<string>();
  taken.set(section, used);
  let name = base;
  for (let n = 2; used.has(name); n++) name = `${base}-${n}`;
  used.add(name);
  return name;
}
