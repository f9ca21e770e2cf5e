// Rule `example`: the examples and defaults of the contract that the server's own validators
// refuse where the contract uses them (server/runtime/checked-examples.ts finds them, for lint,
// verify and the mocks alike), each once, at its file:line:col. A warning: examples are not
// normative; mocks and verify's requests use a generated value in their place.
import type { ErrorObject } from 'ajv';
import { invalidExamples } from '../../server/runtime/checked-examples.js';
import type { Document } from '../../server/runtime/contract/document.js';
import { schemaChecker } from '../../server/runtime/plan/schema-checker.js';
import type { PreparedValidation } from '../../server/runtime/plan/validator-context.js';
import type { Diagnostic, Finding } from '../contract/diagnostics.js';
import type { LoadedContract } from '../contract/load.js';
import { placeFindings } from '../contract/positions.js';

/** `validation`: the validators already prepared for this document, when the caller has them. */
export function exampleDiagnostics(contract: LoadedContract, validation?: PreparedValidation): Diagnostic[] {
  const doc = contract.document as unknown as Document;
  const findings: Finding[] = invalidExamples(doc, schemaChecker(validation ?? doc)).map((f) => ({
    ...contract.locate(f.pointer),
    severity: 'warning',
    rule: 'example',
    message: `the ${f.kind} of ${f.label} does not match its schema (${describeErrors(f.errors)})`,
    hint: `mocks and verify use a generated value instead; fix the ${f.kind} or the schema`,
  }));
  return placeFindings(contract.sources, findings);
}

function describeErrors(errors: readonly ErrorObject[]): string {
  const shown = errors.filter((e) => !['anyOf', 'oneOf', 'if'].includes(e.keyword)).slice(0, 2);
  return (shown.length > 0 ? shown : errors.slice(0, 1)).map((e) => `${e.instancePath || 'the value'} ${e.message ?? 'is invalid'}`).join('; ');
}
