// Per operation: one typed request (params, query, headers, cookies, body) and a closed union of
// typed responses keyed by status (and media type), plus the `Handlers` type that the handlers
// must satisfy. Pure: model in, TypeScript out. Types point into openapi-typescript's `paths`, so
// schema → TS stays in one place. Doc comments come from the contract so editor hovers explain.
import type { ApiModel, Operation, Parameter, ParameterLocation, Response } from '../model/model.js';
import { isFixedStatus } from '../model/model.js';
import { generatedHeader } from './header.js';
import { docComment } from './doc-comment.js';
import { operationTypeRef, querystringTypeRef, typeRoots } from './operation-types.js';
import { words } from '../model/names.js';

const PARAMETER_FIELDS: [ParameterLocation, string, string][] = [
  ['path', 'params', 'path'],
  ['query', 'query', 'query'],
  ['header', 'headers', 'header'],
  ['cookie', 'cookies', 'cookie'],
];

export function emitOperations(model: ApiModel, source: string): string {
  const parts = [
    generatedHeader(source),
    '',
    `import type { ${typeRoots(model).join(', ')} } from "./schema.js";`,
    'import type { Logger } from "./security.js";',
    ...(model.securitySchemes.length > 0 ? ['import type { Principals } from "./principals.js";'] : []),
    '',
    '/** The request logger, defined in the verifier kit (security.ts); handlers may import it from here. */',
    'export type { Logger };',
    '',
    PRELUDE,
    ...(model.operations.some((op) => op.responses.some((r) => r.streamed.length > 0)) ? [ITEMS] : []),
    ...model.operations.map(emitOperation),
    emitHandlers(model.operations),
  ];
  return parts.join('\n');
}

/** Shared types and the one runtime value (the not-implemented marker) every API needs. */
const PRELUDE = `/** Status codes registered with IANA: what a \`default\` or \`4XX\`-style response may answer with. */
export type HttpStatus = Status1XX | Status2XX | Status3XX | Status4XX | Status5XX;
export type Status1XX = 100 | 101 | 102 | 103;
export type Status2XX = 200 | 201 | 202 | 203 | 204 | 205 | 206 | 207 | 208 | 226;
export type Status3XX = 300 | 301 | 302 | 303 | 304 | 305 | 307 | 308;
export type Status4XX =
  | 400 | 401 | 402 | 403 | 404 | 405 | 406 | 407 | 408 | 409 | 410 | 411 | 412 | 413 | 414 | 415
  | 416 | 417 | 418 | 421 | 422 | 423 | 424 | 425 | 426 | 428 | 429 | 431 | 451;
export type Status5XX = 500 | 501 | 502 | 503 | 504 | 505 | 506 | 507 | 508 | 510 | 511;

/** Headers a response may carry beyond the ones the contract declares. */
export type ResponseHeaders = Record<string, string | number | boolean | readonly string[] | undefined>;

/** Parameters with a default are always present: the server fills the default in before the handler runs. */
export type WithDefaults<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: Exclude<T[P], undefined> };

/** What the server gives every handler besides the request. */
export interface HandlerContext<P = undefined> {
  /** From the X-Request-Id header, or generated: also in the logs and in problem bodies. */
  readonly requestId: string;
  /** A logger bound to this request. */
  readonly log: Logger;
  /** Aborted when the client goes away before the response is sent. */
  readonly signal: AbortSignal;
  /**
   * Who the caller is: what the verifier of the security requirement that let the request in
   * returned (its first scheme's, for a requirement of several). \`undefined\` when the
   * operation is public, or when a public alternative (\`{}\`) let it in.
   */
  readonly principal: P;
}

const NOT_IMPLEMENTED: unique symbol = Symbol.for("specfirst.notImplemented");

/** What a handler stub that has not been written yet returns: the server answers 501 problem+json. */
export interface NotImplemented {
  readonly [NOT_IMPLEMENTED]: true;
  readonly operation: string;
}

/**
 * \`return notImplemented("getPet")\` in a handler that is not written yet: the server answers 501.
 * Typed \`never\` so that it fits any handler's declared response type, which then stays exactly
 * what the contract allows (a mistake in the rest of the handler is reported where it is).
 */
export function notImplemented(operation: string): never {
  return { [NOT_IMPLEMENTED]: true, operation } satisfies NotImplemented as never;
}

export type HandlerResult<R> = R | NotImplemented | Promise<R | NotImplemented>;
`;

/** Only in APIs that stream. */
const ITEMS = `/**
 * A streamed body (\`itemSchema\`): the items one by one. A handler returns any async iterable (an
 * \`async function*\`) or iterable of them; each is checked before it is sent, and the iterator is
 * stopped (its \`finally\` runs) when the client goes away.
 */
export type Items<T> = AsyncIterable<T> | Iterable<T>;
`;

function emitOperation(op: Operation): string {
  const opType = `${op.typeStem}Operation`;
  return [
    `type ${opType} = ${operationTypeRef(op.path, op.method)};`,
    '',
    docComment([op.summary, op.description, `\`${op.method.toUpperCase()} ${op.path}\``], { deprecated: op.deprecated }),
    emitRequest(op, opType),
    '',
    emitResponse(op, opType),
    '',
    docComment([`What \`${op.name}\` receives besides the request.`]),
    `export type ${op.typeStem}Context = HandlerContext${principalType(op)};`,
    '',
  ].join('\n');
}

function emitRequest(op: Operation, opType: string): string {
  const fields = PARAMETER_FIELDS.map(([location, field, key]) => {
    const params = op.parameters.filter((p) => p.in === location);
    let base = `NonNullable<${opType}["parameters"][${JSON.stringify(key)}]>`;
    // openapi-typescript types every declared header; the ones OpenAPI ignores never reach a handler.
    if (location === 'header' && op.ignoredHeaders.length > 0) base = `Omit<${base}, ${op.ignoredHeaders.map((n) => JSON.stringify(n)).join(' | ')}>`;
    return `  ${field}: ${parameterType(params, base)};`;
  });
  const querystring = op.parameters.find((p) => p.in === 'querystring' && p.mediaType !== undefined);
  if (querystring) {
    // OpenAPI 3.2: the whole query string as one value, parsed by its media type.
    const optional = querystring.required || querystring.hasDefault ? '' : ' | undefined';
    fields.push(`  querystring: ${querystringTypeRef(op.path, op.method, querystring.mediaType!)}${optional};`);
  }
  const name = `${op.typeStem}Request`;
  const body = op.requestBody;
  if (!body || body.mediaTypes.length === 0) {
    return `export interface ${name} {\n${fields.join('\n')}\n  body: undefined;\n}`;
  }
  const content = `${body.required ? '' : 'NonNullable<'}${opType}["requestBody"]${body.required ? '' : '>'}["content"]`;
  const optional = body.required ? '' : ' | undefined';
  // A streamed body arrives as its items, each checked as it comes; a bad one throws in the loop.
  const bodyType = (m: string) => (body.streamed.includes(m) ? `AsyncIterable<${content}[${JSON.stringify(m)}]>` : `${content}[${JSON.stringify(m)}]`);
  if (body.mediaTypes.length === 1) {
    return `export interface ${name} {\n${fields.join('\n')}\n  body: ${bodyType(body.mediaTypes[0]!)}${optional};\n}`;
  }
  const variants = body.mediaTypes.map(
    (m) => `  | { contentType: ${mediaTypeLiteral(m)}; body: ${bodyType(m)} }`,
  );
  if (!body.required) variants.push('  | { contentType: undefined; body: undefined }');
  return `export type ${name} = {\n${fields.join('\n')}\n} & (\n${variants.join('\n')}\n);`;
}

function parameterType(params: Parameter[], base: string): string {
  if (params.length === 0) return 'Record<string, never>';
  const defaulted = params.filter((p) => p.hasDefault && !p.required).map((p) => JSON.stringify(p.name));
  return defaulted.length > 0 ? `WithDefaults<${base}, ${defaulted.join(' | ')}>` : base;
}

function emitResponse(op: Operation, opType: string): string {
  const name = `${op.typeStem}Response`;
  const declared = op.responses.map((r) => r.status);
  const members = op.responses.flatMap((r) => responseMembers(op, r, opType, declared));
  const union = docComment([`What \`${op.name}\` may answer: one entry per status and media type in the contract.`]);
  // No responses in the contract (OpenAPI 3.1 allows it): it promises nothing, so nothing is checked.
  if (members.length === 0) {
    return `${union}\nexport type ${name} = { status: HttpStatus; contentType?: string; headers?: ResponseHeaders; body?: unknown };`;
  }
  return [...members.map((m) => m.code), `${union}\nexport type ${name} =\n${members.map((m) => `  | ${m.name}`).join('\n')};`].join('\n\n');
}

/**
 * One named type per status and media type (`GetPet200Response`, oapi-codegen's naming): a type
 * error then names the one response it is about (`required in type 'ListPets200Response'`)
 * instead of printing its whole structure.
 */
function responseMembers(op: Operation, r: Response, opType: string, declared: string[]): { name: string; code: string }[] {
  const key = isFixedStatus(r.status) ? r.status : JSON.stringify(r.status);
  const ref = `${opType}["responses"][${key}]`;
  const status = statusType(r.status, declared);
  const headers =
    r.headers.length === 0
      ? 'headers?: ResponseHeaders'
      : `headers${r.headers.some((h) => h.required) ? '' : '?'}: ${ref}["headers"] & ResponseHeaders`;
  const stem = `${op.typeStem}${statusTag(r.status)}`;
  const doc = (media?: string) => docComment([`\`${op.name}\` answers ${r.status}${media ? ` with ${media}` : ''}${r.description ? `: ${r.description}` : ''}`]);
  if (r.mediaTypes.length === 0) {
    return [{ name: `${stem}Response`, code: `${doc()}\nexport interface ${stem}Response {\n  status: ${status};\n  ${headers};\n  body?: undefined;\n}` }];
  }
  const several = r.mediaTypes.length > 1;
  const taken = new Set<string>();
  return r.mediaTypes.map((m) => {
    let name = `${stem}${several ? mediaTypeTag(m) : ''}Response`;
    for (let n = 2; taken.has(name); n++) name = `${stem}${mediaTypeTag(m)}${n}Response`;
    taken.add(name);
    const item = `${ref}["content"][${JSON.stringify(m)}]`;
    const fields = [`status: ${status}`, `contentType${several ? '' : '?'}: ${mediaTypeLiteral(m)}`, headers, `body: ${r.streamed.includes(m) ? `Items<${item}>` : item}`];
    return { name, code: `${doc(several ? m : undefined)}\nexport interface ${name} {\n${fields.map((f) => `  ${f};`).join('\n')}\n}` };
  });
}

/** `200` → `200`, `4XX` → `4XX`, `default` → `Default`. */
function statusTag(status: string): string {
  return status === 'default' ? 'Default' : status.toUpperCase();
}

/** `application/json` → `ApplicationJson`, `image/*` → `Image`: told apart when a status has several. */
function mediaTypeTag(mediaType: string): string {
  return words(mediaType.split(';')[0]!).map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('') || 'Any';
}

/**
 * `200` → `200`; `4XX` → registered 4xx codes not declared on their own; `default` → every code
 * no other entry covers (OpenAPI: fixed codes win over ranges, ranges over `default`).
 */
function statusType(status: string, declared: string[]): string {
  if (isFixedStatus(status)) return status;
  const range = /^([1-5])XX$/i.exec(status);
  const fixed = declared.filter(isFixedStatus);
  if (range) {
    const excluded = fixed.filter((s) => s.startsWith(range[1]!));
    return excluded.length > 0 ? `Exclude<Status${range[1]}XX, ${excluded.join(' | ')}>` : `Status${range[1]}XX`;
  }
  const ranges = declared.filter((s) => /^[1-5]XX$/i.test(s)).map((s) => `Status${s[0]}XX`);
  const excluded = [...fixed, ...ranges];
  return excluded.length > 0 ? `Exclude<HttpStatus, ${excluded.join(' | ')}>` : 'HttpStatus';
}

/** A media type as a type: wildcards (`image/*`, `*\/*`) accept any matching concrete type. */
function mediaTypeLiteral(mediaType: string): string {
  const base = mediaType.split(';')[0]!.trim();
  if (base === '*/*') return 'string';
  if (base.endsWith('/*')) return `\`${base.slice(0, -1)}\${string}\``;
  return JSON.stringify(base);
}

/** `<Principals["apiKey"] | undefined>` from the operation's security requirements; '' when public. */
function principalType(op: Operation): string {
  const requirements = op.security ?? [];
  if (requirements.length === 0) return '';
  const members = new Set(requirements.map((r) => {
    const first = Object.keys(r)[0];
    return first === undefined ? 'undefined' : `Principals[${JSON.stringify(first)}]`;
  }));
  return `<${[...members].join(' | ')}>`;
}

function emitHandlers(operations: Operation[]): string {
  const members = operations.map((op) =>
    [
      docComment([op.summary ?? op.name, `\`${op.method.toUpperCase()} ${op.path}\``], { deprecated: op.deprecated, indent: '  ' }),
      `  ${op.name}: (request: ${op.typeStem}Request, context: ${op.typeStem}Context) => HandlerResult<${op.typeStem}Response>;`,
    ].join('\n'),
  );
  return [
    '/** One handler per operation: a missing handler, or one that answers outside the contract, does not compile. */',
    `export interface Handlers {\n${members.join('\n')}\n}`,
    '',
  ].join('\n');
}
