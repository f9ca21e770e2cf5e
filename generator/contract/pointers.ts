// JSON Pointers (RFC 6901) as `$ref` fragments write them: `~1` for `/`, `~0` for `~`, and
// percent-encoding allowed (`#/paths/~1pets~1%7Bid%7D`).

export function decodePointer(pointer: string): string[] {
  if (pointer === '' || pointer === '#' || pointer === '/') return [];
  const body = pointer.startsWith('#') ? pointer.slice(1) : pointer;
  return body
    .split('/')
    .slice(1)
    .map((s) => percentDecode(s).replace(/~1/g, '/').replace(/~0/g, '~'));
}

export function encodePointer(segments: readonly (string | number)[]): string {
  return segments.map((s) => '/' + String(s).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

function percentDecode(segment: string): string {
  if (!segment.includes('%')) return segment;
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
