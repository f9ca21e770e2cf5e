// The error formatter of an API whose contract declares its own body for errors the server produces
// itself (400, 401, 403, 404, 405, 406, 413, 415, 500): generated/errors.ts types it — the Problem
// in, which operation, status and media type it is for, the declared body out — and errors.ts, the
// formatter itself, is written once with a default that maps what it can, then belongs to the
// person. Emitted only for such contracts: one that declares problem+json or nothing needs neither.
// Pure: document and model in, TypeScript out.
import type { Document } from '../../server/runtime/contract/document.js';
import { decodePointer } from '../../server/runtime/contract/pointer.js';
import type { ApiErrors, ErrorMedia } from '../../server/runtime/error-format/declarations.js';
import { commentLine } from './doc-comment.js';
import { defaultJsonBody, defaultTextBody, type Helper } from './error-body-default.js';
import { generatedHeader } from './header.js';
import { isFixedStatus } from '../model/model.js';
import { operationTypeRef } from './operation-types.js';

interface Target {
  operation: string | null;
  statuses: number[];
  media: ErrorMedia;
  /** Where the body's type is: `paths[...]` of the first operation that declares it. */
  path: string;
  method: string;
  key: string;
}

/** Every (operation, response entry, media type) the formatter can be called for, in contract order. */
function targetsOf(errors: ApiErrors): Target[] {
  const targets: Target[] = [];
  const add = (operation: string | null, path: string, method: string, status: number, key: string, media: ErrorMedia): void => {
    const same = targets.find((t) => t.operation === operation && t.key === key && t.media.mediaType === media.mediaType);
    if (same) same.statuses.push(status);
    else targets.push({ operation, statuses: [status], media, path, method, key });
  };
  for (const op of errors.operations) {
    for (const [status, d] of op.byStatus) for (const m of d.media) if (m.kind === 'format') add(op.operation, op.path, op.method, status, d.key, m);
  }
  for (const [status, d] of errors.unserved) for (const m of d.media) if (m.kind === 'format') add(null, d.from.path, d.from.method, status, d.key, m);
  return targets;
}

/** The TypeScript type of a declared JSON body. */
function bodyType(t: Target): string {
  const ref = (t.media.schema as { $ref?: unknown } | null)?.$ref;
  if (typeof ref === 'string' && /^#\/components\/schemas\/[^/]+$/.test(ref) && t.media.label === decodePointer(ref)[2]) {
    return `components["schemas"][${JSON.stringify(t.media.label)}]`;
  }
  const key = isFixedStatus(t.key) ? t.key : JSON.stringify(t.key);
  return `${operationTypeRef(t.path, t.method)}["responses"][${key}]["content"][${JSON.stringify(t.media.mediaType)}]`;
}

/** The media types the formatter must handle, each with the schema labels it may be asked for. */
function byMediaType(targets: Target[]): Map<string, { json: boolean; labels: Map<string, Target> }> {
  const out = new Map<string, { json: boolean; labels: Map<string, Target> }>();
  for (const t of targets) {
    const entry = out.get(t.media.mediaType) ?? { json: t.media.json, labels: new Map<string, Target>() };
    if (!entry.labels.has(t.media.label)) entry.labels.set(t.media.label, t);
    out.set(t.media.mediaType, entry);
  }
  return out;
}

export function emitErrorTypes(errors: ApiErrors, source: string): string {
  const targets = targetsOf(errors);
  const media = byMediaType(targets);
  const bodies = new Map<string, string>();
  for (const t of targets) if (t.media.json && !bodies.has(t.media.label)) bodies.set(t.media.label, bodyType(t));
  const types = [...bodies.values()].join('\n');
  const imports = ['components', 'paths', 'webhooks'].filter((name) => types.includes(`${name}[`));
  const member = (t: Target): string =>
    `  | { operation: ${t.operation === null ? 'null' : JSON.stringify(t.operation)}; status: ${t.statuses.join(' | ')}; mediaType: ${JSON.stringify(t.media.mediaType)}; schema: ${JSON.stringify(t.media.label)} }`;
  const formatters = [...media].map(([mediaType, { json, labels }]) => {
    const out = json ? [...labels.keys()].map((l) => `ErrorBodies[${JSON.stringify(l)}]`).join(' | ') : 'string';
    return `  ${JSON.stringify(mediaType)}: (problem: Problem, target: Extract<ErrorTarget, { mediaType: ${JSON.stringify(mediaType)} }>) => ${out};`;
  });
  return [
    generatedHeader(source),
    '',
    ...(imports.length > 0 ? [`import type { ${imports.join(', ')} } from "./schema.js";`, ''] : []),
    PROBLEM_TYPES,
    ...(bodies.size === 0
      ? []
      : [
          '/** The error bodies the contract declares as JSON, by the schema they follow. */',
          `export interface ErrorBodies {\n${[...bodies].map(([label, type]) => `  ${JSON.stringify(label)}: ${type};`).join('\n')}\n}`,
          '',
        ]),
    '/**',
    ' * What an error body is for: the operation (null: a path or method no operation serves), the',
    ' * statuses, the media type the contract declares for them, and the schema the body must follow.',
    ' */',
    `export type ErrorTarget =\n${targets.map(member).join('\n')};`,
    '',
    '/** The union of the error bodies the contract declares (a non-JSON one is the text to send). */',
    `export type ErrorBody = ${[...(bodies.size > 0 ? ['ErrorBodies[keyof ErrorBodies]'] : []), ...([...media.values()].some((m) => !m.json) ? ['string'] : [])].join(' | ')};`,
    '',
    '/**',
    ' * The error formatter (../errors.ts): one function per media type the contract declares for',
    ' * errors the server produces itself, the problem in, that body out. What it returns is checked',
    ' * against the contract; if it throws or breaks it, the server sends the problem instead.',
    ' */',
    `export interface ErrorFormatter {\n${formatters.join('\n')}\n}`,
    '',
    HELPERS,
  ].join('\n');
}

const PROBLEM_TYPES = `/** One field of the request that breaks the contract. */
export interface ProblemField {
  in: "path" | "query" | "header" | "cookie" | "body" | "response";
  /** The parameter's name, or the body property's dotted path (\`owner.name\`), or \`body\`. */
  name: string;
  /** JSON Pointer into the body (body errors only). */
  pointer?: string;
  message: string;
  /** What failed, e.g. \`type\`, \`required\`, \`additionalProperties\`, \`format\`. */
  code?: string;
}

/** RFC 9457 problem details: the error as the server describes it, before ../errors.ts shapes it. */
export interface Problem {
  /** \`urn:specfirst:problem:<code>\`, e.g. \`urn:specfirst:problem:validation\`. */
  type: string;
  title: string;
  status: number;
  detail?: string;
  /** The request path. */
  instance?: string;
  requestId?: string;
  /** Every field of the request that breaks the contract (400). */
  errors?: ProblemField[];
}
`;

const HELPERS = `/** One failing field as text: \`query limit: must be integer\`. */
export function describeField(field: ProblemField): string {
  return \`\${field.in} \${field.name}: \${field.message}\`;
}

/** The detail (else the title), then every failing field: \`One field does not match the contract. query limit: must be integer\`. */
export function messageOf(problem: Problem): string {
  const text = problem.detail ?? problem.title;
  const fields = (problem.errors ?? []).map(describeField);
  return fields.length > 0 ? \`\${text} \${fields.join("; ")}\` : text;
}

/** At most \`max\` characters, ending with "…" when cut (never inside an HTML entity). */
export function truncate(text: string, max: number): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  return chars.slice(0, Math.max(0, max - 1)).join("").replace(/&[#a-zA-Z0-9]*$/, "") + "…";
}

/** Text made safe inside HTML or XML: the problem may echo what the client sent. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => \`&#\${c.charCodeAt(0)};\`);
}
`;

/** The write-once formatter: one function per declared media type, mapping what it can. */
export function emitErrorFormatterStub(doc: Document, errors: ApiErrors, source: string): string {
  const targets = targetsOf(errors);
  const helpers = new Set<Helper>();
  const entries = [...byMediaType(targets)].map(([mediaType, { json, labels }]) => {
    const bodies = [...labels].map(([label, t]) => {
      const made = json ? defaultJsonBody(doc, t.media.schema) : defaultTextBody(doc, t.media.schema, mediaType);
      for (const h of made.helpers) helpers.add(h);
      return { label, expression: made.expression };
    });
    const forWhat = [...labels.keys()].map((label) => `\`${commentLine(label)}\` (${describeTargets(targets.filter((t) => t.media.mediaType === mediaType && t.media.label === label))})`);
    const comment = `  /** ${forWhat.join('; ')}. */`;
    if (bodies.length === 1) return `${comment}\n  ${JSON.stringify(mediaType)}: (problem) => (${bodies[0]!.expression}),`;
    const branches = bodies.slice(0, -1).map((b) => `    if (target.schema === ${JSON.stringify(b.label)}) return ${b.expression};`);
    return `${comment}\n  ${JSON.stringify(mediaType)}: (problem, target) => {\n${branches.join('\n')}\n    return ${bodies.at(-1)!.expression};\n  },`;
  });
  const names = [...helpers].sort();
  return [
    `// Error bodies for ${commentLine(source)}.`,
    '// The contract declares its own body for errors the server produces itself (a request that breaks',
    '// the contract, an unknown path, a handler that threw…): each problem is turned into it here.',
    '// This file is yours: specfirst wrote it once and will never overwrite it. What it returns is',
    '// checked against the contract; if it throws or breaks it, the client gets',
    '// application/problem+json instead and the log says why.',
    'import type { ErrorFormatter } from "./generated/errors.js";',
    ...(names.length > 0 ? [`import { ${names.join(', ')} } from "./generated/errors.js";`] : []),
    '',
    'export const errorFormatter = {',
    ...entries,
    '} satisfies ErrorFormatter;',
    '',
  ].join('\n');
}

/** `400, 415 and 500 of addPet, findPets; 404, 405 of requests no operation serves`. */
function describeTargets(targets: Target[]): string {
  const served = targets.filter((t) => t.operation !== null);
  const unserved = targets.filter((t) => t.operation === null);
  const statuses = (list: Target[]): string => [...new Set(list.flatMap((t) => t.statuses))].sort().join(', ');
  const ops = [...new Set(served.map((t) => t.operation!))];
  const parts: string[] = [];
  if (served.length > 0) parts.push(`${statuses(served)} of ${ops.length > 4 ? `${ops.length} operations` : ops.join(', ')}`);
  if (unserved.length > 0) parts.push(`${statuses(unserved)} of requests no operation serves`);
  return parts.join('; ');
}
