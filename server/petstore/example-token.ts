// THE EXAMPLE'S TOKENS: the petstore's bearer tokens are HS256 JWTs signed with a shared secret
// (PETSTORE_JWT_SECRET, or a fixed example value). `npm run example:token [SCOPES...]` prints one.
// jose is imported where a token is signed: the server imports this file for the secret and the
// issuer, and should not load a JWT library at start-up for them.

export const EXAMPLE_ISSUER = "specfirst-example";

export function exampleSecret(): string {
  return process.env.PETSTORE_JWT_SECRET ?? "specfirst-example-secret-change-me-0123456789";
}

/** A token for `subject` with `scopes`, valid for an hour. */
export async function exampleToken(scopes: string[], subject = "example-user"): Promise<string> {
  const { SignJWT } = await import("jose");
  return new SignJWT({ scope: scopes.join(" ") })
    .setProtectedHeader({ alg: "HS256" })
    .setIssuer(EXAMPLE_ISSUER)
    .setSubject(subject)
    .setIssuedAt()
    .setExpirationTime("1h")
    .sign(new TextEncoder().encode(exampleSecret()));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const scopes = process.argv.slice(2);
  console.log(await exampleToken(scopes.length > 0 ? scopes : ["pets:write"]));
}
