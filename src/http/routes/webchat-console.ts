import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { addChannel, rotateIdentifySecret, saveWebchatSettings, webchatChannelView } from '../../channels/index.ts';
import { webchatConversationInfo } from '../../inbox/index.ts';
import { parseInput } from '../../kernel/index.ts';
import type { HttpDeps } from '../deps.ts';
import { allow, needs } from '../access.ts';
import { callerOf } from '../authenticate.ts';
import { idParam } from '../../contracts/index.ts';

/** 0 ends the previous secret at once (it leaked); at most a week. */
const rotateBody = z.strictObject({ graceHours: z.number().int().min(0).max(168).default(24) });
const addBody = z.strictObject({ allowedOrigins: z.array(z.string().max(300)).min(1).max(20), name: z.string().trim().min(1).max(120).optional() });

/** The console's side of the site chat: adding one, its settings page, and a conversation's visitor facts. */
export function webchatConsoleRoutes(app: FastifyInstance, deps: HttpDeps): void {
  const admin = allow(needs('channels.manage'));
  const channelDeps = { db: deps.store.db, clock: deps.inbox.clock, sealer: deps.inbox.sealer };

  app.post('/api/v1/channels/webchat', admin, async (request, reply) => {
    const body = parseInput(addBody, request.body);
    const provider = deps.channels.require('webchat');
    // The same path as `relais channel add webchat --allowed-origin …`.
    const spec = await provider.connect({ 'allowed-origin': body.allowedOrigins.join(','), name: body.name });
    const id = await addChannel(channelDeps, { workspaceId: callerOf(request).workspaceId, kind: provider.provider, ...spec });
    reply.status(201);
    return { id };
  });
  app.get('/api/v1/channels/:id/webchat', admin, async (request) => (
    webchatChannelView(channelDeps, callerOf(request).workspaceId, parseInput(idParam, request.params).id, deps.config.publicUrl)));
  app.patch('/api/v1/channels/:id/webchat', admin, async (request) => ({
    settings: await saveWebchatSettings(channelDeps, callerOf(request).workspaceId, parseInput(idParam, request.params).id, request.body),
  }));
  app.post('/api/v1/channels/:id/webchat/identify-secret', admin, async (request) => {
    const { graceHours } = parseInput(rotateBody, request.body ?? {});
    return rotateIdentifySecret({ ...channelDeps, sealer: deps.inbox.sealer }, callerOf(request).workspaceId, parseInput(idParam, request.params).id, graceHours);
  });
  app.get('/api/v1/conversations/:id/webchat', allow(needs('conversations.read')), async (request) => (
    webchatConversationInfo(deps.inbox, callerOf(request).workspaceId, parseInput(idParam, request.params).id)));
}
