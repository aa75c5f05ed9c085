import { AppError, newId, newSecret } from '../kernel/index.ts';
import { isUniqueViolation } from '../store/index.ts';
import type { OutboundAction } from '../channels/index.ts';
import { publishAll, type InboxDeps } from './deps.ts';
import { assertAllowed, replyAction, type Visibility } from './outbound-target.ts';
import { queueOutbound } from './queue-outbound.ts';
import { measureConversation } from './sla-metrics.ts';

export interface Actor {
  type: 'user' | 'token' | 'rule';
  id: string | null;
}

export interface ReplyInput {
  text: string;
  visibility: Visibility | 'note';
  /** Sent again with the same key (a double click, a retried request), nothing is sent twice. */
  idempotencyKey?: string | undefined;
  /** Teammates @mentioned in a note: they are told. */
  mentions?: string[] | undefined;
}

/**
 * An agent's reply or note. A reply is written with its outbound row and its send job in
 * one transaction, after the channel's policy (windows, one private reply per comment) has
 * said yes; the job sends it.
 */
export async function sendReply(deps: InboxDeps, workspaceId: string, actor: Actor, conversationId: string, input: ReplyInput) {
  const conversation = await deps.db.selectFrom('conversations').innerJoin('channels', (join) => join.onRef('channels.id', '=', 'conversations.channel_id').onRef('channels.workspace_id', '=', 'conversations.workspace_id'))
    .select(['conversations.id', 'conversations.channel_id', 'conversations.kind', 'conversations.external_thread_id', 'conversations.last_inbound_at', 'channels.kind as provider', 'channels.status as channelStatus'])
    .where('conversations.workspace_id', '=', workspaceId).where('conversations.id', '=', conversationId).executeTakeFirst();
  if (!conversation) throw new AppError('conversation.not_found', 'Conversation not found');
  const now = deps.clock.now();
  const messageId = newId(now);
  const outboundId = newId(now);

  let action: OutboundAction | null = null;
  if (input.visibility !== 'note') {
    if (conversation.channelStatus === 'needs_reconnect') throw new AppError('channel.needs_reconnect', 'This channel must be reconnected before replying');
    const target = await replyAction(deps.db, workspaceId, conversation, input.visibility, input.text, outboundId);
    const decision = assertAllowed(deps.channels.require(conversation.provider), target.facts, target.action, now);
    action = target.action.type === 'message' ? { ...target.action, tag: decision.tag } : target.action;
  }
  const key = input.idempotencyKey ?? newSecret(16);
  try {
    await deps.db.transaction().execute(async (trx) => {
      await trx.insertInto('messages').values({
        workspace_id: workspaceId, id: messageId, conversation_id: conversationId, channel_id: conversation.channel_id, direction: 'out',
        kind: input.visibility === 'note' ? 'note' : conversation.kind === 'public' && input.visibility === 'public' ? 'comment' : 'message',
        author_type: actor.type === 'rule' ? 'bot' : 'user', author_id: actor.id, text: input.text, external_id: null, attachments: '[]',
        meta: JSON.stringify({ visibility: input.visibility, ...(action ? { surface: action.surface } : {}), ...(input.mentions?.length ? { mentions: input.mentions } : {}) }), platform_created_at: null, created_at: now,
        edited_at: null, platform_updated_at: null, reply_to_external_id: null,
      }).execute();
      if (action) {
        await queueOutbound(trx, deps.queue, { workspaceId, id: outboundId, messageId, conversationId, channelId: conversation.channel_id, idempotencyKey: key, action, actor, now });
      }
      await trx.updateTable('conversations').set({ last_message_at: now, updated_at: now }).where('workspace_id', '=', workspaceId).where('id', '=', conversationId).execute();
    });
  } catch (error) {
    if (isUniqueViolation(error) && input.idempotencyKey) return existingReply(deps, workspaceId, input.idempotencyKey);
    throw error;
  }
  await publishAll(deps.bus, [
    { workspaceId, type: 'message.created', data: { conversationId, messageId, direction: 'out' } },
    ...(input.mentions ?? []).map((userId) => ({ workspaceId, type: 'mention.created' as const, data: { conversationId, messageId, userId, by: actor.id } })),
  ]);
  // The reply stops the response clock: its measure is kept for reports.
  if (input.visibility !== 'note') {
    await measureConversation(deps, workspaceId, conversationId).catch((error: unknown) => deps.logger.error({ err: error, conversationId }, 'SLA measure failed'));
  }
  return { messageId, outboundId: action ? outboundId : null };
}

async function existingReply(deps: InboxDeps, workspaceId: string, key: string) {
  const row = await deps.db.selectFrom('outbound').select(['id', 'message_id']).where('workspace_id', '=', workspaceId).where('idempotency_key', '=', key).executeTakeFirstOrThrow();
  return { messageId: row.message_id, outboundId: row.id };
}

