// Walks a contract over all its files knowing what each object is (oas-kinds.ts): from the root
// document down, following every `$ref` to the file and place it names and carrying on there
// with the kind the referrer expects. Each place is walked once per kind, so recursive schemas
// and thousands of files cost one visit each. Reports `$ref`s that lead nowhere (rule `ref`) and
// `$ref`s where OpenAPI allows none (rule `ref-not-allowed`, followed anyway).
import { dirname, relative } from 'node:path';
import { displayPath, type Finding } from './diagnostics.js';
import { placeOffset } from './positions.js';
import { kindName, memberShape, REFERABLE, REFERABLE_FROM_32, type Kind } from './kinds.js';
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
  /** Files that something requests or responses are checked against comes from (a syntax error there is an error). */
  normativeFiles: Set<string>;
  problems: Finding[];
}

/** Kinds that only document (examples, descriptions, links): a `$ref` there that leads nowhere drops the value. */
export const NON_NORMATIVE = new Set<Kind>(['Example', 'Data', 'Any', 'Link']);

/** A file's first syntax error as `file:line:col message`. */
function syntaxOf(read: ReadResult, path: string): string {
  const problem = read.syntax.find((p) => p.file === path);
  if (!problem) return 'a syntax error';
  const place = placeOffset(read.sources.get(path)!, problem.offset);
  return `${displayPath(path)}:${place.line}:${place.column} ${problem.message}`;
}

const placeKey = (file: SourceFile, pointer: string): string => `${file.path}#${pointer}`;

/** Walks from the root, every object once per kind (a Reference Object is not one). */
export function walkContract(read: ReadResult, root: SourceFile): ContractWalk {
  const result: ContractWalk = { refs: [], units: [], schemas: [], schemaRoots: [], kindAt: new Map(), normativeFiles: new Set([root.path]), problems: [] };
  const done = new Set<string>();
  const candidates: Visit[] = [];
  const nestedSchemas = new Set<string>();
  const referable = /^3\.2\./.test(String((root.value as { openapi?: unknown } | null)?.openapi)) ? new Set([...REFERABLE, ...REFERABLE_FROM_32]) : REFERABLE;
  const stack: Visit[] = [{ kind: 'Document', file: root, pointer: '', value: root.value, parent: null, field: '', name: '', viaRef: true }];

  const follow = (v: Visit, ref: string, kind: Kind, at: string, judgedAs: Kind = kind): void => {
    const target = resolveRef(read.sources, read.unreadable, v.file, ref);
    result.refs.push({ file: v.file.path, pointer: at, ref, kind, target: typeof target === 'string' ? null : target });
    if (typeof target === 'string') {
      const path = refFile(v.file, ref);
      const broken = path !== null && read.sources.has(path) && read.sources.get(path)!.value === undefined ? path : null;
      if (NON_NORMATIVE.has(judgedAs)) {
        // An example, a description, a link: not what requests and responses are checked against.
        const why = broken ? `${ref.split('#')[0]} is not valid JSON or YAML (${syntaxOf(read, broken)})` : target;
        result.problems.push({
          file: v.file.path,
          pointer: `${at}/$ref`,
          severity: 'warning',
          rule: 'ref-dropped',
          message: `$ref "${ref}" cannot be followed: ${why}; this ${kind === 'Any' || kind === 'Data' ? 'value' : kindName(kind)} is left out, everything else is served`,
          hint: broken ? 'fix the syntax of that file' : 'point the $ref at something that exists (check the file name and the #/path after it)',
        });
        return;
      }
      // A file with a syntax error is reported once, by rule `yaml`, not at every $ref to it.
      if (broken) {
        result.normativeFiles.add(broken);
        return;
      }
      const isSchema = judgedAs === 'Schema';
      result.problems.push({
        file: v.file.path,
        pointer: `${at}/$ref`,
        severity: 'error',
        rule: isSchema ? 'ref' : 'ref-object',
        message: `$ref does not resolve: "${ref}": ${target}`,
        hint: `point the $ref at something that exists (check the file name and the #/path after it)${isSchema ? '; until then the operations that reach it answer 500 naming it' : ''}`,
      });
      return;
    }
    result.normativeFiles.add(target.file.path);
    if (target.through) {
      result.problems.push({
        file: v.file.path,
        pointer: `${at}/$ref`,
        severity: 'warning',
        rule: 'ref-through-ref',
        message: `$ref "${ref}" passes through another $ref (${target.through.join(', ')}); specfirst follows it as swagger-parser does, other tools may not`,
        hint: `point the $ref at where the value is written: ${target.file === v.file ? '' : relativeRef(v.file.path, target.file.path)}#${target.pointer}`,
      });
    }
    stack.push({ ...v, kind, file: target.file, pointer: target.pointer, value: target.value, viaRef: true });
  };

  /**
   * A map of schemas given as a `$ref` (`properties: {$ref: attributes.yml}`): not OpenAPI, but
   * swagger-parser follows it, relative to the file that holds it; so does this walk.
   */
  const followMap = (v: Visit, field: string, ref: string): { file: SourceFile; pointer: string; value: unknown } | null => {
    const at = v.pointer + encodePointer([field]);
    const before = result.refs.length;
    let found: Target | null = null;
    follow({ ...v, pointer: at }, ref, 'Any', at, 'Schema');
    // `follow` pushed the target as `Any`; its members are wanted as the map's kind instead.
    found = result.refs[before]?.target ?? null;
    if (found) stack.pop();
    return found;
  };

  while (stack.length > 0) {
    const v = stack.pop()!;
    const where = placeKey(v.file, v.pointer);
    if (!v.viaRef && v.kind !== 'Data') result.kindAt.set(where, v.kind);
    if (v.kind === 'Schema' && !v.viaRef && v.parent?.kind === 'Schema') nestedSchemas.add(where);
    const id = `${v.kind} ${where}`;
    if (done.has(id)) continue;
    done.add(id);
    const ref = refOf(v.value);
    if (ref !== null) {
      if (!referable.has(v.kind)) {
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
    if ((v.viaRef && v.kind !== 'Data') || v.kind === 'Schema') candidates.push(v);
    if (v.kind === 'Schema') result.schemas.push(v);
    if (typeof v.value !== 'object' || v.value === null) continue;
    if (v.kind === 'Discriminator') followMapping(v, follow);
    pushMembers(v, stack, followMap);
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

type FollowMap = (v: Visit, field: string, ref: string) => { file: SourceFile; pointer: string; value: unknown } | null;

/** Pushes the members of an object with their kinds, last first so that the walk keeps contract order. */
function pushMembers(v: Visit, stack: Visit[], followMap: FollowMap): void {
  if (Array.isArray(v.value)) {
    // A list where the kind expects an object: only `Any` lists and data are walked (for their `$ref`s).
    if (v.kind !== 'Any' && v.kind !== 'Data') return;
    for (let i = v.value.length - 1; i >= 0; i--) stack.push({ kind: v.kind, file: v.file, pointer: `${v.pointer}/${i}`, value: v.value[i], parent: v, field: String(i), name: '', viaRef: false });
    return;
  }
  const entries = Object.entries(v.value as Record<string, unknown>);
  for (let i = entries.length - 1; i >= 0; i--) {
    const [field, member] = entries[i]!;
    if (field === '$ref' || typeof member !== 'object' || member === null) continue;
    const shape = memberShape(v.kind, field, member);
    let file = v.file;
    let pointer = v.pointer + encodePointer([field]);
    let value: unknown = member;
    if (shape === 'Value') continue;
    if (typeof shape === 'string') {
      // Data is walked only for the `$ref`s swagger-parser would follow in it (an example from a file).
      stack.push({ kind: shape, file, pointer, value, parent: v, field, name: '', viaRef: false });
      continue;
    }
    const ref = 'map' in shape ? refOf(member) : null;
    if (ref !== null) {
      const target = followMap(v, field, ref);
      if (!target) continue;
      ({ file, pointer, value } = target);
    }
    const kind = 'map' in shape ? shape.map : shape.list;
    const items: [string, unknown][] =
      'list' in shape ? (Array.isArray(value) ? value.map((m, k) => [String(k), m]) : []) : Array.isArray(value) || typeof value !== 'object' || value === null ? [] : Object.entries(value);
    for (let k = items.length - 1; k >= 0; k--) {
      const [name, item] = items[k]!;
      if (typeof item !== 'object' || item === null) continue;
      stack.push({ kind, file, pointer: pointer + encodePointer([name]), value: item, parent: v, field, name, viaRef: ref !== null });
    }
  }
}

/** How a `$ref` written in `from` names the file `to`. */
function relativeRef(from: string, to: string): string {
  const path = relative(dirname(from), to).split('\\').join('/');
  return path.startsWith('.') ? path : `./${path}`;
}
