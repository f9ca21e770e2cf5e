// Where specfirst's verdict and oasdiff's differ on purpose, reviewed one by one: `case|id` → why
// oasdiff's verdict does not apply to specfirst. `missed` are ERR-level changes oasdiff expects
// that specfirst does not report as breaking; `extra` are breaking changes specfirst reports on a
// pair oasdiff calls clean.
const READ_ONLY = 'the property is readOnly: a request that sends it is refused whatever its pattern, so a pattern on it refuses no request that was valid';
const NOT = "the change is inside `not`: tightening a schema under `not` lets more values through, never fewer; oasdiff judges it as if `not` were not there";
const PROPERTY_SUNSET = "oasdiff's deprecation policy (a deprecated property must carry a valid x-sunset date, --deprecation-days): a policy on how to deprecate, not a change that breaks a caller; specfirst has no such policy";

export const ALLOWED_MISSED: Record<string, string> = {
  'TestBreaking_AddPattern|request-property-pattern-added': READ_ONLY,
  'TestBreaking_AddPatternRecursive|request-property-pattern-added': READ_ONLY,
  'TestNotSubSchemaTraversalModifiedProperty|request-property-max-length-decreased': NOT,
  'TestNotSubSchemaTraversalAddedProperty|new-required-request-property': NOT,
  'TestRequestPropertyDeprecation_WithoutSunsetWithPolicy|request-property-deprecated-sunset-missing': PROPERTY_SUNSET,
  'TestRequestPropertyDeprecation_WithInvalidSunset|request-property-deprecated-sunset-invalid': PROPERTY_SUNSET,
  'TestResponsePropertyDeprecation_WithoutSunsetWithPolicy|response-property-deprecated-sunset-missing': PROPERTY_SUNSET,
  'TestResponsePropertyDeprecation_WithInvalidSunset|response-property-deprecated-sunset-invalid': PROPERTY_SUNSET,
  'TestTransitionClaims_RealChangeAlongsideTransitionStillReported|request-property-enum-value-removed':
    'the revision replaces `type: string, enum: [alpha, beta]` by `oneOf: [string, integer]`: alpha and beta are still accepted (every string is), so no request that was valid is refused; specfirst reports the widening (info)',
};

export const ALLOWED_EXTRA: Record<string, string> = {
  'TestBreaking_OperationID|operation-id-changed':
    'oasdiff calls a renamed operationId info; in specfirst the operationId names the handler, its request/response types and the generated client method, so renaming it breaks handlers and every caller of the client',
  'TestBreaking_RequestParameterMaxItemsWithoutFlatten|request-parameter-max-items-decreased':
    'the parameter is declared at the path level: oasdiff sees it only when told to flatten parameters (TestBreaking_RequestParameterMaxItemsWithFlatten, the same pair, expects this change); specfirst always applies path-level parameters to each operation, as OpenAPI says, and maxItems 20 → 10 refuses requests that were valid',
};
