// "Is this value valid for the schema at this place of the contract?", answered by the server's
// own validators: the same normalised documents (one per direction), the same ajv instances, the
// same formats and readOnly/writeOnly keywords. Mocks, `specfirst verify` and `specfirst fuzz` ask
// it, so "valid" means one thing everywhere: what the running server accepts or sends.
// Never mutates the value it checks: only the body and response validators are used (no type
// coercion, no defaults filled in); parameter values are checked as the typed values they stand for.
import type { ErrorObject, ValidateFunction } from 'ajv';
import type { Document } from '../contract/document.js';
import { valueAt } from '../contract/pointer.js';
import type { Direction } from './direction.js';
import { prepareValidation } from './validator-context.js';
import type { ValidatorSet } from './validators.js';

export type { Direction };

/** What the checker is made of: the documents and validators of prepareValidation. */
export interface CheckerSources {
  requestDoc: Document;
  responseDoc: Document;
  validators: ValidatorSet;
}

export interface SchemaChecker {
  /** ajv's errors for `value` against the schema at `pointer` of the bundled document; empty when valid. */
  errors(direction: Direction, pointer: string, value: unknown): ErrorObject[];
  isValid(direction: Direction, pointer: string, value: unknown): boolean;
  /** The normalised copy of the contract the validators of `direction` read (no examples in it). */
  document(direction: Direction): Document;
}

/**
 * A bundled document (prepared here) or the server's already prepared validation (no second set
 * of validators). A schema the validators cannot compile, or a pointer that leads nowhere, checks
 * nothing: the runtime isolates such schemas as contract problems, and says so itself.
 */
export function schemaChecker(source: Document | CheckerSources): SchemaChecker {
  const { requestDoc, responseDoc, validators } = 'validators' in source && 'requestDoc' in source ? (source as CheckerSources) : prepareValidation(source as Document);
  const compiled = { request: new Map<string, ValidateFunction | null>(), response: new Map<string, ValidateFunction | null>() };
  const validatorAt = (direction: Direction, pointer: string): ValidateFunction | null => {
    const cache = compiled[direction];
    if (!cache.has(pointer)) {
      const schema = valueAt(direction === 'request' ? requestDoc : responseDoc, pointer);
      const ajv = direction === 'request' ? validators.body : validators.response;
      let validate: ValidateFunction | null = null;
      if (schema !== undefined && (typeof schema === 'boolean' || (typeof schema === 'object' && schema !== null))) {
        try {
          validate = ajv.compile(schema as object);
        } catch {
          validate = null;
        }
      }
      cache.set(pointer, validate);
    }
    return cache.get(pointer)!;
  };
  const errors = (direction: Direction, pointer: string, value: unknown): ErrorObject[] => {
    const validate = validatorAt(direction, pointer);
    if (!validate || validate(value)) return [];
    // A schema of `false` says no without saying why.
    return validate.errors?.length ? [...validate.errors] : [{ keyword: 'false', instancePath: '', schemaPath: '#', params: {}, message: 'is not allowed here' }];
  };
  return {
    errors,
    isValid: (direction, pointer, value) => errors(direction, pointer, value).length === 0,
    document: (direction) => (direction === 'request' ? requestDoc : responseDoc),
  };
}
