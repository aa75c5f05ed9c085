import type { FastifyInstance } from 'fastify';
import { composerPolicy, correctClassification, getConversation, moveToPrivate, listConversations, countViews, moderateMessage, retryOutbound, sendReply, setConversationLabel, updateConversation, type Actor } from '../../inbox/index.ts';
import { parseInput } from '../../kernel/index.ts';
import type { Caller } from '../../accounts/index.ts';
import type { HttpDeps } from '../deps.ts';
import { allow, needs } from '../access.ts';
import { callerOf } from '../authenticate.ts';
import { conversationLabelParams, conversationListQuery, conversationPatch, correctionBody, idParam, labelRef, moderationBody, moderationParam, moveToPrivateBody, policyQuery, replyBody } from '../../contracts/index.ts';
import { idempotent } from '../idempotency.ts';

export const actorOf = (caller: Caller): Actor => (caller.via === 'token' ? { type: 'token', id: caller.tokenId } : { type: 'user', id: caller.userId });

/** Conversations: the list, a thread, replies and notes, actions, and comment moderation. */
export function inboxRoutes(app: FastifyInstance, deps: HttpDeps): void {
  // The conversations of the newest matching messages; the list's own filters, order and
  // cursors apply to them, and it tells whether the search stopped at its depth.
  const search = (workspaceId: string, q: string) => deps.store.conversationsMatching(workspaceId, q);
  const read = allow(needs('conversations.read'));
  const reply = allow(needs('conversations.reply'));

  // How many conversations each view holds for the caller, for the counts beside the views.
  app.get('/api/v1/conversations/counts', read, async (request) => {
    const caller = callerOf(request);
    return { counts: await countViews(deps.store.db, caller.workspaceId, caller.userId) };
  });

  app.get('/api/v1/conversations', read, async (request) => {
    const query = parseInput(conversationListQuery, request.query);
    const caller = callerOf(request);
    return listConversations({ db: deps.store.db, clock: deps.inbox.clock, search }, caller.workspaceId, caller.userId, { ...query, channelId: query.channel, assigneeId: query.assignee, labelId: query.label });
  });

  app.post('/api/v1/messages/:id/classification', reply, async (request, response) => {
    const { id } = parseInput(idParam, request.params);
    const caller = callerOf(request);
    await correctClassification(deps.inbox, caller.workspaceId, caller.userId, id, parseInput(correctionBody, request.body));
    return response.status(204).send();
  });

  app.get('/api/v1/insight/model', allow(needs('inbound.manage')), async (request) => {
    const model = await deps.inbox.classifiers.describe(callerOf(request).workspaceId);
    const corrections = await deps.store.db.selectFrom('classification_corrections').select((eb) => eb.fn.countAll<number>().as('n')).where('workspace_id', '=', callerOf(request).workspaceId).executeTakeFirstOrThrow();
    return { model, corrections: Number(corrections.n) };
  });

  app.get('/api/v1/conversations/:id', read, async (request) => {
    const { id } = parseInput(idParam, request.params);
    return getConversation(deps.inbox, callerOf(request).workspaceId, id);
  });

  app.get('/api/v1/conversations/:id/policy', read, async (request) => {
    const { id } = parseInput(idParam, request.params);
    const { text } = parseInput(policyQuery, request.query);
    return composerPolicy(deps.inbox, callerOf(request).workspaceId, id, text);
  });

  app.patch('/api/v1/conversations/:id', reply, async (request) => {
    const { id } = parseInput(idParam, request.params);
    const change = parseInput(conversationPatch, request.body);
    const { workspaceId } = callerOf(request);
    await updateConversation(deps.inbox, workspaceId, id, change);
    return (await getConversation(deps.inbox, workspaceId, id)).conversation;
  });

  app.post('/api/v1/conversations/:id/labels', reply, async (request, response) => {
    const { id } = parseInput(idParam, request.params);
    const { labelId } = parseInput(labelRef, request.body);
    await setConversationLabel(deps.inbox, callerOf(request).workspaceId, id, labelId, true);
    return response.status(204).send();
  });

  app.delete('/api/v1/conversations/:id/labels/:labelId', reply, async (request, response) => {
    const { id, labelId } = parseInput(conversationLabelParams, request.params);
    await setConversationLabel(deps.inbox, callerOf(request).workspaceId, id, labelId, false);
    return response.status(204).send();
  });

  // Sends need an idempotency key (header or body): a double submit or a retried request sends once.
  const once = { db: deps.store.db, clock: deps.inbox.clock };
  app.post('/api/v1/conversations/:id/messages', reply, async (request, response) => {
    const { id } = parseInput(idParam, request.params);
    const body = parseInput(replyBody, request.body);
    const caller = callerOf(request);
    return idempotent(once, request, response, caller.workspaceId, body.idempotencyKey, async (key) => ({
      status: 201, body: await sendReply(deps.inbox, caller.workspaceId, actorOf(caller), id, { ...body, idempotencyKey: `api:${key}` }),
    }));
  });

  app.post('/api/v1/conversations/:id/move-to-private', reply, async (request, response) => {
    const { id } = parseInput(idParam, request.params);
    const body = parseInput(moveToPrivateBody, request.body);
    const caller = callerOf(request);
    return idempotent(once, request, response, caller.workspaceId, body.idempotencyKey, async (key) => ({
      status: 201, body: await moveToPrivate(deps.inbox, caller.workspaceId, actorOf(caller), id, { ...body, idempotencyKey: `api:${key}` }),
    }));
  });

  app.post('/api/v1/outbound/:id/retry', reply, async (request, response) => {
    const { id } = parseInput(idParam, request.params);
    await retryOutbound(deps.inbox, callerOf(request).workspaceId, id);
    return response.status(202).send({ status: 'queued' });
  });

  app.post('/api/v1/messages/:id/:action', allow(needs('messages.moderate')), async (request, response) => {
    const { id, action } = parseInput(moderationParam, request.params);
    const { reason } = parseInput(moderationBody, request.body ?? {});
    const caller = callerOf(request);
    response.status(202);
    return moderateMessage(deps.inbox, caller.workspaceId, actorOf(caller), id, { action, reason });
  });
}
