import { sql } from 'kysely';
import { newId } from '../kernel/index.ts';
import type { Db } from '../store/index.ts';
import type { ChannelRef } from './contacts.ts';
import { miss, type KnownRows } from './known-rows.ts';

export interface ThreadInput {
  kind: 'public' | 'private';
  /** One conversation per thread key on a channel: `dm:<customer>` or `comment:<top comment>`. */
  threadKey: string;
  contactId: string | null;
  postId?: string | null;
  /** Most likely a new thread (a top-level comment): insert first, and read only if it exists. */
  likelyNew?: boolean;
}

/** A new message's effect on its conversation's clocks (see `touchConversation`). */
export interface MessageClock {
  at: number;
  inbound: boolean;
  sentiment?: Sentiment | undefined;
}

/**
 * Finds or opens the conversation of a thread. With `message`, a conversation it opens is
 * written with that message's clocks at once (`touched`: no `touchConversation` to follow).
 */
export async function ensureConversation(db: Db, channel: ChannelRef, thread: ThreadInput, now: number, message?: MessageClock, known?: KnownRows): Promise<{ id: string; created: boolean; touched?: boolean }> {
  const touched = message !== undefined;
  const opened = (id: string) => {
    known?.note('threads', channel, thread.threadKey, { id, contact_id: thread.contactId });
    return { id, created: true, touched };
  };
  if (thread.likelyNew) {
    const id = await insertConversation(db, channel, thread, now, message);
    if (id) return opened(id);
  }
  const noted = known ? known.get('threads', channel, thread.threadKey) : miss;
  const existing = noted !== miss ? noted : await db.selectFrom('conversations').select(['id', 'contact_id'])
    .where('workspace_id', '=', channel.workspaceId).where('channel_id', '=', channel.channelId).where('external_thread_id', '=', thread.threadKey)
    .executeTakeFirst();
  if (existing) {
    // A reply that arrived before its top-level comment opened the thread without its author.
    if (!existing.contact_id && thread.contactId) {
      await db.updateTable('conversations').set({ contact_id: thread.contactId }).where('workspace_id', '=', channel.workspaceId).where('id', '=', existing.id).execute();
      known?.note('threads', channel, thread.threadKey, { id: existing.id, contact_id: thread.contactId });
    }
    return { id: existing.id, created: false };
  }
  const id = await insertConversation(db, channel, thread, now, message);
  if (!id) throw new Error(`conversation ${thread.threadKey} was opened meanwhile`);
  return opened(id);
}

/** The conversation's row, unless its thread already has one (then null). */
async function insertConversation(db: Db, channel: ChannelRef, thread: ThreadInput, now: number, message: MessageClock | undefined): Promise<string | null> {
  const inserted = await db.insertInto('conversations').values({
    workspace_id: channel.workspaceId, id: newId(now), channel_id: channel.channelId, contact_id: thread.contactId, kind: thread.kind, status: 'open',
    external_thread_id: thread.threadKey, subject: null, assignee_id: null, priority: 0, snoozed_until: null, last_message_at: null,
    created_at: now, updated_at: now, post_id: thread.postId ?? null, last_inbound_at: null, linked_conversation_id: null,
    // The clocks `touchConversation` would give a new row for its first message.
    ...(message ? {
      last_message_at: message.at,
      ...(message.inbound ? { last_inbound_at: message.at, ...(message.sentiment ? { sentiment: message.sentiment, worst_sentiment: message.sentiment } : {}) } : {}),
    } : {}),
  }).onConflict((oc) => oc.columns(['workspace_id', 'channel_id', 'external_thread_id']).where('external_thread_id', 'is not', null).doNothing()).returning('id').executeTakeFirst();
  return inserted?.id ?? null;
}

/**
 * Moves a conversation's clocks for a new message. A customer writing again reopens a
 * resolved, pending or snoozed conversation. One statement, computed from the row as it is
 * (a round trip less per message than reading it first).
 */
export async function touchConversation(db: Db, workspaceId: string, conversationId: string, message: MessageClock, now: number): Promise<void> {
  const { at, sentiment } = message;
  const later = (column: 'last_message_at' | 'last_inbound_at') => sql<number>`CASE WHEN coalesce(${sql.ref(column)}, 0) > ${at} THEN ${sql.ref(column)} ELSE ${at} END`;
  const result = await db.updateTable('conversations').set({
    last_message_at: later('last_message_at'),
    ...(message.inbound ? { last_inbound_at: later('last_inbound_at'), status: 'open' as const, snoozed_until: null } : {}),
    // Sentiment rolls up in the same write: the latest customer message's, and the worst seen.
    ...(message.inbound && sentiment ? {
      sentiment: sql<Sentiment>`CASE WHEN ${at} >= coalesce(last_inbound_at, 0) THEN ${sentiment} ELSE sentiment END`,
      worst_sentiment: sql<Sentiment>`CASE WHEN worst_sentiment IS NULL OR (CASE worst_sentiment WHEN 'negative' THEN 0 WHEN 'neutral' THEN 1 ELSE 2 END) > ${rank[sentiment]} THEN ${sentiment} ELSE worst_sentiment END`,
    } : {}),
    updated_at: now,
  }).where('workspace_id', '=', workspaceId).where('id', '=', conversationId).executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) throw new Error(`conversation ${conversationId} not found`);
}

type Sentiment = 'negative' | 'neutral' | 'positive';
const rank: Record<Sentiment, number> = { negative: 0, neutral: 1, positive: 2 };
