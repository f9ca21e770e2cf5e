// The validators of one API: express-openapi-validator's own ajv instances (its factory picks the
// dialect — draft-04 for OpenAPI 3.0, 2020-12 for 3.1 — and adds its OpenAPI keywords and
// formats), one per job, each holding the contract's schemas once so that every operation's
// validators share the compiled component schemas. Nothing is compiled here: operations compile
// what they need on first use (compile-operation.ts). Each instance is made, and ajv loaded, when
// the first operation needs it, not at start-up: a server whose first request has no body never
// makes the body validator's instance (for Box's contract, each instance holds its 305 component schemas).
// A built server (specfirst build) has most validators written out already (precompiled.ts): an
// instance's `compile` looks there first, and the instance itself is made only on a miss.
import { createRequire } from 'node:module';
import type { KeywordCxt, KeywordDefinition, ValidateFunction } from 'ajv';
import type AjvModule from 'ajv';
import type EovAjv from 'express-openapi-validator/dist/framework/ajv/index.js';
import type { Document } from '../contract/document.js';
import { forEachObject } from '../contract/each-object.js';
import { valueAt } from '../contract/pointer.js';
import { FORMATS_NAME, validatorFormats } from './formats.js';
import { validatorKey, type InstanceKind, type PrecompiledValidators } from './precompiled.js';

/** What the validators of one API are made from. */
export interface ValidatorSet {
  /** Parameters: coerced from strings to the contract's types, defaults filled in. */
  parameters: Ajv;
  /** Bodies as sent: no coercion, no defaults (a missing required field is an error even with a default). */
  body: Ajv;
  /** Fills a valid body's defaults in, run after `body` says it is valid; made on first need. */
  bodyDefaults: () => Ajv;
  /** Response bodies: no coercion, no defaults. */
  response: Ajv;
  /** Schemas that could not even be added (e.g. a duplicate `$id`), by their `$ref`: filled in as instances are made. */
  unusable: Map<string, string>;
  /** Makes every instance now (to find every unusable schema, as lint does). */
  makeAll(): void;
}

export interface Ajv {
  compile(schema: object): ValidateFunction;
  addSchema(schema: object, key: string): unknown;
  getSchema(key: string): ValidateFunction | undefined;
  errorsText(errors?: unknown): string;
}

export interface ValidatorOptions {
  /** Formats the validator does not know: accepted as they are (they are annotations in OpenAPI). */
  unknownFormats: readonly string[];
  /** Told of each schema that cannot be added, when the instance that needs it is made. */
  onUnusable?: (ref: string, message: string) => void;
  /** Validators `specfirst build` wrote for this document: looked up before anything is compiled. */
  precompiled?: PrecompiledValidators | null;
  /** Compile so that ajv's standalone code can write the validators out (specfirst build). */
  source?: boolean;
  /** Told of each validator compiled (not found precompiled), with its key and its instance. */
  onCompiled?: (kind: InstanceKind, key: string, validate: ValidateFunction, ajv: Ajv) => void;
}

const require = createRequire(import.meta.url);
let eovAjvModule: typeof EovAjv | undefined;
/** express-openapi-validator's ajv factory, and ajv with it, loaded by the first instance made. */
const eovAjv = (): typeof EovAjv => (eovAjvModule ??= require('express-openapi-validator/dist/framework/ajv/index.js') as typeof EovAjv);
/** ajv's code generation (the same ajv the factory uses), for the keywords below and standalone code. */
const codegen = (): typeof AjvModule => require('ajv') as typeof AjvModule;

/**
 * `requestDoc` and `responseDoc` are the normalised contract as requests and responses see it
 * (readOnly properties are not required of requests, writeOnly ones not of responses).
 */
export function createValidatorSet(requestDoc: Document, responseDoc: Document, { unknownFormats, onUnusable, precompiled, source, onCompiled }: ValidatorOptions): ValidatorSet {
  const unusable = new Map<string, string>();
  const noteUnusable = (ref: string, message: string): void => {
    if (unusable.has(ref)) return;
    unusable.set(ref, message);
    onUnusable?.(ref, message);
  };
  const base = {
    strict: false,
    strictNumbers: true,
    // Open tuples (prefixItems without a closing items: false) are valid JSON Schema: compile them.
    strictTuples: false,
    allowUnionTypes: false,
    validateSchema: false,
    removeAdditional: false,
    allErrors: true,
    // Only what was sent counts: a body without `constructor` or `toString` has none, whatever
    // every object inherits (else `{}` is told its `toString` "must be string").
    ownProperties: true,
    validateFormats: true,
    // Formats checked exactly: `2024-02-30` and `a@b` are not a date and an e-mail address.
    ajvFormats: { mode: 'full' as const },
    // Every format as formats.ts holds them (the factory adds the same ones, in the same order,
    // first): the functions written-out validators reach as `formats[…]`.
    formats: { ...validatorFormats, ...Object.fromEntries(unknownFormats.map((f) => [f, true])) },
    logger: false as const,
  };
  const make = (doc: Document, factory: 'createRequestAjv' | 'createResponseAjv', coerceTypes: boolean, useDefaults: boolean): Ajv => {
    const code = source ? { code: { source: true, formats: new (codegen().Name)(FORMATS_NAME) } } : {};
    // The factory gets a document without schemas and they are added here one by one: a schema
    // that cannot be added spoils only the operations that reach it, not the whole API.
    const ajv = eovAjv()[factory]({ openapi: factoryVersion(doc.openapi), info: doc.info, paths: {} } as never, { ...base, ...code, coerceTypes, useDefaults } as never) as unknown as Ajv & RealAjv;
    const keyword = factory === 'createRequestAjv' ? READ_ONLY : WRITE_ONLY;
    ajv.removeKeyword(keyword.keyword);
    ajv.addKeyword(keyword.definition());
    addSchemas(ajv, doc, noteUnusable);
    return ajv;
  };
  const makers: Record<InstanceKind, () => Ajv> = {
    parameters: () => make(requestDoc, 'createRequestAjv', true, true),
    body: () => make(requestDoc, 'createRequestAjv', false, false),
    bodyDefaults: () => make(requestDoc, 'createRequestAjv', false, true),
    response: () => make(responseDoc, 'createResponseAjv', false, false),
  };
  const instances = new Map<InstanceKind, Ajv>();
  const real = (kind: InstanceKind): Ajv => instances.get(kind) ?? instances.set(kind, makers[kind]()).get(kind)!;
  const facades = new Map<InstanceKind, Ajv>();
  const facade = (kind: InstanceKind): Ajv => facades.get(kind) ?? facades.set(kind, instanceFacade(kind, () => real(kind), precompiled ?? null, onCompiled)).get(kind)!;
  return {
    get parameters() {
      return facade('parameters');
    },
    get body() {
      return facade('body');
    },
    bodyDefaults: () => facade('bodyDefaults'),
    get response() {
      return facade('response');
    },
    unusable,
    makeAll() {
      for (const kind of ['parameters', 'body', 'response'] as const) real(kind);
    },
  };
}

/** The part of ajv's instance used here beyond the `Ajv` interface. */
interface RealAjv {
  removeKeyword(keyword: string): unknown;
  addKeyword(definition: KeywordDefinition): unknown;
}

/**
 * What the operations see of one instance: `compile` answers the precompiled validator when there
 * is one, and makes the instance (loading ajv) only when there is not.
 */
function instanceFacade(kind: InstanceKind, real: () => Ajv, precompiled: PrecompiledValidators | null, onCompiled: ValidatorOptions['onCompiled']): Ajv {
  return {
    compile(schema) {
      const found = precompiled?.find(kind, schema);
      if (found) return found;
      const ajv = real();
      const validate = ajv.compile(schema);
      onCompiled?.(kind, validatorKey(kind, schema), validate, ajv);
      return validate;
    },
    addSchema: (schema, key) => real().addSchema(schema, key),
    getSchema: (key) => real().getSchema(key),
    errorsText: (errors) => real().errorsText(errors),
  };
}

/**
 * OpenAPI's readOnly (requests) and writeOnly (responses), as express-openapi-validator words their
 * errors (keyword `readOnly`, "is read-only", params `{ writeOnly: <property> }`), but written as
 * code rather than as a function held by the instance: ajv's standalone code can write code out,
 * not a function. Any value of such a property, `null` included, is refused: it was sent at all.
 * (express-openapi-validator refused `null` too, with ajv's generic message.)
 */
function oneWayKeyword(keyword: 'readOnly' | 'writeOnly', message: string): { keyword: string; definition: () => KeywordDefinition } {
  return {
    keyword,
    definition: () => {
      const { _ } = codegen();
      return {
        keyword,
        // As the factory declared them: writeOnly takes a boolean only, readOnly any value (truthy refuses).
        ...(keyword === 'writeOnly' ? { schemaType: 'boolean' as const } : {}),
        error: { message, params: ({ it }) => _`{writeOnly: ${it.parentDataProperty}}` },
        code(cxt: KeywordCxt) {
          if (cxt.schema) cxt.fail();
        },
      };
    },
  };
}

const READ_ONLY = oneWayKeyword('readOnly', 'is read-only');
const WRITE_ONLY = oneWayKeyword('writeOnly', 'is write-only');

/**
 * The version the factory is told: it refuses anything but 3.0 and 3.1 ("OpenAPI v3.0 or v3.1
 * specification version is required"), and only uses it to pick the dialect. OpenAPI 3.2's schemas
 * are 3.1's dialect (JSON Schema 2020-12 with the same OpenAPI keywords), so a 3.2 document gets 3.1's.
 */
function factoryVersion(openapi: string): string {
  return /^3\.2\./.test(openapi) ? '3.1.0' : openapi;
}

/**
 * Every schema a `$ref` can reach, under the `$ref` string itself, so that ajv finds it from any
 * operation and compiles it once: each component schema (as express-openapi-validator adds them),
 * and every other `$ref` target in the document (schemas under `paths`, deep pointers, names
 * written percent-encoded).
 */
function addSchemas(ajv: Ajv, doc: Document, unusable: (ref: string, message: string) => void): void {
  const added = new Set<string>();
  const add = (written: string, schema: unknown): void => {
    // ajv looks a `$ref` up in its URI form (`Café` → `Caf%C3%A9`): that is the key it must find.
    const key = uriKey(written);
    if (added.has(key) || schema === null || (typeof schema !== 'object' && typeof schema !== 'boolean')) return;
    added.add(key);
    try {
      ajv.addSchema(schema as object, key);
    } catch (error) {
      unusable(written, (error as Error).message);
    }
  };
  const schemas = (doc.components?.schemas ?? {}) as Record<string, unknown>;
  for (const [name, schema] of Object.entries(schemas)) add(`#/components/schemas/${name}`, schema);
  for (const ref of refsIn(doc)) {
    if (!added.has(uriKey(ref))) add(ref, valueAt(doc, ref));
  }
}

/** A `#/…` reference as a URI: percent-encoded where it must be, whether or not it was written so. */
function uriKey(ref: string): string {
  let text = ref;
  try {
    text = decodeURI(ref);
  } catch {
    // not percent-encoded
  }
  return encodeURI(text);
}

/** Every distinct internal `$ref` in the document. */
function refsIn(doc: Document): Set<string> {
  const refs = new Set<string>();
  forEachObject([doc.paths, doc.components], (node) => {
    const ref = node.$ref;
    if (typeof ref === 'string' && ref.startsWith('#/')) refs.add(ref);
  });
  return refs;
}

/** Formats the validator checks: ajv-formats' full set, and OpenAPI's own numeric/binary ones. */
const KNOWN_FORMATS = new Set([...Object.keys(validatorFormats), 'media-range']);

/** Every `format` the contract uses that the validator does not know, sorted. */
export function unknownFormatsIn(doc: Document): string[] {
  const found = new Set<string>();
  forEachObject([doc], (node) => {
    if (typeof node.format === 'string' && !KNOWN_FORMATS.has(node.format)) found.add(node.format);
  });
  return [...found].sort();
}
