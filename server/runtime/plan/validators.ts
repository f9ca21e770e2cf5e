// The validators of one API: express-openapi-validator's own ajv instances (its factory picks the
// dialect — draft-04 for OpenAPI 3.0, 2020-12 for 3.1 — and adds its OpenAPI keywords and
// formats), one per job, each holding the contract's schemas once so that every operation's
// validators share the compiled component schemas. Nothing is compiled here: operations compile
// what they need on first use (compile-operation.ts). Each instance is made, and ajv loaded, when
// the first operation needs it, not at start-up: a server whose first request has no body never
// makes the body validator's instance (for Box's contract, each instance holds its 305 component schemas).
import { createRequire } from 'node:module';
import type { ValidateFunction } from 'ajv';
import { fullFormats } from 'ajv-formats/dist/formats.js';
import type EovAjv from 'express-openapi-validator/dist/framework/ajv/index.js';
import type { Document } from '../contract/document.js';
import { forEachObject } from '../contract/each-object.js';
import { valueAt } from '../contract/pointer.js';
import { dateFormats } from './date-formats.js';

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
}

const require = createRequire(import.meta.url);
let eovAjvModule: typeof EovAjv | undefined;
/** express-openapi-validator's ajv factory, and ajv with it, loaded by the first instance made. */
const eovAjv = (): typeof EovAjv => (eovAjvModule ??= require('express-openapi-validator/dist/framework/ajv/index.js') as typeof EovAjv);

/**
 * `requestDoc` and `responseDoc` are the normalised contract as requests and responses see it
 * (readOnly properties are not required of requests, writeOnly ones not of responses).
 */
export function createValidatorSet(requestDoc: Document, responseDoc: Document, { unknownFormats, onUnusable }: ValidatorOptions): ValidatorSet {
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
    // `date` and `date-time`: ajv-formats' answers with a fast path (date-formats.ts).
    formats: { ...dateFormats, ...Object.fromEntries(unknownFormats.map((f) => [f, true])) },
    logger: false as const,
  };
  const make = (doc: Document, factory: 'createRequestAjv' | 'createResponseAjv', coerceTypes: boolean, useDefaults: boolean): Ajv => {
    // The factory gets a document without schemas and they are added here one by one: a schema
    // that cannot be added spoils only the operations that reach it, not the whole API.
    const ajv = eovAjv()[factory]({ openapi: factoryVersion(doc.openapi), info: doc.info, paths: {} } as never, { ...base, coerceTypes, useDefaults } as never) as unknown as Ajv;
    addSchemas(ajv, doc, noteUnusable);
    return ajv;
  };
  let parameters: Ajv | undefined;
  let body: Ajv | undefined;
  let bodyDefaults: Ajv | undefined;
  let response: Ajv | undefined;
  return {
    get parameters() {
      return (parameters ??= make(requestDoc, 'createRequestAjv', true, true));
    },
    get body() {
      return (body ??= make(requestDoc, 'createRequestAjv', false, false));
    },
    bodyDefaults: () => (bodyDefaults ??= make(requestDoc, 'createRequestAjv', false, true)),
    get response() {
      return (response ??= make(responseDoc, 'createResponseAjv', false, false));
    },
    unusable,
    makeAll() {
      void [this.parameters, this.body, this.response];
    },
  };
}

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
const KNOWN_FORMATS = new Set([...Object.keys(fullFormats), 'int32', 'int64', 'float', 'double', 'byte', 'binary', 'password', 'media-range']);

/** Every `format` the contract uses that the validator does not know, sorted. */
export function unknownFormatsIn(doc: Document): string[] {
  const found = new Set<string>();
  forEachObject([doc], (node) => {
    if (typeof node.format === 'string' && !KNOWN_FORMATS.has(node.format)) found.add(node.format);
  });
  return [...found].sort();
}
