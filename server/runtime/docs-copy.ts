// What the docs viewers read: the contract as /openapi.json serves it, with what a viewer leaves
// out written where it shows text. Swagger UI 5.35 and Redoc 2.5 parse OpenAPI 3.2's security
// fields (`oauth2MetadataUrl`, the device authorization flow, `deprecated`) without showing them,
// so each goes into its scheme's description; Redoc renders only seven methods, so its copy lists
// the operations it leaves out (`query`, `trace`, `additionalOperations`) in the API's description.
// Never changes what /openapi.json serves: tools read the contract as written. Pure.
import type { Document } from './contract/document.js';
import { operationsOf } from './contract/methods.js';

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The copy Swagger UI reads; the same object when there is nothing to add. */
export function forSwaggerUi(doc: Document): Document {
  return withSecurityNotes(doc);
}

/** The copy Redoc reads; the same object when there is nothing to add. */
export function forRedoc(doc: Document): Document {
  const noted = withSecurityNotes(doc);
  // Redoc shows security schemes only where the description asks for them: it is asked to, so the notes are seen.
  const described = noted === doc ? noted : withDescription(noted, `# Authentication\n\n${REDOC_SECURITY}`, REDOC_SECURITY);
  return withHiddenOperations(described);
}

const REDOC_SECURITY = '<!-- ReDoc-Inject: <security-definitions> -->';

/** `text` appended to the API's description, unless it holds `unless` already. */
function withDescription(doc: Document, text: string, unless = text): Document {
  const before = (doc.info as { description?: unknown }).description;
  if (typeof before === 'string' && before.includes(unless)) return doc;
  const description = typeof before === 'string' && before !== '' ? `${before}\n\n${text}` : text;
  return { ...doc, info: { ...doc.info, description } as Document['info'] };
}

/** The methods Redoc 2.5 renders (its own list: not `trace`, not `query`). */
const REDOC_METHODS = new Set(['get', 'post', 'put', 'head', 'patch', 'delete', 'options']);

function withHiddenOperations(doc: Document): Document {
  const hidden: string[] = [];
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    if (!isObject(item)) continue;
    for (const { method, operation } of operationsOf(item)) {
      if (REDOC_METHODS.has(method)) continue;
      const op = isObject(operation) ? operation : {};
      const about = [op.operationId, op.summary].filter((s): s is string => typeof s === 'string').join(': ');
      hidden.push(`- \`${method.toUpperCase()} ${path}\`${about ? ` — ${about}` : ''}`);
    }
  }
  if (hidden.length === 0) return doc;
  return withDescription(doc, ['# Operations this page does not show', '', 'Redoc shows GET, POST, PUT, PATCH, DELETE, HEAD and OPTIONS only. The contract has these too (Swagger UI, at /docs, shows them):', '', ...hidden].join('\n'));
}

function withSecurityNotes(doc: Document): Document {
  const schemes = doc.components?.securitySchemes;
  if (!isObject(schemes)) return doc;
  let changed: Json | null = null;
  for (const [name, scheme] of Object.entries(schemes)) {
    if (!isObject(scheme)) continue;
    const notes = securityNotes(scheme);
    if (notes.length === 0) continue;
    changed ??= { ...schemes };
    const description = [typeof scheme.description === 'string' ? scheme.description : '', ...notes].filter(Boolean).join('\n\n');
    changed[name] = { ...scheme, description };
  }
  if (!changed) return doc;
  return { ...doc, components: { ...doc.components, securitySchemes: changed } };
}

/** The 3.2 fields of a Security Scheme Object, as sentences. */
function securityNotes(scheme: Json): string[] {
  const notes: string[] = [];
  if (scheme.deprecated === true) notes.push('**Deprecated**: this scheme is kept for existing clients; use another one.');
  if (typeof scheme.oauth2MetadataUrl === 'string') notes.push(`OAuth 2.0 authorization server metadata: ${scheme.oauth2MetadataUrl}`);
  const device = isObject(scheme.flows) ? scheme.flows.deviceAuthorization : undefined;
  if (isObject(device)) {
    const scopes = isObject(device.scopes) ? Object.keys(device.scopes) : [];
    const parts = [
      typeof device.deviceAuthorizationUrl === 'string' ? `device authorization URL ${device.deviceAuthorizationUrl}` : '',
      typeof device.tokenUrl === 'string' ? `token URL ${device.tokenUrl}` : '',
      scopes.length > 0 ? `scopes ${scopes.map((s) => `\`${s}\``).join(', ')}` : '',
    ].filter(Boolean);
    notes.push(`OAuth 2.0 device authorization flow${parts.length > 0 ? `: ${parts.join('; ')}` : ''}.`);
  }
  return notes;
}
