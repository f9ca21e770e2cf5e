// Compiles every schema of a document the way the runtime's validator does: express-openapi-
// validator's ajv factory (draft-04 for 3.0, 2020-12 for 3.1) with the options it passes, request
// ajv for parameters and bodies, response ajv for responses and response headers. Used by tests
// to show that the normalised copy compiles, and what it accepts.
import type { Ajv } from 'ajv';
import { createRequestAjv, createResponseAjv } from 'express-openapi-validator/dist/framework/ajv/index.js';
import { walkDocument, type Json } from '../../../server/runtime/normalize/walk.js';

/** express-openapi-validator's AjvOptions.baseOptions, as the runtime configures it. */
const OPTIONS = {
  strict: false,
  strictNumbers: true,
  // As server/runtime/plan/validators.ts: open tuples (prefixItems without items: false) compile.
  strictTuples: false,
  allowUnionTypes: false,
  validateSchema: false,
  coerceTypes: false,
  useDefaults: true,
  removeAdditional: false,
  validateFormats: true,
  allErrors: true,
  ajvFormats: { mode: 'fast' },
  formats: {},
  // Unknown formats are accepted by the runtime (listed once at start-up), not warned per schema.
  logger: false,
  serDesMap: {},
};

export interface CompileProblem {
  pointer: string;
  message: string;
}

/** Every schema that fails to compile, with where it is. */
export function compileProblems(doc: Json): CompileProblem[] {
  const problems: CompileProblem[] = [];
  let request: Ajv;
  let response: Ajv;
  try {
    request = createAjv(doc, 'request');
    response = createAjv(doc, 'response');
  } catch (error) {
    // The factory adds every component schema: one that ajv cannot take stops it.
    return [{ pointer: '/components/schemas', message: (error as Error).message }];
  }
  const compile = (ajv: Ajv, schema: unknown, pointer: string) => {
    try {
      ajv.compile(wrap(doc, schema));
    } catch (error) {
      problems.push({ pointer, message: (error as Error).message });
    }
  };
  walkDocument(doc, {
    parameter: (p, pointer) => compile(request, p.schema ?? {}, pointer),
    header: (h, pointer) => compile(response, h.schema ?? {}, pointer),
    mediaType: (m, pointer) => compile(pointer.includes('/responses/') ? response : request, m.schema ?? {}, pointer),
  });
  for (const [name, schema] of Object.entries(((doc.components as Json | undefined)?.schemas ?? {}) as Json)) {
    compile(request, schema, `/components/schemas/${name}`);
    compile(response, schema, `/components/schemas/${name}`);
  }
  return problems;
}

/** A validator for the schema at `pointer` (`#/components/schemas/Widget`), request side. */
export function validatorAt(doc: Json, pointer: string): (value: unknown) => boolean {
  const validate = createAjv(doc, 'request').compile(wrap(doc, { $ref: pointer }));
  return (value) => validate(structuredClone(value)) as boolean;
}

function createAjv(doc: Json, side: 'request' | 'response'): Ajv {
  // The factory annotates the document it is given: it gets a copy.
  const copy = structuredClone(doc);
  return (side === 'request' ? createRequestAjv : createResponseAjv)(copy as never, OPTIONS as never) as unknown as Ajv;
}

/** The schema with the document's paths and components beside it, so `#/…` references resolve. */
function wrap(doc: Json, schema: unknown): Json {
  return { paths: doc.paths ?? {}, components: doc.components ?? {}, allOf: [schema] };
}
