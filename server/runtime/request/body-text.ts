// Body bytes as text in the charset the Content-Type names (UTF-8 when it names none), decoded
// strictly: bytes that are not valid in that charset are a 400, never replaced by U+FFFD, and a
// charset the platform cannot decode is a 415.
import { BodyError } from '../errors.js';

const CHARSET = /;\s*charset\s*=\s*"?([^";\s]+)"?/i;

/** One strict decoder per charset, made on first use (decoding is stateless between calls). */
const decoders = new Map<string, InstanceType<typeof TextDecoder> | null>();

function decoderFor(charset: string): InstanceType<typeof TextDecoder> | null {
  let decoder = decoders.get(charset);
  if (decoder === undefined) {
    try {
      decoder = new TextDecoder(charset, { fatal: true });
    } catch {
      decoder = null;
    }
    if (decoders.size < 64) decoders.set(charset, decoder);
  }
  return decoder;
}

export function bodyText(bytes: Buffer, contentType: string, fallback: string): string {
  const charset = (contentType.includes('charset') ? CHARSET.exec(contentType)?.[1] ?? fallback : fallback).toLowerCase();
  const decoder = decoderFor(charset);
  if (!decoder) throw new BodyError(415, `charset ${charset} is not supported; send UTF-8`);
  try {
    return decoder.decode(bytes);
  } catch {
    throw new BodyError(400, `the body is not valid ${charset}`, 'encoding');
  }
}
