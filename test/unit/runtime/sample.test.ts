// Samples for mocks and verify's requests must be valid values of their schema.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Document } from '../../../server/runtime/contract/document.js';
import type { RouteBinding } from '../../../server/runtime/api.js';
import { createMocker } from '../../../server/runtime/mock.js';
import { sampleSchema } from '../../../server/runtime/sample.js';
import { validatorAt } from './ajv-compile.js';

const doc: Document = {
  openapi: '3.1.0',
  info: { title: 'sample', version: '1' },
  paths: {},
  components: {
    schemas: {
      Kind: { type: 'integer', oneOf: [{ title: 'GUILD', const: 4 }] },
      Decoration: { type: 'object', required: ['asset'], properties: { asset: { type: 'string' } } },
      User: {
        type: 'object',
        required: ['kind', 'decoration', 'tags', 'friends'],
        properties: {
          kind: { oneOf: [{ type: 'null' }, { $ref: '#/components/schemas/Kind' }] },
          decoration: { description: 'nullable, as 3.1 contracts write it', anyOf: [{ type: 'null' }, { $ref: '#/components/schemas/Decoration' }] },
          tags: { type: 'array', items: { oneOf: [{ type: ['null'] }, { type: 'string' }] } },
          friends: { type: 'object', additionalProperties: { type: 'object', required: ['id', 'decoration'], properties: { id: { type: 'string', pattern: '^(0|[1-9][0-9]*)$' }, decoration: { oneOf: [{ type: 'null' }, { $ref: '#/components/schemas/Decoration' }] } } } },
        },
      },
    },
  },
};

describe('schema samples', () => {
  it('leaves allOf members that only annotate out: an array keeps its items', () => {
    const tags = { allOf: [{ type: 'array', items: { type: 'string' }, minItems: 1 }, { description: 'The tags.' }, { nullable: false }] };
    const value = sampleSchema(doc, tags, { direction: 'response' });
    assert.ok(Array.isArray(value) && value.length >= 1, JSON.stringify(value));
  });
  it("does not take an allOf member's example for the whole value", () => {
    const user = { allOf: [{ $ref: '#/components/schemas/Decoration' }, { description: 'The creator.' }, { example: [{ asset: 'a' }, { id: 1 }] }] };
    const value = sampleSchema(doc, user, { direction: 'response' });
    assert.ok(value !== null && typeof value === 'object' && !Array.isArray(value) && typeof (value as { asset?: unknown }).asset === 'string', JSON.stringify(value));
  });

  it('samples a oneOf/anyOf whose first member is {type: "null"} as null, not as {}, in maps too', () => {
    const value = sampleSchema(doc, { $ref: '#/components/schemas/User' }, { direction: 'response' }) as Record<string, unknown>;
    assert.equal(value.kind, null);
    assert.equal(value.decoration, null);
    for (const friend of Object.values(value.friends as Record<string, { decoration: unknown }>)) assert.equal(friend.decoration, null);
    assert.ok(validatorAt(doc as never, '#/components/schemas/User')(value), JSON.stringify(value));
  });

  it('gives a property that is required but never defined a value, as the schema demands (Box: shared_link.accessed)', () => {
    const link = { type: 'object', required: ['url', 'accessed'], properties: { url: { type: 'string' } } };
    const value = sampleSchema(doc, link, { direction: 'response' }) as Record<string, unknown>;
    assert.ok('accessed' in value, JSON.stringify(value));
    const local = { ...doc, components: { schemas: { ...doc.components!.schemas!, Link: link } } } as Document;
    assert.ok(validatorAt(local as never, '#/components/schemas/Link')(value), JSON.stringify(value));
  });

  it('keeps integers exact (within ±(2^53 − 1)) even where int64 bounds are the only hint', () => {
    const value = sampleSchema(doc, { type: 'integer', format: 'int64', minimum: -9223372036854775808 }, { direction: 'request' }) as number;
    assert.ok(Number.isSafeInteger(value), String(value));
  });

  it('never repeats an item where uniqueItems says no', () => {
    for (const items of [{ type: 'string', format: 'uuid' }, { type: 'string', pattern: '^(0|[1-9][0-9]*)$' }, { type: 'integer' }]) {
      const value = sampleSchema(doc, { type: 'array', uniqueItems: true, minItems: 3, items }, { direction: 'request' }) as unknown[];
      assert.ok(value.length >= 3 && new Set(value.map((v) => JSON.stringify(v))).size === value.length, JSON.stringify(value));
      // Still valid items: a snowflake id made different stays decimal (Discord's bulk-delete).
      if ('pattern' in items) assert.ok(value.every((v) => new RegExp(items.pattern as string, 'u').test(v as string)), JSON.stringify(value));
    }
  });
  it('gives a required-but-undefined property a value however deep in allOf chains it is (Box: File--Full → File → File--Mini)', () => {
    const schemas = {
      Mini: { type: 'object', required: ['id'], properties: { id: { type: 'string' } } },
      File: { allOf: [{ $ref: '#/components/schemas/Mini' }, { type: 'object', properties: { link: { allOf: [{ type: 'object', required: ['url', 'accessed'], properties: { url: { type: 'string' } } }, { description: 'The link.' }] } } }] },
      Full: { allOf: [{ $ref: '#/components/schemas/File' }, { type: 'object', required: ['link'] }] },
    };
    const local = { ...doc, components: { schemas } } as Document;
    const value = sampleSchema(local, { $ref: '#/components/schemas/Full' }, { direction: 'response' });
    assert.ok(validatorAt(local as never, '#/components/schemas/Full')(value), JSON.stringify(value));
  });

  it('samples a schema that holds itself through arrays as a valid, finite value (Discord: components in components)', () => {
    const schemas = {
      Component: {
        type: 'object',
        required: ['type', 'components'],
        properties: { type: { type: 'integer' }, components: { type: 'array', items: { oneOf: [{ $ref: '#/components/schemas/Component' }, { $ref: '#/components/schemas/Button' }] } } },
      },
      Button: { type: 'object', required: ['type', 'style'], properties: { type: { type: 'integer' }, style: { type: 'integer' } }, additionalProperties: false },
      Message: { type: 'object', required: ['embeds'], properties: { embeds: { type: 'array', items: { type: 'object', required: ['components'], properties: { components: { type: 'array', items: { $ref: '#/components/schemas/Component' } } } } } } },
      Page: { type: 'object', required: ['items'], properties: { items: { type: 'array', items: { type: 'object', required: ['message'], properties: { message: { $ref: '#/components/schemas/Message' } } } } } },
    };
    const local = { ...doc, components: { schemas } } as Document;
    const value = sampleSchema(local, { $ref: '#/components/schemas/Page' }, { direction: 'response' });
    assert.ok(validatorAt(local as never, '#/components/schemas/Page')(value), JSON.stringify(value));
  });

  it('mocks a oneOf whose first member also matches a catch-all member with another member that is valid (Box: event source)', () => {
    const schemas = {
      User: { type: 'object', required: ['type', 'id'], properties: { type: { type: 'string', enum: ['user'] }, id: { type: 'string' } } },
      Generic: { type: 'object', additionalProperties: {} },
      Event: { type: 'object', required: ['source'], properties: { source: { oneOf: [{ $ref: '#/components/schemas/User' }, { $ref: '#/components/schemas/Generic' }] } } },
    };
    const events: Document = {
      openapi: '3.0.3',
      info: { title: 'events', version: '1' },
      paths: { '/events': { get: { operationId: 'listEvents', responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/Event' } } } } } } } },
      components: { schemas },
    } as never;
    const mock = createMocker(events, events)({ path: '/events', method: 'get' } as RouteBinding);
    assert.equal(mock.status, 200);
    assert.ok(validatorAt(events as never, '#/components/schemas/Event')(mock.body), JSON.stringify(mock.body));
  });
});
