// A media type without `schema` accepts any value, but express-openapi-validator answers a
// declared response whose media type has no schema with "no schema defined". `schema: {}` says
// "any value" in a way it understands; the generated type is `unknown` either way.
import type { RuleContext } from './change.js';
import type { Json } from './walk.js';

export function addMissingSchema(media: Json, pointer: string, { record }: RuleContext): void {
  if ('schema' in media) return;
  media.schema = {};
  record(pointer, 'media-type-schema', 'media type without schema: validated as any value (schema: {})');
}
