// The contract's own error bodies as the generator sees them: the runtime's rules
// (server/runtime/error-format/declarations.ts) over the bundled document, with the model's
// handler names, so generated types and run-time choices agree. Null when the contract declares
// problem+json or nothing for every error the server produces itself.
import type { Document } from '../../server/runtime/contract/document.js';
import { errorDeclarations, hasFormattedErrors, type ApiErrors } from '../../server/runtime/error-format/declarations.js';
import type { OpenAPIDocument } from '../contract/load.js';
import type { ApiModel } from './model.js';

export interface ContractErrors {
  document: Document;
  declarations: ApiErrors;
}

export function apiErrorsOf(document: OpenAPIDocument, model: ApiModel): ContractErrors | null {
  const names = new Map(model.operations.map((op) => [`${op.method} ${op.path}`, op.name]));
  const doc = document as unknown as Document;
  const declarations = errorDeclarations(doc, (path, method) => names.get(`${method} ${path}`) ?? `${method} ${path}`);
  return hasFormattedErrors(declarations) ? { document: doc, declarations } : null;
}
