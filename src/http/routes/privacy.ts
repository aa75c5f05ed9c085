import type { FastifyInstance } from 'fastify';
import { eraseContact, exportContact, getPrivacyExport, listPrivacyExports, retentionSettings, saveRetentionSettings, type PrivacyActor, type PrivacyDeps } from '../../privacy/index.ts';
import { parseInput } from '../../kernel/index.ts';
import type { HttpDeps } from '../deps.ts';
import { allow, needs } from '../access.ts';
import { callerOf } from '../authenticate.ts';
import { contactParam, eraseBody } from '../../contracts/index.ts';

/** GDPR actions for admins: export or erase a contact, and the stored exports (shop requests included). */
export function privacyRoutes(app: FastifyInstance, deps: HttpDeps): void {
  const admin = allow(needs('privacy.manage'));
  const privacy = (): PrivacyDeps => ({ db: deps.store.db, dialect: deps.store.dialect, clock: deps.inbox.clock, queue: deps.queue, logger: deps.logger, bus: deps.bus });
  const actor = (request: Parameters<typeof callerOf>[0]): PrivacyActor => {
    const caller = callerOf(request);
    return { via: caller.via, userId: caller.userId, tokenId: caller.tokenId };
  };
  const download = (reply: { header(name: string, value: string): unknown }, name: string) => {
    reply.header('content-disposition', `attachment; filename="${name}.json"`);
  };

  app.post('/api/v1/contacts/:id/export', admin, async (request, reply) => {
    const { id } = parseInput(contactParam, request.params);
    const result = await exportContact(privacy(), callerOf(request).workspaceId, actor(request), id, request.ip ?? null);
    download(reply, `relais-export-${result.id}`);
    reply.header('x-relais-export-id', result.id);
    return result.data;
  });

  app.post('/api/v1/contacts/:id/erase', admin, async (request) => {
    const { id } = parseInput(contactParam, request.params);
    parseInput(eraseBody, request.body);
    return eraseContact(privacy(), callerOf(request).workspaceId, actor(request), id, request.ip ?? null);
  });

  // How long conversations, files and raw deliveries are kept (null: for ever).
  app.get('/api/v1/privacy/retention', admin, async (request) => retentionSettings(privacy(), callerOf(request).workspaceId));
  app.put('/api/v1/privacy/retention', admin, async (request) => saveRetentionSettings(privacy(), callerOf(request).workspaceId, actor(request), request.body));

  app.get('/api/v1/privacy/exports', admin, async (request) => ({ exports: await listPrivacyExports(privacy(), callerOf(request).workspaceId) }));
  app.get('/api/v1/privacy/exports/:id', admin, async (request, reply) => {
    const { id } = parseInput(contactParam, request.params);
    const data = await getPrivacyExport(privacy(), callerOf(request).workspaceId, id);
    download(reply, `relais-export-${id}`);
    return data;
  });
}
