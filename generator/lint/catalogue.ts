// The catalogue of contract problems: every rule's name, how serious it is, and whether it stops
// generation. Only a problem that makes the generated code impossible stops it (nothing to read,
// a `$ref` to nothing, a contract openapi-typescript cannot convert even with every schema typed unknown); every other one is reported
// and the contract still generates, so that one bad schema or path never takes down the
// operations that do not use it. `specfirst lint --help` is written from this list.
import type { Diagnostic } from '../contract/diagnostics.js';

export interface Rule {
  name: string;
  /** `error` makes `specfirst lint` and `check` fail; some rules choose per problem. */
  severity: 'error' | 'warning' | 'warning or error';
  /** Nothing is generated while a problem of this rule is in the contract. */
  stopsGeneration: boolean;
  summary: string;
}

export const RULES: readonly Rule[] = [
  { name: 'yaml', severity: 'error', stopsGeneration: true, summary: 'a file is not valid YAML or JSON' },
  { name: 'load', severity: 'error', stopsGeneration: true, summary: 'the contract cannot be read, or is not OpenAPI 3.0/3.1/3.2' },
  { name: 'ref-object', severity: 'error', stopsGeneration: true, summary: 'a parameter, response, request body or path item given as a $ref that leads nowhere: its operation cannot be built' },
  { name: 'schema-types', severity: 'error', stopsGeneration: true, summary: 'openapi-typescript cannot convert the contract, even with every schema typed unknown (generate only)' },
  { name: 'duplicate-api-name', severity: 'error', stopsGeneration: true, summary: 'two contracts would generate the same server/<api>/ folder' },
  { name: 'schema', severity: 'error', stopsGeneration: false, summary: 'not valid for the OpenAPI schema of its version (3.1 and 3.2 schemas: JSON Schema 2020-12)' },
  { name: 'path-parameter-undeclared', severity: 'error', stopsGeneration: false, summary: '{name} in the path without a path parameter' },
  { name: 'path-parameter-unused', severity: 'error', stopsGeneration: false, summary: 'a path parameter that is not in the path' },
  { name: 'path-key-query', severity: 'error', stopsGeneration: false, summary: 'a path key with ? or # (no request path can match it)' },
  { name: 'identical-paths', severity: 'warning or error', stopsGeneration: false, summary: 'error: paths that differ only in template names (/a/{x}, /a/{y}); the first declared is served per method. warning: only a trailing slash apart' },
  { name: 'duplicate-operation-id', severity: 'error', stopsGeneration: false, summary: 'two operations share an operationId; one handler gets a numbered name' },
  { name: 'ref', severity: 'error', stopsGeneration: false, summary: 'a $ref that leads nowhere (at the $ref, in the file that holds it): the operations that reach it answer 500 naming it, every other one is served' },
  { name: 'schema-compile', severity: 'error', stopsGeneration: false, summary: "a schema the validator cannot compile: the operations that reach it answer 500 naming it, every other one is served" },
  { name: 'pattern', severity: 'warning or error', stopsGeneration: false, summary: 'warning: valid only without the u flag; error: not a regular expression' },
  { name: 'required-not-in-properties', severity: 'warning or error', stopsGeneration: false, summary: 'warning; an error when additionalProperties is false' },
  { name: 'operation-name-collision', severity: 'warning', stopsGeneration: false, summary: 'two operations would get one handler name; one is numbered' },
  { name: 'schema-name-collision', severity: 'warning', stopsGeneration: false, summary: 'two schema names give one type name in types.ts; one is numbered' },
  { name: 'missing-operation-id', severity: 'warning', stopsGeneration: false, summary: 'the handler gets a name derived from method + path' },
  { name: 'ref-through-ref', severity: 'warning', stopsGeneration: false, summary: 'a $ref whose pointer passes through another $ref: followed as swagger-parser does, other tools may not' },
  { name: 'ref-dropped', severity: 'warning', stopsGeneration: false, summary: 'a $ref in an example, description or link to nothing, or to a file that is not valid JSON/YAML: that value is left out' },
  { name: 'ref-not-allowed', severity: 'warning', stopsGeneration: false, summary: 'a $ref where OpenAPI allows none (an operation…); followed anyway' },
  { name: 'dialect-keyword', severity: 'warning', stopsGeneration: false, summary: '3.0 keywords (nullable) in 3.1/3.2, 3.1 ones (const, type lists…) in 3.0' },
  { name: 'empty-enum', severity: 'warning', stopsGeneration: false, summary: 'enum: [] allows no value' },
  { name: 'oneof-catch-all', severity: 'warning', stopsGeneration: false, summary: 'a oneOf member that accepts every value (of its type): values of the other members match two and are rejected' },
  { name: 'object-without-type', severity: 'warning', stopsGeneration: false, summary: 'properties without type: specfirst treats it as type: object (as the generated type says), refusing other values' },
  { name: 'example', severity: 'warning', stopsGeneration: false, summary: "an example or default its schema rejects where it is used (the server's validators judge): mocks and verify use a generated value" },
  { name: 'json-response-without-schema', severity: 'warning', stopsGeneration: false, summary: 'nothing to type or validate' },
  { name: 'unused-component', severity: 'warning', stopsGeneration: false, summary: 'a component nothing refers to' },
  { name: 'type-fallback', severity: 'warning', stopsGeneration: false, summary: 'a schema openapi-typescript cannot convert, or whose type does not compile, is typed unknown (generate only)' },
  { name: 'error-formatter-missing', severity: 'warning', stopsGeneration: false, summary: 'the contract declares its own error bodies and server/<api>/errors.ts is missing' },
];

const BY_NAME = new Map(RULES.map((r) => [r.name, r]));

/** True when this problem leaves nothing that could be generated. */
export function stopsGeneration(d: Diagnostic): boolean {
  return d.severity === 'error' && BY_NAME.get(d.rule)?.stopsGeneration === true;
}

export function blocksGeneration(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some(stopsGeneration);
}

/** The rules as `specfirst lint --help` lists them. */
export function rulesHelp(): string {
  const width = Math.max(...RULES.map((r) => r.name.length)) + 2;
  // Errors are the default; a rule that may be either says so in its summary.
  const line = (r: Rule): string => `  ${r.name.padEnd(width)}${r.severity === 'warning' ? 'warning: ' : ''}${r.summary}`;
  return [
    'Stop generation (nothing is written until they are fixed):',
    ...RULES.filter((r) => r.stopsGeneration).map(line),
    'Reported, and the contract still generates (lint and check fail on errors):',
    ...RULES.filter((r) => !r.stopsGeneration).map(line),
  ].join('\n');
}
