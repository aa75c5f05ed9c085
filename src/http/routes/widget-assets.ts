import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { originAllowed } from '../../channels/index.ts';
import { loadWebchatChannel, readVisitorUpload } from '../../inbox/index.ts';
import { parseInput } from '../../kernel/index.ts';
import type { HttpDeps } from '../deps.ts';
import { allow, publicAccess } from '../access.ts';
import { fileParams, frameQuery } from './widget.validators.ts';

/** Where `scripts/build-widget.mjs` writes the loader and the frame's app. */
export const defaultWidgetDir = fileURLToPath(new URL('../../../web/widget/dist', import.meta.url));

const files: Record<string, { name: string; type: string }> = {
  '/widget.js': { name: 'widget.js', type: 'text/javascript; charset=utf-8' },
  '/widget/app.js': { name: 'app.js', type: 'text/javascript; charset=utf-8' },
  '/widget/app.css': { name: 'app.css', type: 'text/css; charset=utf-8' },
};

const framePage = `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Chat</title><link rel="stylesheet" href="/widget/app.css"><script src="/widget/app.js" defer></script></head>
<body></body></html>`;

/**
 * The loader, the frame page and its app, and visitors' attachments. The frame may be shown
 * only inside the channel's allowed origins (`frame-ancestors`), and loads nothing but itself.
 */
export function widgetAssetRoutes(app: FastifyInstance, deps: HttpDeps, widgetDir = defaultWidgetDir): void {
  for (const [path, file] of Object.entries(files)) {
    app.get(path, allow(publicAccess), async (_request, reply) => {
      const body = await readFile(join(widgetDir, file.name)).catch(() => null);
      if (!body) return reply.status(503).type('text/plain; charset=utf-8').send('The widget is not built: run node scripts/build-widget.mjs');
      // Shops embed the loader on every page: cache briefly so a fix reaches them the same day.
      return reply.type(file.type).header('cache-control', 'public, max-age=300').header('cross-origin-resource-policy', 'cross-origin').send(body);
    });
  }

  app.get('/widget/frame', allow(publicAccess), async (request, reply) => {
    const query = parseInput(frameQuery, request.query);
    const channel = await loadWebchatChannel(deps.store.db, query.channel);
    if (!originAllowed(channel.settings, query.origin)) {
      return refuse(reply, 'Ce site n’est pas autorisé à afficher ce chat. / This site may not show this chat.');
    }
    const host = request.headers.host ?? new URL(deps.config.publicUrl).host;
    const policy = [
      "default-src 'none'", "script-src 'self'", "style-src 'self'", "img-src 'self' blob: data:",
      `connect-src 'self' ws://${host} wss://${host}`, "base-uri 'none'", "form-action 'none'",
      `frame-ancestors ${channel.settings.allowedOrigins.join(' ')}`,
    ].join('; ');
    return reply.type('text/html; charset=utf-8').header('content-security-policy', policy).header('cache-control', 'no-store').send(framePage);
  });

  app.get('/widget/files/:id/:key', allow(publicAccess), async (request, reply) => {
    const params = parseInput(fileParams, request.params);
    const file = await readVisitorUpload(deps.store.db, params.id, params.key);
    const image = file.contentType.startsWith('image/');
    const name = encodeURIComponent(file.name);
    return reply.type(file.contentType)
      .header('content-disposition', `${image ? 'inline' : 'attachment'}; filename*=UTF-8''${name}`)
      .header('content-security-policy', "default-src 'none'; sandbox")
      .header('cross-origin-resource-policy', 'same-origin')
      .header('cache-control', 'private, max-age=86400')
      .send(file.bytes);
  });
}

function refuse(reply: FastifyReply, text: string) {
  return reply.status(403).type('text/plain; charset=utf-8').header('content-security-policy', "default-src 'none'; frame-ancestors 'none'").send(text);
}
