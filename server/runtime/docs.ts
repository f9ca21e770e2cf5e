// Self-hosted API docs, like FastAPI's: the bundled contract at /openapi.json and /openapi.yaml
// (and /openapi/<name>.json per API), Swagger UI at /docs, Redoc at /redoc. Every asset comes from
// the installed packages (swagger-ui-dist; Redoc's one bundle file): no CDN, so the docs work offline.
// A viewer that leaves out something the contract says reads a copy with it written as text
// (docs-copy.ts), served beside its page; /openapi.json stays the contract.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type Router } from 'express';
import type { Document } from './contract/document.js';
import { forRedoc, forSwaggerUi } from './docs-copy.js';

const require = createRequire(import.meta.url);
/** yaml is loaded on the first /openapi.yaml request, not at start-up: most servers never get one. */
const yamlText = (value: unknown): string => (require('yaml') as typeof import('yaml')).stringify(value);
const SWAGGER_UI_DIR = dirname(require.resolve('swagger-ui-dist/package.json'));
/**
 * Redoc's one served file. The packed @specfirst/runtime carries a copy (dist/assets, made when it is
 * packed) so that a production install has no Redoc sources, React or their build tools; from a
 * checkout of the repository the file is redoc's own. Found when first served, not at import.
 */
const PACKED_REDOC = fileURLToPath(new URL('./assets/redoc.standalone.js', import.meta.url));
const redocBundle = (): string => (existsSync(PACKED_REDOC) ? PACKED_REDOC : require.resolve('redoc/bundles/redoc.standalone.js'));

/**
 * Redoc's sidebar shows a Redocly logo loaded from cdn.redoc.ly, with no option to turn it off;
 * the bundle is served with that one URL replaced by an inline image so the page stays offline.
 */
const REDOC_CDN_LOGO = 'https://cdn.redoc.ly/redoc/logo-mini.svg';
const INLINE_LOGO = "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' width='1' height='1'/%3E";
let redocText: string | undefined;
const redocSource = (): string => (redocText ??= readFileSync(redocBundle(), 'utf8').replaceAll(REDOC_CDN_LOGO, INLINE_LOGO));

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
  const title = apis.length === 1 ? apis[0]!.title : 'API docs';
  // Everything below depends only on where the router is mounted (req.baseUrl): computed once per
  // mount path, never per request.
  const forBase = memo((base: string) => {
    const served = apis.map((api) => {
      const document = forThisServer(api.document, base + api.basePath);
      const forSwagger = forSwaggerUi(document);
      return { ...api, document, json: JSON.stringify(document), swaggerJson: forSwagger === document ? null : JSON.stringify(forSwagger) };
    });
    const own = (api: { name: string }) => (served.length === 1 ? 'openapi.json' : `openapi/${api.name}.json`);
    const urls = served.map((api) => ({ url: `${base}${api.swaggerJson === null ? '' : '/docs'}/${own(api)}`, name: api.title }));
    let yaml: string | undefined;
    // Redoc shows one API: the first, as before.
    const first = served[0]?.document;
    const forRedocDocument = first ? forRedoc(first) : first;
    const redocJson = forRedocDocument === first ? null : JSON.stringify(forRedocDocument);
    return {
      served,
      yaml: () => (yaml ??= served[0] ? yamlText(JSON.parse(served[0].json)) : ''),
      redocJson,
      swaggerPage: swaggerPage(title, base),
      swaggerInit: swaggerInit(urls),
      redocPage: redocPage(title, base, redocJson === null ? `${base}/${served[0] ? own(served[0]) : 'openapi.json'}` : `${base}/redoc/openapi.json`),
    };
  });
  if (apis.length > 0) {
    router.get('/openapi.json', (req, res) => void res.type('application/json').send(forBase(req.baseUrl).served[0]!.json));
    router.get('/openapi.yaml', (req, res) => void res.type('application/yaml').send(forBase(req.baseUrl).yaml()));
  }
  apis.forEach((api, i) => {
    router.get(`/openapi/${api.name}.json`, (req, res) => void res.type('application/json').send(forBase(req.baseUrl).served[i]!.json));
  });
  // The viewers' copies, when they differ from the contract (docs-copy.ts).
  const viewerCopy = (json: string | null, res: express.Response, next: express.NextFunction) => (json === null ? next() : void res.type('application/json').send(json));
  apis.forEach((api, i) => {
    router.get(`/docs/${apis.length === 1 ? 'openapi.json' : `openapi/${api.name}.json`}`, (req, res, next) => viewerCopy(forBase(req.baseUrl).served[i]!.swaggerJson, res, next));
  });
  router.get('/redoc/openapi.json', (req, res, next) => viewerCopy(forBase(req.baseUrl).redocJson, res, next));
  router.use('/docs/assets', express.static(SWAGGER_UI_DIR, { index: false, maxAge: '1h' }));
  router.get('/docs', (req, res) => void res.type('html').set('Content-Security-Policy', DOCS_CSP).send(forBase(req.baseUrl).swaggerPage));
  router.get('/docs/init.js', (req, res) => void res.type('text/javascript').send(forBase(req.baseUrl).swaggerInit));
  router.get('/redoc/redoc.standalone.js', (_req, res) => void res.type('text/javascript').set('Cache-Control', 'public, max-age=3600').send(redocSource()));
  router.get('/redoc', (req, res) => void res.type('html').set('Content-Security-Policy', DOCS_CSP).send(forBase(req.baseUrl).redocPage));
  return router;
}

/** A cache of `make(key)` for the few keys there are (mount paths); bounded all the same. */
function memo<T>(make: (key: string) => T): (key: string) => T {
  const cache = new Map<string, T>();
  return (key) => {
    let value = cache.get(key);
    if (value === undefined) {
      if (cache.size >= 16) cache.clear();
      cache.set(key, (value = make(key)));
    }
    return value;
  };
}

/**
 * The contract's own `servers` stay, after a relative one for the server that serves the docs,
 * so "Try it out" calls this server whatever host, port and mount path it runs on.
 */
function forThisServer(doc: Document, path: string): Document {
  const here = { url: path || '/', description: 'This server' };
  const others = (doc.servers ?? []).filter((s) => s.url !== here.url);
  return { ...doc, servers: [here, ...others] };
}

const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function swaggerPage(title: string, base: string): string {
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${escapeHtml(title)} – Swagger UI</title>
  <link rel="stylesheet" href="${escapeHtml(base)}/docs/assets/swagger-ui.css">
  <link rel="icon" type="image/png" href="${escapeHtml(base)}/docs/assets/favicon-32x32.png">
</head>
<body>
  <div id="swagger-ui"></div>
  <script src="${escapeHtml(base)}/docs/assets/swagger-ui-bundle.js"></script>
  <script src="${escapeHtml(base)}/docs/assets/swagger-ui-standalone-preset.js"></script>
  <script src="${escapeHtml(base)}/docs/init.js"></script>
</body>
</html>
`;
}

function swaggerInit(urls: { url: string; name: string }[]): string {
  const source = urls.length === 1 ? { url: urls[0]!.url } : { urls };
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

function redocPage(title: string, base: string, specUrl: string): string {
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${escapeHtml(title)} – ReDoc</title>
  <link rel="icon" type="image/png" href="${escapeHtml(base)}/docs/assets/favicon-32x32.png">
  <style>body { margin: 0; padding: 0; }</style>
</head>
<body>
  <redoc spec-url="${escapeHtml(specUrl)}"></redoc>
  <script src="${escapeHtml(base)}/redoc/redoc.standalone.js"></script>
</body>
</html>
`;
}
