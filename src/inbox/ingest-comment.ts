import { newId } from '../kernel/index.ts';
import type { Db } from '../store/index.ts';
import type { CommentItem } from '../channels/index.ts';
import { ensureContact, type ChannelRef } from './contacts.ts';
import { ensureConversation, touchConversation } from './conversations.ts';
import { ensurePost } from './posts.ts';
import type { IngestContext, PendingEvent } from './deps.ts';
import { classificationColumns } from './classify.ts';
import { miss } from './known-rows.ts';

type Status = 'visible' | 'hidden' | 'deleted';
const statusAfter: Record<CommentItem['action'], Status | null> = { add: null, edit: null, remove: 'deleted', hide: 'hidden', unhide: 'visible' };

/**
 * A public comment and its life on the platform. Events may come in any order: an edit or
 * a removal before its add creates the message from what it knows, and an older event
 * never overwrites a newer one. Every change keeps the previous text in the history.
 */
export async function ingestComment(db: Db, channel: ChannelRef, item: CommentItem, now: number, ctx: IngestContext = {}): Promise<PendingEvent[]> {
  const { nameless } = ctx;
  const noted = ctx.known ? ctx.known.get('messages', channel, item.externalId) : miss;
  const known = noted !== miss ? noted : await db.selectFrom('messages').select(['id', 'conversation_id', 'text', 'status', 'platform_updated_at'])
    .where('workspace_id', '=', channel.workspaceId).where('channel_id', '=', channel.channelId).where('external_id', '=', item.externalId)
    .executeTakeFirst();
  if (known) {
    const changed = await applyChange(db, channel, known, item, now);
    ctx.known?.forget('messages', channel, item.externalId);
    return changed;
  }
  if (item.byAccount && (await matchOwnReply(db, channel, item))) {
    ctx.known?.forget('messages', channel, item.externalId);
    return [];
  }

  const postId = await (ctx.post ?? ((post) => ensurePost(db, channel, post, now)))(item.post);
  const contactId = item.byAccount ? null : await ensureContact(db, channel, item.author, now, nameless && ((externalId) => nameless(externalId, item.surface)), ctx.known);
  // A reply joins its parent's conversation when we know the parent, whatever the thread key says.
  const parent = item.parentExternalId ? await parentOf(db, channel, item.parentExternalId, ctx) : undefined;
  const classification = item.byAccount ? {} : classificationColumns(ctx.classifier, item.text ?? '');
  const clock = { at: item.occurredAt, inbound: !item.byAccount, sentiment: classification.sentiment };
  const conversation = parent
    ? { id: parent.conversation_id, created: false, touched: false }
    : await ensureConversation(db, channel, {
      kind: 'public', threadKey: `comment:${item.threadExternalId}`, postId,
      contactId: item.parentExternalId === null ? contactId : null,
      // A top-level comment opens its thread, unless one of its replies came first.
      likelyNew: item.parentExternalId === null,
    }, now, clock, ctx.known);
  if (conversation.created && !item.byAccount) await ctx.newConversation?.(conversation.id);
  const id = newId(now);
  const status: Status = statusAfter[item.action] ?? 'visible';
  await db.insertInto('messages').values({
    workspace_id: channel.workspaceId, id, conversation_id: conversation.id, channel_id: channel.channelId,
    direction: item.byAccount ? 'out' : 'in', kind: 'comment', author_type: item.byAccount ? 'brand' : 'contact', author_id: contactId,
    text: item.text ?? '', external_id: item.externalId, attachments: '[]',
    meta: JSON.stringify({ surface: item.surface, parentExternalId: item.parentExternalId, authorName: item.author.name ?? item.author.handle ?? null }),
    platform_created_at: item.action === 'add' ? item.occurredAt : null, created_at: now, status,
    edited_at: item.action === 'edit' ? item.occurredAt : null, platform_updated_at: item.occurredAt, reply_to_external_id: item.parentExternalId,
    ...classification,
  }).execute();
  ctx.known?.note('messages', channel, item.externalId, { id, conversation_id: conversation.id, text: item.text ?? '', status, platform_updated_at: item.occurredAt });
  // A hide or removal that beat its comment here still belongs in the moderation log.
  if (status !== 'visible') await logPlatformModeration(db, channel, { id, conversation_id: conversation.id, text: item.text ?? '' }, status, now);
  if (!conversation.touched) await touchConversation(db, channel.workspaceId, conversation.id, clock, now);
  if (!item.byAccount && status === 'visible' && item.text && ctx.newComment) {
    await ctx.newComment({ messageId: id, conversationId: conversation.id, externalId: item.externalId, surface: item.surface, text: item.text });
  }
  return [{ workspaceId: channel.workspaceId, type: 'message.created', data: { conversationId: conversation.id, messageId: id, direction: item.byAccount ? 'out' : 'in' } }];
}

async function applyChange(db: Db, channel: ChannelRef, message: { id: string; conversation_id: string; text: string; status: Status; platform_updated_at: number | null }, item: CommentItem, now: number): Promise<PendingEvent[]> {
  if (item.action === 'add') {
    // The add arriving after an edit or removal: only fill what the earlier event lacked.
    await db.updateTable('messages').set({ platform_created_at: item.occurredAt }).where('workspace_id', '=', channel.workspaceId).where('id', '=', message.id).where('platform_created_at', 'is', null).execute();
    return [];
  }
  if (message.platform_updated_at !== null && item.occurredAt < message.platform_updated_at) return [];
  const status = statusAfter[item.action] ?? message.status;
  const text = item.action === 'edit' && item.text !== undefined ? item.text : message.text;
  if (status === message.status && text === message.text) return [];
  await db.insertInto('message_revisions').values({ workspace_id: channel.workspaceId, id: newId(now), message_id: message.id, text: message.text, status: message.status, source: 'platform', created_at: now }).execute();
  await db.updateTable('messages').set({ text, status, platform_updated_at: item.occurredAt, ...(item.action === 'edit' ? { edited_at: item.occurredAt } : {}) })
    .where('workspace_id', '=', channel.workspaceId).where('id', '=', message.id).execute();
  if (status !== message.status) await logPlatformModeration(db, channel, message, status, now);
  return [{ workspaceId: channel.workspaceId, type: 'message.updated', data: { conversationId: message.conversation_id, messageId: message.id } }];
}

/** The message a reply answers, when we have it: read up front by the processing job, or looked up. */
async function parentOf(db: Db, channel: ChannelRef, externalId: string, ctx: IngestContext): Promise<{ conversation_id: string } | undefined> {
  const noted = ctx.known ? ctx.known.get('messages', channel, externalId) : miss;
  if (noted !== miss) return noted;
  return db.selectFrom('messages').select('conversation_id').where('workspace_id', '=', channel.workspaceId).where('channel_id', '=', channel.channelId)
    .where('external_id', '=', externalId).executeTakeFirst();
}

/** A page reply that Relais itself posted: matched by the comment id the API returned. */
async function matchOwnReply(db: Db, channel: ChannelRef, item: CommentItem): Promise<boolean> {
  const outbound = await db.selectFrom('outbound').select(['id', 'message_id'])
    .where('workspace_id', '=', channel.workspaceId).where('channel_id', '=', channel.channelId).where('platform_id', '=', item.externalId).executeTakeFirst();
  if (!outbound) return false;
  await db.updateTable('messages').set({ external_id: item.externalId }).where('workspace_id', '=', channel.workspaceId).where('id', '=', outbound.message_id).where('external_id', 'is', null).execute();
  return true;
}

async function logPlatformModeration(db: Db, channel: ChannelRef, message: { id: string; conversation_id: string; text: string }, status: Status, now: number): Promise<void> {
  const action = status === 'hidden' ? 'hide' : status === 'deleted' ? 'delete' : 'unhide';
  await db.insertInto('moderation_log').values({
    workspace_id: channel.workspaceId, id: newId(now), message_id: message.id, conversation_id: message.conversation_id, action,
    actor_type: 'platform', actor_id: null, reason: 'changed on the platform', clause: null, snapshot: message.text, created_at: now,
  }).execute();
}
