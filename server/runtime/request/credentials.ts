// Takes a scheme's credential out of the request: an API key from its header, query parameter or
// cookie; Basic user and password; a bearer token. Never logs or echoes what it finds.
import type { IncomingMessage } from 'node:http';
import type { SecuritySchemeBinding } from '../api.js';
import { parseCookies } from './cookies.js';
import { parsePairs } from './query-string.js';

/** The credential, `null` when the request carries none for this scheme, or `malformed`. */
export type Extracted = Record<string, unknown> | null | 'malformed';

/** The request as credentials are read from it; query and cookies are parsed only if asked for. */
export class CredentialSource {
  #query: Record<string, string[]> | undefined;
  #cookies: Map<string, string> | undefined;
  constructor(
    readonly req: IncomingMessage,
    private readonly rawQuery: string,
  ) {}
  query(name: string): string | undefined {
    if (!this.#query) {
      try {
        this.#query = parsePairs(this.rawQuery, 'query');
      } catch {
        this.#query = Object.create(null) as Record<string, string[]>;
      }
    }
    return this.#query[name]?.[0];
  }
  cookie(name: string): string | undefined {
    this.#cookies ??= parseCookies(this.req.headers.cookie);
    return this.#cookies.get(name);
  }
}

export function extractCredential(source: CredentialSource, scheme: SecuritySchemeBinding): Extracted {
  const req = source.req;
  switch (scheme.type) {
    case 'apiKey':
      return apiKey(source, scheme);
    case 'http':
      return scheme.scheme === 'basic' ? basic(req) : scheme.scheme === 'bearer' ? bearer(req) : otherHttp(req, scheme.scheme ?? '');
    case 'oauth2':
    case 'openIdConnect':
      return bearer(req);
    case 'mutualTLS': {
      const socket = req.socket as { getPeerCertificate?: () => unknown };
      const certificate = socket.getPeerCertificate?.();
      return certificate && Object.keys(certificate).length > 0 ? { certificate } : null;
    }
  }
}

function apiKey(source: CredentialSource, scheme: SecuritySchemeBinding): Extracted {
  const name = scheme.name ?? '';
  const raw = scheme.in === 'query' ? source.query(name) : scheme.in === 'cookie' ? source.cookie(name) : source.req.headers[name.toLowerCase()];
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (value === undefined || value === null) return null;
  return typeof value === 'string' && value.length > 0 ? { value } : 'malformed';
}

/** `Authorization: <scheme> <rest>` when the scheme matches (case-insensitively), else null. */
function authorization(req: IncomingMessage, scheme: string): string | null | 'malformed' {
  const header = req.headers.authorization;
  if (!header) return null;
  const [given = '', ...rest] = header.trim().split(/\s+/);
  if (given.toLowerCase() !== scheme.toLowerCase()) return null;
  const value = rest.join(' ');
  return value.length > 0 ? value : 'malformed';
}

function basic(req: IncomingMessage): Extracted {
  const encoded = authorization(req, 'basic');
  if (encoded === null || encoded === 'malformed') return encoded;
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(encoded)) return 'malformed';
  const decoded = Buffer.from(encoded, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? 'malformed' : { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

function bearer(req: IncomingMessage): Extracted {
  const token = authorization(req, 'bearer');
  if (token === null || token === 'malformed') return token;
  return /^[A-Za-z0-9\-._~+/]+=*$/.test(token) ? { token } : 'malformed';
}

function otherHttp(req: IncomingMessage, scheme: string): Extracted {
  const value = authorization(req, scheme);
  return value === null || value === 'malformed' ? value : { value };
}
