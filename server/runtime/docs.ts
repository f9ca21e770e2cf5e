// Self-hosted API docs, like FastAPI's: the bundled contract at /openapi.json and /openapi.yaml
// (and /openapi/<name>.json per API), Swagger UI at /docs, Redoc at /redoc. Every asset comes from
// node_modules (swagger-ui-dist, redoc): no CDN, so the docs work offline.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import express, { type Router } from 'express';
import { stringify } from 'yaml';
import type { Document } from './contract.js';

const require = createRequire(import.meta.url);
const SWAGGER_UI_DIR = dirname(require.resolve('swagger-ui-dist/package.json'));
const REDOC_BUNDLE = require.resolve('redoc/bundles/redoc.standalone.js');

/**
 * Redoc's sidebar shows a Redocly logo loaded from cdn.redoc.ly, with no option to turn it off;
 * the bundle is served with that one URL replaced by an inline image so the page stays offline.
 */
const REDOC_CDN_LOGO = 'https://cdn.redoc.ly/redoc/logo-mini.svg';
const INLINE_LOGO = "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' width='1' height='1'/%3E";
let redocBundle: string | undefined;
const redocSource = (): string => (redocBundle ??= readFileSync(REDOC_BUNDLE, 'utf8').replaceAll(REDOC_CDN_LOGO, INLINE_LOGO));

/** The docs pages may load nothing from anywhere but this server (and inline data). */
const DOCS_CSP = [
  "default-src 'self'",
  "img-src 'self' data:",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "worker-src 'self' blob:",
  "connect-src 'self'",
].join('; ');

export interface DocsApi {
  name: string;
  title: string;
  document: Document;
  basePath: string;
}

export function docsRouter(apis: readonly DocsApi[]): Router {
  const router = express.Router();
  // Computed once: the documents do not change while the server runs.
  const served = apis.map((api) => ({ ...api, json: JSON.stringify(forThisServer(api.document, api.basePath)) }));
  const first = served[0];
  if (first) {
    router.get('/openapi.json', (_req, res) => void res.type('application/json').send(first.json));
    const yaml = stringify(JSON.parse(first.json));
    router.get('/openapi.yaml', (_req, res) => void res.type('application/yaml').send(yaml));
  }
  for (const api of served) {
    router.get(`/openapi/${api.name}.json`, (_req, res) => void res.type('application/json').send(api.json));
  }
  const urls = served.map((api) => ({ url: served.length === 1 ? 'openapi.json' : `openapi/${api.name}.json`, name: api.title }));
  const title = served.length === 1 ? first!.title : 'API docs';
  router.use('/docs/assets', express.static(SWAGGER_UI_DIR, { index: false, maxAge: '1h' }));
  router.get('/docs', (_req, res) => void res.type('html').set('Content-Security-Policy', DOCS_CSP).send(swaggerPage(title)));
  router.get('/docs/init.js', (_req, res) => void res.type('text/javascript').send(swaggerInit(urls)));
  router.get('/redoc/redoc.standalone.js', (_req, res) => void res.type('text/javascript').set('Cache-Control', 'public, max-age=3600').send(redocSource()));
  router.get('/redoc', (_req, res) => void res.type('html').set('Content-Security-Policy', DOCS_CSP).send(redocPage(title, urls[0]?.url ?? 'openapi.json')));
  return router;
}

/**
 * The contract's own `servers` stay, after a relative one for the server that serves the docs,
 * so "Try it out" calls this server whatever host and port it runs on.
 */
function forThisServer(doc: Document, basePath: string): Document {
  const here = { url: basePath || '/', description: 'This server' };
  const others = (doc.servers ?? []).filter((s) => s.url !== here.url);
  return { ...doc, servers: [here, ...others] };
}

const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function swaggerPage(title: string): string {
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${escapeHtml(title)} – Swagger UI</title>
  <link rel="stylesheet" href="/docs/assets/swagger-ui.css">
  <link rel="icon" type="image/png" href="/docs/assets/favicon-32x32.png">
</head>
<body>
  <div id="swagger-ui"></div>
  <script src="/docs/assets/swagger-ui-bundle.js"></script>
  <script src="/docs/assets/swagger-ui-standalone-preset.js"></script>
  <script src="/docs/init.js"></script>
</body>
</html>
`;
}

function swaggerInit(urls: { url: string; name: string }[]): string {
  const source = urls.length === 1 ? { url: `/${urls[0]!.url}` } : { urls: urls.map((u) => ({ ...u, url: `/${u.url}` })) };
  const config = {
    ...source,
    dom_id: '#swagger-ui',
    deepLinking: true,
    // null: never send the contract to the public validator badge service.
    validatorUrl: null,
    layout: urls.length === 1 ? 'BaseLayout' : 'StandaloneLayout',
  };
  return `window.ui = SwaggerUIBundle(Object.assign(${JSON.stringify(config)}, {
  presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
}));
`;
}

function redocPage(title: string, specUrl: string): string {
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${escapeHtml(title)} – ReDoc</title>
  <link rel="icon" type="image/png" href="/docs/assets/favicon-32x32.png">
  <style>body { margin: 0; padding: 0; }</style>
</head>
<body>
  <redoc spec-url="/${escapeHtml(specUrl)}"></redoc>
  <script src="/redoc/redoc.standalone.js"></script>
</body>
</html>
`;
}
