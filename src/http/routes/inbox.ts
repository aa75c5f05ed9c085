import type { FastifyInstance } from 'fastify';
import { getConversation, listConversations, listInbound, mergeContactsByHand, moderateMessage, replayInbound, sendReply, type Actor } from '../../inbox/index.ts';
import { parseInput } from '../../kernel/index.ts';
import type { Caller } from '../../accounts/index.ts';
import type { HttpDeps } from '../deps.ts';
import { callerOf } from '../authenticate.ts';
import { conversationListQuery, idParam, inboundListQuery, mergeBody, moderationBody, moderationParam, replyBody } from './inbox.validators.ts';

const actorOf = (caller: Caller): Actor => (caller.via === 'token' ? { type: 'token', id: caller.tokenId } : { type: 'user', id: caller.userId });

/** Conversations, replies and moderation; parked deliveries for admins. */
export function inboxRoutes(app: FastifyInstance, deps: HttpDeps): void {
  const search = async (workspaceId: string, q: string) => [...new Set((await deps.store.searchMessages(workspaceId, q, 200)).map((hit) => hit.conversationId))];

  app.get('/api/v1/conversations', { config: { permission: 'conversations.read' } }, async (request) => {
    const query = parseInput(conversationListQuery, request.query);
    return listConversations({ db: deps.store.db, search }, callerOf(request).workspaceId, { ...query, channelId: query.channel, assigneeId: query.assignee });
  });

  app.get('/api/v1/conversations/:id', { config: { permission: 'conversations.read' } }, async (request) => {
    const { id } = parseInput(idParam, request.params);
    return getConversation(deps.inbox, callerOf(request).workspaceId, id);
  });

  app.post('/api/v1/conversations/:id/messages', { config: { permission: 'conversations.reply' } }, async (request, reply) => {
    const { id } = parseInput(idParam, request.params);
    const body = parseInput(replyBody, request.body);
    const caller = callerOf(request);
    reply.status(201);
    return sendReply(deps.inbox, caller.workspaceId, actorOf(caller), id, body);
  });

  app.post('/api/v1/messages/:id/:action', { config: { permission: 'messages.moderate' } }, async (request, reply) => {
    const { id, action } = parseInput(moderationParam, request.params);
    const { reason } = parseInput(moderationBody, request.body ?? {});
    const caller = callerOf(request);
    reply.status(202);
    return moderateMessage(deps.inbox, caller.workspaceId, actorOf(caller), id, { action, reason });
  });

  app.post('/api/v1/contacts/:id/merge', { config: { permission: 'conversations.reply' } }, async (request, reply) => {
    const { id } = parseInput(idParam, request.params);
    const { intoContactId } = parseInput(mergeBody, request.body);
    await mergeContactsByHand(deps.inbox, callerOf(request).workspaceId, id, intoContactId);
    return reply.status(204).send();
  });

  app.get('/api/v1/admin/inbound', { config: { permission: 'inbound.manage' } }, async (request) => {
    const { status, limit } = parseInput(inboundListQuery, request.query);
    return { deliveries: await listInbound(deps.inbox, callerOf(request).workspaceId, status, limit) };
  });

  app.post('/api/v1/admin/inbound/:id/replay', { config: { permission: 'inbound.manage' } }, async (request, reply) => {
    const { id } = parseInput(idParam, request.params);
    await replayInbound(deps.inbox, callerOf(request).workspaceId, id);
    return reply.status(202).send({ status: 'queued' });
  });
}
