import { AppError } from '../kernel/index.ts';
import type { InboxDeps } from './deps.ts';
import { namesOf, summarize } from './summaries.ts';

/** A conversation with its thread, each outgoing message's delivery state, and its post. */
export async function getConversation(deps: Pick<InboxDeps, 'db' | 'clock'>, workspaceId: string, conversationId: string) {
  const row = await deps.db.selectFrom('conversations as c')
    .innerJoin('channels as ch', (join) => join.onRef('ch.workspace_id', '=', 'c.workspace_id').onRef('ch.id', '=', 'c.channel_id'))
    .leftJoin('contacts as ct', (join) => join.onRef('ct.workspace_id', '=', 'c.workspace_id').onRef('ct.id', '=', 'c.contact_id'))
    .leftJoin('posts as p', (join) => join.onRef('p.workspace_id', '=', 'c.workspace_id').onRef('p.id', '=', 'c.post_id'))
    .select(['c.id', 'c.kind', 'c.status', 'c.assignee_id', 'c.priority', 'c.snoozed_until', 'c.last_message_at', 'c.last_inbound_at', 'c.created_at', 'c.sentiment', 'c.worst_sentiment', 'c.external_thread_id', 'c.linked_conversation_id', 'c.updated_at',
      'ch.id as channelId', 'ch.kind as channelKind', 'ch.name as channelName', 'ch.status as channelStatus', 'ct.id as contactId', 'ct.name as contactName',
      'p.text as postText', 'p.permalink as postPermalink', 'p.external_id as postExternalId', 'p.reactions as postReactions'])
    .where('c.workspace_id', '=', workspaceId).where('c.id', '=', conversationId).executeTakeFirst();
  if (!row) throw new AppError('conversation.not_found', 'Conversation not found');
  const [[summary], messages, outbound, moderation] = await Promise.all([
    summarize(deps.db, workspaceId, [row], deps.clock.now()),
    deps.db.selectFrom('messages').selectAll().where('workspace_id', '=', workspaceId).where('conversation_id', '=', conversationId)
      .orderBy((eb) => eb.fn.coalesce('platform_created_at', 'created_at')).orderBy('seq').execute(),
    deps.db.selectFrom('outbound').select(['id', 'message_id', 'state', 'failure_kind', 'failure_reason', 'action_type', 'sent_at'])
      .where('workspace_id', '=', workspaceId).where('conversation_id', '=', conversationId).orderBy('id').execute(),
    deps.db.selectFrom('moderation_log').select(['message_id', 'action', 'actor_type', 'actor_id', 'reason', 'clause', 'created_at'])
      .where('workspace_id', '=', workspaceId).where('conversation_id', '=', conversationId).orderBy('id').execute(),
  ]);
  const users = await namesOf(deps.db, [...messages.filter((m) => m.author_type === 'user').map((m) => m.author_id), ...moderation.map((m) => m.actor_id)]);
  return {
    conversation: {
      ...summary!,
      channel: { id: row.channelId, kind: row.channelKind, name: row.channelName, status: row.channelStatus },
      post: row.postExternalId ? { externalId: row.postExternalId, text: row.postText, permalink: row.postPermalink, reactions: JSON.parse(row.postReactions ?? '{}') as Record<string, number> } : null,
    },
    messages: messages.map((m) => {
      const meta = JSON.parse(m.meta) as Record<string, unknown>;
      return {
        id: m.id, direction: m.direction, kind: m.kind, authorType: m.author_type, authorId: m.author_id,
        authorName: m.author_type === 'user' ? users.get(m.author_id ?? '') ?? null : m.author_type === 'contact' ? (meta.authorName as string | undefined) ?? row.contactName : null,
        // Customer text is data: returned as it was written, for the console to render as text.
        text: m.text, status: m.status, externalId: m.external_id, attachments: JSON.parse(m.attachments) as unknown[],
        meta, editedAt: m.edited_at, at: m.platform_created_at ?? m.created_at,
        language: m.language, sentiment: m.sentiment, sentimentScore: m.sentiment_score,
        intents: m.intents ? (JSON.parse(m.intents) as string[]) : [], classifiedBy: m.classified_by,
        delivery: outbound.filter((o) => o.message_id === m.id).map((o) => ({ outboundId: o.id, action: o.action_type, state: o.state, failureKind: o.failure_kind, failureReason: o.failure_reason, sentAt: o.sent_at })),
        moderation: moderation.filter((entry) => entry.message_id === m.id).map((entry) => ({
          action: entry.action, actorType: entry.actor_type, actorId: entry.actor_id, actorName: entry.actor_id ? users.get(entry.actor_id) ?? null : null, reason: entry.reason, clause: entry.clause, at: entry.created_at,
        })),
      };
    }),
  };
}
