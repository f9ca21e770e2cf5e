// The wire form of sequential media types (OpenAPI 3.2), both ways: one item framed for sending
// (SSE `event:`/`data:`/`id:`/`retry:` lines and a blank line; one JSON text per line for JSON
// Lines; a record separator, the JSON text and a line feed for json-seq), and text split back into
// items as it arrives. The server's streamed responses and requests and verify/fuzz all use these,
// so what is sent and what is read back are one format. Never validates: the plan's validators do.
import type { SequenceKind } from './media-types.js';

/** A Server-Sent Event as the handler yields it: `data` is text, or a value sent as JSON. */
export interface ServerSentEvent {
  event?: string;
  data?: unknown;
  id?: string;
  retry?: number;
}

/** Why an item cannot be framed (an SSE field with a line break in it, a value JSON cannot carry). */
export class FrameError extends Error {}

const RS = '\x1e';

/** One item as it goes on the wire. */
export function frameItem(kind: Exclude<SequenceKind, 'multipart'>, item: unknown): string {
  if (kind === 'event-stream') return frameEvent(item);
  const text = JSON.stringify(item);
  if (text === undefined) throw new FrameError(`a ${typeof item} is not a JSON value`);
  return kind === 'json-seq' ? `${RS}${text}\n` : `${text}\n`;
}

/**
 * `{ event, data, id, retry }` as SSE lines. `data` that is not a string is sent as JSON (the
 * contract's `contentMediaType: application/json`); a string is sent as it is, one `data:` line
 * per line of it.
 */
function frameEvent(item: unknown): string {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) throw new FrameError('an event must be an object { event?, data?, id?, retry? }');
  const { event, data, id, retry } = item as ServerSentEvent;
  let out = '';
  if (event !== undefined) out += `event: ${oneLine('event', event)}\n`;
  if (id !== undefined) {
    const text = oneLine('id', id);
    if (text.includes('\0')) throw new FrameError('id must not contain NUL');
    out += `id: ${text}\n`;
  }
  if (retry !== undefined) {
    if (!Number.isInteger(retry) || retry < 0) throw new FrameError('retry must be a whole number of milliseconds');
    out += `retry: ${retry}\n`;
  }
  if (data !== undefined) {
    const text = typeof data === 'string' ? data : JSON.stringify(data);
    if (text === undefined) throw new FrameError(`data: a ${typeof data} is not a JSON value`);
    for (const line of text.split(/\r\n|\r|\n/)) out += `data: ${line}\n`;
  }
  if (out === '') throw new FrameError('an event needs at least one of event, data, id, retry');
  return `${out}\n`;
}

function oneLine(field: string, value: unknown): string {
  if (typeof value !== 'string') throw new FrameError(`${field} must be a string`);
  if (/[\r\n]/.test(value)) throw new FrameError(`${field} must not contain a line break`);
  return value;
}

/** An item read back: JSON text (JSON Lines, json-seq) or an event as the SSE parser leaves it (`data` a string). */
export type ReadItem = { text: string } | { event: ServerSentEvent };

/**
 * Splits text into items as it arrives: `push` what came, take the items it completed; `end`
 * gives the last one when the stream ends without its terminator. `pending` is how much text waits
 * for its terminator (a reader limits it, so one endless item cannot fill memory).
 */
export class ItemSplitter {
  #rest = '';
  #event: ServerSentEvent | null = null;

  constructor(readonly kind: Exclude<SequenceKind, 'multipart'>) {}

  get pending(): number {
    return this.#rest.length;
  }

  push(text: string): ReadItem[] {
    this.#rest += text;
    const out: ReadItem[] = [];
    if (this.kind === 'json-seq') {
      const parts = this.#rest.split(RS);
      this.#rest = parts.pop()!;
      for (const part of parts) if (part.trim() !== '') out.push({ text: part });
      // What precedes the first RS is not an item (RFC 7464 readers skip it); one waits for the next RS.
      return out;
    }
    let start = 0;
    for (let i = 0; i < this.#rest.length; i++) {
      const c = this.#rest.charCodeAt(i);
      if (c !== 0x0a && c !== 0x0d) continue;
      // A CR at the very end may be the first half of CRLF: wait for the next chunk.
      if (c === 0x0d && i === this.#rest.length - 1) break;
      this.line(this.#rest.slice(start, i), out);
      if (c === 0x0d && this.#rest.charCodeAt(i + 1) === 0x0a) i++;
      start = i + 1;
    }
    this.#rest = this.#rest.slice(start);
    return out;
  }

  end(): ReadItem[] {
    const out: ReadItem[] = [];
    const rest = this.#rest;
    this.#rest = '';
    if (this.kind === 'json-seq') {
      if (rest.trim() !== '') out.push({ text: rest });
    } else {
      if (rest !== '') this.line(rest.replace(/\r$/, ''), out);
      // An event with no blank line after it is discarded, as a browser's EventSource does.
      this.#event = null;
    }
    return out;
  }

  private line(line: string, out: ReadItem[]): void {
    if (this.kind === 'json-lines') {
      if (line.trim() !== '') out.push({ text: line });
      return;
    }
    // text/event-stream, as the HTML standard parses it.
    if (line === '') {
      if (this.#event) out.push({ event: this.#event });
      this.#event = null;
      return;
    }
    if (line.startsWith(':')) return;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    const event = (this.#event ??= {});
    if (field === 'data') event.data = event.data === undefined ? value : `${event.data as string}\n${value}`;
    else if (field === 'event') event.event = value;
    else if (field === 'id' && !value.includes('\0')) event.id = value;
    else if (field === 'retry' && /^\d+$/.test(value)) event.retry = Number(value);
    else if (Object.keys(event).length === 0) this.#event = null;
  }
}

/** Every item of a whole text (verify and fuzz read a stream they have in full). */
export function splitItems(kind: Exclude<SequenceKind, 'multipart'>, text: string): ReadItem[] {
  const splitter = new ItemSplitter(kind);
  return [...splitter.push(text), ...splitter.end()];
}
