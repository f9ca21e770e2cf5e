// oasdiff's rule ids → specfirst's (test/unit/diff/oasdiff.test.ts). Ids not listed are the same in
// both. Several oasdiff ids can map to one of ours (oasdiff splits by "with a default"), and one
// of oasdiff's to several of ours (we split by what specfirst's server does).
export const OASDIFF_TO_SPECFIRST: Record<string, string[]> = {
  'new-required-request-parameter': ['request-parameter-added-required'],
  'new-optional-request-parameter': ['request-parameter-added-optional'],
  'new-request-path-parameter': ['request-path-parameter-added'],
  'new-required-request-default-parameter-to-existing-path': ['request-parameter-added-required'],
  'new-optional-request-default-parameter-to-existing-path': ['request-parameter-added-optional'],
  'new-required-request-property': ['request-property-added-required'],
  'new-required-request-property-with-default': ['request-property-added-required'],
  'new-optional-request-property': ['request-property-added-optional'],
  'new-required-request-header-property': ['request-parameter-property-added-required'],
  'request-property-became-required-with-default': ['request-property-became-required'],
  'request-header-property-became-required': ['request-parameter-property-became-required'],
  'request-header-property-became-enum': ['request-parameter-property-became-enum'],
  'request-parameter-removed': ['request-parameter-removed', 'request-query-parameter-removed'],
  'required-response-header-removed': ['response-header-removed-required'],
  'optional-response-header-removed': ['response-header-removed-optional'],
  'response-required-property-removed': ['response-property-removed-required'],
  'response-optional-property-removed': ['response-property-removed'],
  'request-property-removed': ['request-property-removed', 'request-property-removed-now-refused'],
  'api-security-added': ['security-requirement-added'],
  'api-global-security-added': ['security-requirement-added'],
  'api-security-removed': ['security-requirement-removed'],
  'api-global-security-removed': ['security-requirement-removed'],
  'api-security-scope-added': ['security-scope-added'],
  'api-global-security-scope-added': ['security-scope-added'],
  'api-security-scope-removed': ['security-scope-removed'],
  'api-global-security-scope-removed': ['security-scope-removed'],
  'api-security-component-type-changed': ['security-scheme-changed'],
  'sunset-deleted': ['api-sunset-deleted'],
  'api-sunset-date-changed-too-small': ['api-sunset-date-earlier'],
  'api-operation-id-removed': ['operation-id-changed'],
  'api-operation-id-added': ['operation-id-added'],
  'response-media-type-name-generalized': ['response-media-type-removed'],
  'response-media-type-name-changed': ['response-media-type-removed'],
  'response-media-type-name-specialized': ['response-media-type-removed'],
  'request-body-media-type-schema-added': ['request-body-type-specialized'],
  'endpoint-deprecated-with-sunset': ['endpoint-deprecated'],
  'api-deprecated-sunset-parse': ['api-sunset-invalid'],
  'api-path-sunset-parse': ['api-sunset-invalid'],
  'api-invalid-stability-level': ['api-stability-invalid', 'request-property-stability-invalid', 'response-property-stability-invalid'],
  'request-parameter-sunset-parse': ['request-parameter-sunset-invalid'],
  'request-parameter-sunset-date-changed-too-small': ['request-parameter-sunset-date-earlier'],
};

// oasdiff calls every narrowing of a request type `…-type-changed` (and `…-type-specialized` for a
// parameter's property), every widening of a response type `…-type-changed` or `-generalized`;
// specfirst says which of changed / specialized / generalized / list narrowed / list widened it is.
for (const prefix of ['request-body', 'request-property', 'request-parameter', 'request-parameter-property']) {
  for (const theirs of ['type-changed', 'type-specialized']) {
    OASDIFF_TO_SPECFIRST[`${prefix}-${theirs}`] = [`${prefix}-type-changed`, `${prefix}-type-specialized`, `${prefix}-list-of-types-narrowed`];
  }
}
for (const prefix of ['response-body', 'response-property', 'response-header', 'response-header-property']) {
  for (const theirs of ['type-changed', 'type-generalized']) {
    OASDIFF_TO_SPECFIRST[`${prefix}-${theirs}`] = [`${prefix}-type-changed`, `${prefix}-type-generalized`, `${prefix}-list-of-types-widened`];
  }
}

export function specfirstIds(oasdiffId: string): string[] {
  return OASDIFF_TO_SPECFIRST[oasdiffId] ?? [oasdiffId];
}

/** Our id → the oasdiff ids it stands for. */
export function oasdiffIds(specfirstId: string): string[] {
  const mapped = Object.entries(OASDIFF_TO_SPECFIRST)
    .filter(([, ours]) => ours.includes(specfirstId))
    .map(([theirs]) => theirs);
  return Object.hasOwn(OASDIFF_TO_SPECFIRST, specfirstId) ? mapped : [specfirstId, ...mapped];
}
