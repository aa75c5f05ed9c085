import { newId } from '../kernel/index.ts';
import type { Db } from '../store/index.ts';
import type { MessageItem } from '../channels/index.ts';
import { ensureContact, type ChannelRef } from './contacts.ts';
import { ensureConversation, touchConversation } from './conversations.ts';
import type { IngestContext, PendingEvent } from './deps.ts';
import { miss } from './known-rows.ts';
import { classificationColumns } from './classify.ts';

/**
 * A private message. Duplicates change nothing (the platform id is unique per channel);
 * an echo of our own send is matched to its outbound row; an echo of a message the shop
 * sent from elsewhere is recorded as the brand's, so the thread is complete.
 */
export async function ingestMessage(db: Db, channel: ChannelRef, item: MessageItem, now: number, ctx: IngestContext = {}): Promise<PendingEvent[]> {
  const { nameless } = ctx;
  const noted = ctx.known ? ctx.known.get('messages', channel, item.externalId) : miss;
  const known = noted !== miss ? noted : await db.selectFrom('messages').select(['id', 'conversation_id', 'status'])
    .where('workspace_id', '=', channel.workspaceId).where('channel_id', '=', channel.channelId).where('external_id', '=', item.externalId)
    .executeTakeFirst();
  if (known) {
    if (item.deleted && known.status !== 'deleted') {
      ctx.known?.forget('messages', channel, item.externalId);
      return markUnsent(db, channel, known, now);
    }
    return [];
  }
  if (item.direction === 'out' && (await matchOwnSend(db, channel, item, now))) {
    ctx.known?.forget('messages', channel, item.externalId);
    return [];
  }

  const contactId = await ensureContact(db, channel, item.customer, now, nameless && ((externalId) => nameless(externalId, item.surface)), ctx.known);
  const classification = item.direction === 'in' ? classificationColumns(ctx.classifier, item.text) : {};
  const clock = { at: item.occurredAt, inbound: item.direction === 'in', sentiment: classification.sentiment };
  const conversation = await ensureConversation(db, channel, { kind: 'private', threadKey: `${item.surface}:${item.customer.externalId}`, contactId }, now, clock, ctx.known);
  if (conversation.created && item.direction === 'in') await ctx.newConversation?.(conversation.id);
  const id = newId(now);
  await db.insertInto('messages').values({
    workspace_id: channel.workspaceId, id, conversation_id: conversation.id, channel_id: channel.channelId,
    direction: item.direction, kind: 'message', author_type: item.direction === 'in' ? 'contact' : 'brand', author_id: item.direction === 'in' ? contactId : null,
    text: item.text, external_id: item.externalId, attachments: JSON.stringify(item.attachments), meta: JSON.stringify({ surface: item.surface }),
    platform_created_at: item.occurredAt, created_at: now, status: item.deleted ? 'deleted' : 'visible', edited_at: null,
    platform_updated_at: item.occurredAt, reply_to_external_id: item.replyToExternalId ?? null,
    ...classification,
  }).execute();
  ctx.known?.note('messages', channel, item.externalId, { id, conversation_id: conversation.id, text: item.text, status: item.deleted ? 'deleted' : 'visible', platform_updated_at: item.occurredAt });
  if (!conversation.touched) await touchConversation(db, channel.workspaceId, conversation.id, clock, now);
  return [{ workspaceId: channel.workspaceId, type: 'message.created', data: { conversationId: conversation.id, messageId: id, direction: item.direction } }];
}

/** Our own send coming back: the outbound id rides in the metadata, or the platform id matches. */
async function matchOwnSend(db: Db, channel: ChannelRef, item: MessageItem, now: number): Promise<boolean> {
  const byMetadata = item.metadata
    ? await db.selectFrom('outbound').select(['id', 'message_id', 'state']).where('workspace_id', '=', channel.workspaceId).where('id', '=', item.metadata).executeTakeFirst()
    : undefined;
  const outbound = byMetadata ?? await db.selectFrom('outbound').select(['id', 'message_id', 'state'])
    .where('workspace_id', '=', channel.workspaceId).where('channel_id', '=', channel.channelId).where('platform_id', '=', item.externalId).executeTakeFirst();
  if (!outbound) return false;
  // The echo may beat the API's answer: it proves the send happened.
  await db.updateTable('outbound').set({ state: 'sent', platform_id: item.externalId, sent_at: item.occurredAt, failure_kind: null, failure_reason: null, updated_at: now })
    .where('workspace_id', '=', channel.workspaceId).where('id', '=', outbound.id).where('state', '!=', 'sent').execute();
  await db.updateTable('messages').set({ external_id: item.externalId })
    .where('workspace_id', '=', channel.workspaceId).where('id', '=', outbound.message_id).where('external_id', 'is', null).execute();
  return true;
}

async function markUnsent(db: Db, channel: ChannelRef, message: { id: string; conversation_id: string }, now: number): Promise<PendingEvent[]> {
  await db.updateTable('messages').set({ status: 'deleted', platform_updated_at: now }).where('workspace_id', '=', channel.workspaceId).where('id', '=', message.id).execute();
  return [{ workspaceId: channel.workspaceId, type: 'message.updated', data: { conversationId: message.conversation_id, messageId: message.id } }];
}
