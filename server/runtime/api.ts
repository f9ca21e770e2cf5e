// What the runtime needs from a generated API (server/<api>/generated/routes.ts exports `api` in
// this shape). Defined here, structurally, so generated code never imports the runtime and can
// live anywhere (specfirst generate --out DIR).
import type { HttpMethod } from './contract/methods.js';

export type { HttpMethod };

export interface RouteBinding {
  /** The handler's name. */
  operation: string;
  method: HttpMethod;
  /** The OpenAPI path template, e.g. `/pets/{petId}`. */
  path: string;
  /** The same path in Express 5 syntax, e.g. `/pets/:petId`. */
  expressPath: string;
  /** Names of the declared parameters, by location, as the contract spells them. */
  parameters: { path: readonly string[]; query: readonly string[]; header: readonly string[]; cookie: readonly string[] };
  requestMediaTypes: readonly string[];
  /** The security that applies (OR of requirement objects; AND inside one); null when none. */
  security: readonly Readonly<Record<string, readonly string[]>>[] | null;
  /** Declared responses: status key (`200`, `2XX`, `default`) → media types. */
  responses: Readonly<Record<string, readonly string[]>>;
  // The handler's request type is specific to the operation; the runtime builds it from the
  // validated request, so it is typed loosely here and strictly in generated/operations.ts.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  handler: (request: any, context: any) => unknown;
}

/** One entry of components/securitySchemes with the person's verifier for it. */
export interface SecuritySchemeBinding {
  type: 'apiKey' | 'http' | 'oauth2' | 'openIdConnect' | 'mutualTLS';
  in?: 'header' | 'query' | 'cookie';
  name?: string;
  scheme?: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  verify: (credential: any, required: { scopes: readonly string[] }, context: any) => unknown;
}

/** Turns a problem into the error body the contract declares for one media type (see error-format/). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ErrorFormatterFunction = (problem: any, target: any) => unknown;

export interface ApiDefinition {
  name: string;
  title: string;
  version: string;
  /** The bundled contract: a URL of its JSON file, or the document itself. */
  document: URL | object;
  securitySchemes: Readonly<Record<string, SecuritySchemeBinding>>;
  routes: readonly RouteBinding[];
  /**
   * server/<api>/errors.ts, when the contract declares its own body for errors the server produces
   * itself: one function per declared media type, problem in, that body out.
   */
  errorFormatter?: Readonly<Record<string, ErrorFormatterFunction>>;
}
