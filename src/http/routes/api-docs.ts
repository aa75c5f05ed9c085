import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { RegisteredRoute } from '../contract-schemas.ts';
import { buildOpenApi } from '../openapi.ts';
import type { HttpDeps } from '../deps.ts';
import { allow, publicAccess } from '../access.ts';

// The reference page's renderer: swagger-ui-dist's standalone bundle, installed with Relais
// and served from here; the page loads nothing from elsewhere (docs/adr/0013).
const uiDir = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
const assets: Record<string, { file: string; type: string }> = {
  'swagger-ui.css': { file: 'swagger-ui.css', type: 'text/css; charset=utf-8' },
  'swagger-ui-bundle.js': { file: 'swagger-ui-bundle.js', type: 'text/javascript; charset=utf-8' },
};
const docsPolicy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

const page = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Relais API reference</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/api/docs/swagger-ui.css"></head>
<body><div id="reference"></div>
<script src="/api/docs/swagger-ui-bundle.js"></script>
<script src="/api/docs/start.js"></script></body></html>`;
const start = `window.SwaggerUIBundle({ url: '/api/v1/openapi.json', dom_id: '#reference', validatorUrl: null, deepLinking: true, tryItOutEnabled: false });`;

/** `GET /api/v1/openapi.json` (the document, public) and `/api/docs` (the reference page). */
export function apiDocsRoutes(app: FastifyInstance, deps: HttpDeps, routes: RegisteredRoute[]): void {
  let document: unknown;
  const open = allow(publicAccess);

  app.get('/api/v1/openapi.json', open, async () => {
    document ??= buildOpenApi(routes, { serverUrl: deps.config.publicUrl, version: '1' });
    return document;
  });
  app.get('/api/docs', open, async (_request, reply) => reply.type('text/html; charset=utf-8').header('content-security-policy', docsPolicy).send(page));
  app.get('/api/docs/start.js', open, async (_request, reply) => reply.type('text/javascript; charset=utf-8').send(start));
  app.get<{ Params: { asset: string } }>('/api/docs/:asset', open, async (request, reply) => {
    const asset = assets[request.params.asset];
    if (!asset) return reply.status(404).send({ error: { code: 'request.not_found', message: 'No such file' } });
    return reply.type(asset.type).send(await readFile(join(uiDir, asset.file)));
  });
}
