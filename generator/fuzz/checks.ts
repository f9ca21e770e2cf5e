// What the fuzzer demands of every answer, as sentences naming what is wrong (none when right):
// no 5xx (501 from a stub aside); a valid request is not refused; an invalid one is refused with
// a 4xx; a request without credentials gets 401; and whatever the status, it is declared, its
// media type is declared, its JSON body and its headers satisfy their schemas (checked by the
// oracle: the server's own validators, as the schema checker compiles them).
import type { Oracle } from './oracle.js';
import type { FuzzKind } from './requests.js';
import { readAs } from './values.js';
import type { OpenAPIDocument } from '../contract/load.js';
import type { Operation } from '../model/model.js';
import { encodePointer } from '../../server/runtime/contract/pointer.js';
import { derefAt } from '../../server/runtime/contract/pointer.js';
import { operationIn, operationPointer } from '../../server/runtime/contract/methods.js';
import { isJsonMediaType } from '../../server/runtime/contract/media-types.js';
import { splitItems } from '../../server/runtime/contract/sequences.js';
import { itemShapeOf, type ItemShape } from '../../server/runtime/plan/items.js';

export interface Answer {
  status: number;
  headers: Headers;
  body: string;
}

interface DeclaredResponse {
  media: { type: string; at?: string; item?: ItemShape }[];
  headers: { name: string; required: boolean; at?: string; schema?: Record<string, unknown> }[];
}

/** The operation's responses by status key (`200`, `4XX`, `default`), with the pointers of their schemas. */
export type DeclaredResponses = Map<string, DeclaredResponse>;

/** What the server says when it refuses a request as the contract tells it to. */
const REFUSALS = new Set([400, 401, 403, 405, 406, 413, 415, 422]);

export function declaredResponses(doc: OpenAPIDocument, op: Operation): DeclaredResponses {
  const at = `${operationPointer(op.path, op.method)}/responses`;
  const item = derefAt<Record<string, unknown>>(doc, (doc.paths as Record<string, unknown>)[op.path], encodePointer(['paths', op.path])).value;
  const out: DeclaredResponses = new Map();
  for (const [key, raw] of Object.entries((operationIn(item, op.method) as { responses?: Record<string, unknown> } | undefined)?.responses ?? {})) {
    const response = derefAt<{ content?: Record<string, unknown>; headers?: Record<string, unknown> }>(doc, raw, `${at}${encodePointer([key])}`);
    const value = response.value ?? {};
    const media = Object.entries(value.content ?? {}).map(([type, m]) => {
      const mediaAt = derefAt<{ schema?: unknown; itemSchema?: unknown }>(doc, m, `${response.pointer}/content${encodePointer([type])}`);
      const schema = mediaAt.value?.schema;
      const item = itemShapeOf(type, mediaAt.value, mediaAt.pointer) ?? undefined;
      return { type, at: schema === undefined ? undefined : derefAt(doc, schema, `${mediaAt.pointer}/schema`).pointer, item };
    });
    const headers = Object.entries(value.headers ?? {}).map(([name, h]) => {
      const header = derefAt<{ required?: boolean; schema?: unknown }>(doc, h, `${response.pointer}/headers${encodePointer([name])}`);
      const hv = header.value ?? {};
      const schema = hv.schema === undefined ? undefined : derefAt<Record<string, unknown>>(doc, hv.schema, `${header.pointer}/schema`);
      return { name, required: hv.required === true, at: schema?.pointer, schema: schema?.value };
    });
    out.set(key, { media, headers });
  }
  return out;
}

export function checkAnswer(kind: FuzzKind, answer: Answer, declared: DeclaredResponses, oracle: Oracle): string[] {
  const problems: string[] = [];
  const { status } = answer;
  if (status >= 500 && status !== 501) problems.push(`the server failed with ${status}`);
  if (kind === 'valid' && REFUSALS.has(status)) problems.push(`a valid request was refused with ${status}`);
  if (kind === 'invalid' && (status < 400 || status >= 500)) problems.push(`an invalid request was not refused (${status})`);
  if (kind === 'no-credentials' && status !== 401) problems.push(`a request without credentials got ${status}, not 401`);
  problems.push(...contractProblems(answer, declared, oracle));
  return problems;
}

/** Whether the answer is one the contract allows: declared status, media type, body and headers. */
function contractProblems(answer: Answer, declared: DeclaredResponses, oracle: Oracle): string[] {
  if (declared.size === 0) return [];
  const key = [String(answer.status), `${String(answer.status)[0]}XX`, `${String(answer.status)[0]}xx`, 'default'].find((k) => declared.has(k));
  if (!key) return [`status ${answer.status} is not declared`];
  const response = declared.get(key)!;
  const problems: string[] = [];
  const contentType = answer.headers.get('content-type')?.split(';')[0]!.trim().toLowerCase();
  if (answer.body.length > 0 || contentType) {
    if (response.media.length === 0) {
      if (answer.body.length > 0) problems.push(`status ${answer.status} is declared without content, but a body came`);
    } else {
      const media = response.media.find((m) => contentType && mediaMatches(m.type, contentType));
      if (!media) problems.push(`media type ${contentType ?? '(none)'} is not declared for ${key}`);
      else if (media.item) problems.push(...itemProblems(media.item, answer.body, oracle));
      else if (media.at && isJsonMediaType(contentType!)) {
        let value: unknown;
        try {
          value = JSON.parse(answer.body);
        } catch {
          problems.push(`the ${contentType} body is not JSON`);
        }
        if (value !== undefined) problems.push(...oracle.errors(media.at, value).map((e) => `body ${e}`));
      }
    }
  } else if (response.media.length > 0 && answer.status !== 204 && answer.status !== 304) {
    problems.push(`status ${answer.status} is declared with content, but no body came`);
  }
  for (const header of response.headers) {
    if (header.name.toLowerCase() === 'content-type') continue;
    const text = answer.headers.get(header.name);
    if (text === null) {
      if (header.required) problems.push(`required header ${header.name} is missing`);
    } else if (header.at) {
      problems.push(...oracle.errors(header.at, readAs(header.schema, text)).map((e) => `header ${header.name} ${e}`));
    }
  }
  return problems;
}

/**
 * Each item of a streamed body against the item schema, as the server checked it before sending:
 * an event's `data` as the JSON value it carries when the schema reads it so, else as text.
 */
function itemProblems(item: ItemShape, body: string, oracle: Oracle): string[] {
  const problems: string[] = [];
  splitItems(item.kind, body).forEach((read, index) => {
    let errors: string[];
    if ('text' in read) {
      let value: unknown;
      try {
        value = JSON.parse(read.text);
      } catch {
        problems.push(`item ${index} is not JSON`);
        return;
      }
      errors = oracle.errors(item.at, value);
    } else {
      errors = oracle.errors(item.at, read.event);
      const data = read.event.data;
      if (errors.length > 0 && typeof data === 'string') {
        let decoded: unknown;
        try {
          decoded = JSON.parse(data);
        } catch {
          decoded = undefined;
        }
        if (decoded !== undefined) {
          const asJson = oracle.errors(item.at, { ...read.event, data: decoded });
          if (asJson.length < errors.length) errors = asJson;
        }
      }
    }
    problems.push(...errors.map((e) => `item ${index} ${e}`));
  });
  return problems;
}

function mediaMatches(declared: string, actual: string): boolean {
  const d = declared.split(';')[0]!.trim().toLowerCase();
  return d === '*/*' || d === actual || (d.endsWith('/*') && actual.startsWith(d.slice(0, -1)));
}
