import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import { AppError } from '../kernel/index.ts';
import { publicAccess, setScopeAccess } from './access.ts';

/**
 * Serves the built console. Client-side routes (`/inbox`, `/invite/…`) get index.html;
 * unknown API paths get a JSON 404.
 */
export async function registerConsole(app: FastifyInstance, consoleDir: string): Promise<void> {
  const indexFile = join(consoleDir, 'index.html');
  const built = existsSync(indexFile);
  if (built) {
    // The plugin makes one route per file and takes no route config: the scope declares them public.
    await app.register(async (files) => {
      setScopeAccess(files, publicAccess);
      await files.register(fastifyStatic, { root: consoleDir, prefix: '/', wildcard: false, index: false, maxAge: '1h', immutable: false });
    });
  }
  const page = built ? readFileSync(indexFile, 'utf8') : notBuiltPage;

  // The not-found handler is no route: it identifies nobody and changes nothing (authenticate.ts).
  app.setNotFoundHandler(async (request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    const isPage = request.method === 'GET' && !/^\/(api|hooks|assets)\//.test(path) && !path.includes('.');
    if (!isPage) throw new AppError('request.not_found', `No route for ${request.method} ${path}`);
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(page);
  });
}

const notBuiltPage = `<!doctype html><html lang="fr"><meta charset="utf-8"><title>Relais</title>
<p>La console n'est pas construite : lancez <code>npm run build:console</code>.</p>
<p>The console is not built: run <code>npm run build:console</code>.</p></html>`;
