// Takes a scheme's credential out of the request: an API key from its header, query parameter or
// cookie; Basic user and password; a bearer token. Never logs or echoes what it finds.
import type { Request } from 'express';
import type { SecuritySchemeBinding } from './api.js';

/** The credential, `null` when the request carries none for this scheme, or `malformed`. */
export type Extracted = Record<string, unknown> | null | 'malformed';

export function extractCredential(req: Request, scheme: SecuritySchemeBinding): Extracted {
  switch (scheme.type) {
    case 'apiKey':
      return apiKey(req, scheme);
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

function apiKey(req: Request, scheme: SecuritySchemeBinding): Extracted {
  const name = scheme.name ?? '';
  const raw =
    scheme.in === 'query' ? (req.query as Record<string, unknown>)[name] : scheme.in === 'cookie' ? (req.cookies as Record<string, unknown> | undefined)?.[name] : req.headers[name.toLowerCase()];
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (value === undefined || value === null) return null;
  return typeof value === 'string' && value.length > 0 ? { value } : 'malformed';
}

/** `Authorization: <scheme> <rest>` when the scheme matches (case-insensitively), else null. */
function authorization(req: Request, scheme: string): string | null | 'malformed' {
  const header = req.headers.authorization;
  if (!header) return null;
  const [given = '', ...rest] = header.trim().split(/\s+/);
  if (given.toLowerCase() !== scheme.toLowerCase()) return null;
  const value = rest.join(' ');
  return value.length > 0 ? value : 'malformed';
}

function basic(req: Request): Extracted {
  const encoded = authorization(req, 'basic');
  if (encoded === null || encoded === 'malformed') return encoded;
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(encoded)) return 'malformed';
  const decoded = Buffer.from(encoded, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? 'malformed' : { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

function bearer(req: Request): Extracted {
  const token = authorization(req, 'bearer');
  if (token === null || token === 'malformed') return token;
  return /^[A-Za-z0-9\-._~+/]+=*$/.test(token) ? { token } : 'malformed';
}

function otherHttp(req: Request, scheme: string): Extracted {
  const value = authorization(req, scheme);
  return value === null || value === 'malformed' ? value : { value };
}
