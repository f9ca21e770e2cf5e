// The type of a loaded OpenAPI document, apart from the loader so that the stages it calls
// (bundle) can name it without importing the loader back.
import type { OpenAPIV3, OpenAPIV3_1 } from 'openapi-types';

/** An OpenAPI 3.0 or 3.1 document as the loader returns it (bundled: only internal `$ref`s). */
export type OpenAPIDocument = OpenAPIV3.Document | OpenAPIV3_1.Document;
