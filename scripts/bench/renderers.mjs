/**
 * Serves Redoc, Scalar and Swagger UI (their npm packages' browser bundles) rendering our OpenAPI
 * document, gzip-compressed like our own pages, so the bench can measure them beside ours.
 */
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const file = (spec) => readFileSync(require.resolve(spec));
// Scalar does not export its browser bundle; read it from the package folder.
const scalarBundle = () => readFileSync(join(dirname(require.resolve('@scalar/api-reference')), 'browser', 'standalone.js'));

export function startRenderers(documentPath) {
  const assets = {
    '/openapi.json': ['application/json', readFileSync(documentPath)],
    '/redoc.js': ['text/javascript', file('redoc/bundles/redoc.standalone.js')],
    '/scalar.js': ['text/javascript', scalarBundle()],
    '/swagger.js': ['text/javascript', file('swagger-ui-dist/swagger-ui-bundle.js')],
    '/swagger.css': ['text/css', file('swagger-ui-dist/swagger-ui.css')],
    '/redoc': ['text/html', Buffer.from('<!doctype html><html><head><meta charset="utf-8"><title>Redoc</title></head><body><redoc spec-url="/openapi.json"></redoc><script src="/redoc.js"></script></body></html>')],
    '/scalar': ['text/html', Buffer.from('<!doctype html><html><head><meta charset="utf-8"><title>Scalar</title></head><body><script id="api-reference" data-url="/openapi.json"></script><script src="/scalar.js"></script></body></html>')],
    '/swagger': [
      'text/html',
      Buffer.from(
        '<!doctype html><html><head><meta charset="utf-8"><title>Swagger UI</title><link rel="stylesheet" href="/swagger.css"></head><body><div id="ui"></div><script src="/swagger.js"></script><script>SwaggerUIBundle({url:"/openapi.json",dom_id:"#ui"})</script></body></html>',
      ),
    ],
  };
  const gz = new Map(Object.entries(assets).map(([k, [, body]]) => [k, gzipSync(body)]));
  const server = createServer((req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    const asset = assets[path];
    if (!asset) return res.writeHead(404).end();
    res.writeHead(200, { 'Content-Type': asset[0], 'Content-Encoding': 'gzip', 'Cache-Control': 'no-store' });
    res.end(gz.get(path));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, origin: `http://127.0.0.1:${server.address().port}` })));
}
