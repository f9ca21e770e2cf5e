// From the bundled contract to what the validators are made of: the normalised copy (same meaning,
// in a form ajv compiles), as requests and as responses see it, and the validator set. Used by
// the server at start-up and by the generator to find contract problems before the server runs.
import type { Document } from '../contract/document.js';
import { normalizeForValidator } from '../normalize/index.js';
import { OperationCompileError, compileOperation } from './compile-operation.js';
import { mergeProblems, type ContractProblem } from './contract-problems.js';
import { forDirection } from './direction.js';
import type { NormalizedCopies } from './normalized-file.js';
import { locate, type ValidatorContext } from './plan.js';
import { queryCredentialNames, shapeOf } from './shape.js';
import { createValidatorSet, unknownFormatsIn, type ValidatorOptions } from './validators.js';

export interface PreparedValidation extends ValidatorContext {
  /** What normalisation changed, one entry per change, for the start-up log. */
  changes: ReturnType<typeof normalizeForValidator>['changes'];
  unknownFormats: string[];
}

/**
 * `copies`: the normalised copies `specfirst build` made of this document (normalized-file.ts),
 * when the caller has them; else they are made here. `options`: how the validators are made
 * (validators.ts): who is told of unusable schemas, the validators `specfirst build` wrote, …
 */
export function prepareValidation(document: Document, copies: NormalizedCopies = normalizedCopies(document), options: Omit<ValidatorOptions, 'unknownFormats'> = {}): PreparedValidation {
  const { requestDoc, responseDoc, changes, unknownFormats } = copies;
  return {
    requestDoc,
    responseDoc,
    extraQueryNames: queryCredentialNames(document),
    validators: createValidatorSet(requestDoc, responseDoc, { ...options, unknownFormats }),
    changes,
    unknownFormats,
  };
}

/** The validator's copies of the document: normalised, then as requests and as responses see it. */
export function normalizedCopies(document: Document): NormalizedCopies {
  const normalized = normalizeForValidator(document);
  return {
    requestDoc: forDirection(normalized.document, 'request'),
    responseDoc: forDirection(normalized.document, 'response'),
    changes: normalized.changes,
    unknownFormats: unknownFormatsIn(normalized.document),
  };
}

/**
 * Every contract problem of a document: each operation's validators compiled exactly as the
 * server compiles them, failures narrowed to their smallest schema. `operations` name the
 * operations as the generated code does (their handler names). `ctx`: the validation already
 * prepared for the document, when the caller has it (lint shares it with the example check).
 */
export function findContractProblems(
  document: Document,
  operations: readonly { name: string; path: string; method: string }[],
  ctx: PreparedValidation = prepareValidation(document),
): ContractProblem[] {
  const found: Parameters<typeof mergeProblems>[0] = [];
  for (const op of operations) {
    try {
      compileOperation(ctx.validators, ctx.requestDoc, shapeOf(ctx, op.path, op.method));
    } catch (error) {
      if (!(error instanceof OperationCompileError)) throw error;
      for (const place of locate(ctx, error)) found.push({ ...place, operation: op.name });
    }
  }
  ctx.validators.makeAll();
  const unusable = [...ctx.validators.unusable].map(([ref, message]) => ({ pointer: ref.slice(1), at: ref.slice(1), message, operations: [] as string[] }));
  return [...unusable, ...mergeProblems(found)];
}
