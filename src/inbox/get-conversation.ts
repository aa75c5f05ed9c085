import { AppError } from '../kernel/index.ts';
import type { InboxDeps } from './deps.ts';

/** A conversation with its thread, each outgoing message's delivery state, and its post. */
export async function getConversation(deps: Pick<InboxDeps, 'db'>, workspaceId: string, conversationId: string) {
  const conversation = await deps.db.selectFrom('conversations').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', conversationId).executeTakeFirst();
  if (!conversation) throw new AppError('conversation.not_found', 'Conversation not found');
  const [messages, outbound, post, contact, channel, moderation] = await Promise.all([
    deps.db.selectFrom('messages').selectAll().where('workspace_id', '=', workspaceId).where('conversation_id', '=', conversationId)
      .orderBy((eb) => eb.fn.coalesce('platform_created_at', 'created_at')).orderBy('seq').execute(),
    deps.db.selectFrom('outbound').select(['id', 'message_id', 'state', 'failure_kind', 'failure_reason', 'action_type', 'sent_at'])
      .where('workspace_id', '=', workspaceId).where('conversation_id', '=', conversationId).orderBy('id').execute(),
    conversation.post_id ? deps.db.selectFrom('posts').select(['external_id', 'text', 'permalink', 'reactions']).where('workspace_id', '=', workspaceId).where('id', '=', conversation.post_id).executeTakeFirst() : undefined,
    conversation.contact_id ? deps.db.selectFrom('contacts').select(['id', 'name', 'email']).where('workspace_id', '=', workspaceId).where('id', '=', conversation.contact_id).executeTakeFirst() : undefined,
    deps.db.selectFrom('channels').select(['id', 'kind', 'name', 'status']).where('workspace_id', '=', workspaceId).where('id', '=', conversation.channel_id).executeTakeFirstOrThrow(),
    deps.db.selectFrom('moderation_log').select(['message_id', 'action', 'actor_type', 'actor_id', 'reason', 'created_at'])
      .where('workspace_id', '=', workspaceId).where('conversation_id', '=', conversationId).orderBy('id').execute(),
  ]);
  return {
    conversation: {
      id: conversation.id, kind: conversation.kind, status: conversation.status, assigneeId: conversation.assignee_id,
      lastMessageAt: conversation.last_message_at, lastInboundAt: conversation.last_inbound_at, createdAt: conversation.created_at,
      channel, contact: contact ?? null,
      post: post ? { externalId: post.external_id, text: post.text, permalink: post.permalink, reactions: JSON.parse(post.reactions) as Record<string, number> } : null,
    },
    messages: messages.map((m) => ({
      id: m.id, direction: m.direction, kind: m.kind, authorType: m.author_type, authorId: m.author_id,
      // Customer text is data: returned as it was written, for the console to render as text.
      text: m.text, status: m.status, externalId: m.external_id, attachments: JSON.parse(m.attachments) as unknown[],
      meta: JSON.parse(m.meta) as Record<string, unknown>, editedAt: m.edited_at, at: m.platform_created_at ?? m.created_at,
      delivery: outbound.filter((o) => o.message_id === m.id).map((o) => ({ outboundId: o.id, action: o.action_type, state: o.state, failureKind: o.failure_kind, failureReason: o.failure_reason, sentAt: o.sent_at })),
      moderation: moderation.filter((entry) => entry.message_id === m.id).map((entry) => ({ action: entry.action, actorType: entry.actor_type, actorId: entry.actor_id, reason: entry.reason, at: entry.created_at })),
    })),
  };
}
