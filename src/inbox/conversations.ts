import { newId } from '../kernel/index.ts';
import type { ConversationsTable, Db } from '../store/index.ts';
import type { ChannelRef } from './contacts.ts';

export interface ThreadInput {
  kind: 'public' | 'private';
  /** One conversation per thread key on a channel: `dm:<customer>` or `comment:<top comment>`. */
  threadKey: string;
  contactId: string | null;
  postId?: string | null;
}

/** A new message's effect on its conversation's clocks (see `touchConversation`). */
export interface MessageClock {
  at: number;
  inbound: boolean;
  sentiment?: Sentiment | undefined;
}

type ClockRow = Pick<ConversationsTable, 'last_message_at' | 'last_inbound_at' | 'status' | 'worst_sentiment'>;

/**
 * Finds or opens the conversation of a thread. With `message`, a conversation it opens is
 * written with that message's clocks at once (`touched`: no `touchConversation` to follow),
 * and one it finds comes with its clocks (`clocks`), so the touch needs no read.
 */
export async function ensureConversation(db: Db, channel: ChannelRef, thread: ThreadInput, now: number, message?: MessageClock): Promise<{ id: string; created: boolean; touched?: boolean; clocks?: ClockRow }> {
  const existing = await db.selectFrom('conversations').select(['id', 'contact_id', 'last_message_at', 'last_inbound_at', 'status', 'worst_sentiment'])
    .where('workspace_id', '=', channel.workspaceId).where('channel_id', '=', channel.channelId).where('external_thread_id', '=', thread.threadKey)
    .executeTakeFirst();
  if (existing) {
    // A reply that arrived before its top-level comment opened the thread without its author.
    if (!existing.contact_id && thread.contactId) {
      await db.updateTable('conversations').set({ contact_id: thread.contactId }).where('workspace_id', '=', channel.workspaceId).where('id', '=', existing.id).execute();
    }
    const { id, contact_id: _contact, ...clocks } = existing;
    return { id, created: false, clocks };
  }
  const id = newId(now);
  const opened: ClockRow = { last_message_at: null, last_inbound_at: null, status: 'open', worst_sentiment: null };
  await db.insertInto('conversations').values({
    workspace_id: channel.workspaceId, id, channel_id: channel.channelId, contact_id: thread.contactId, kind: thread.kind, status: 'open',
    external_thread_id: thread.threadKey, subject: null, assignee_id: null, priority: 0, snoozed_until: null, last_message_at: null,
    created_at: now, updated_at: now, post_id: thread.postId ?? null, last_inbound_at: null, linked_conversation_id: null,
    ...(message ? clocksAfter(opened, message, now) : {}),
  }).execute();
  return { id, created: true, touched: message !== undefined };
}

/**
 * Moves a conversation's clocks for a new message. A customer writing again reopens a
 * resolved, pending or snoozed conversation. `clocks`: the row as `ensureConversation` read it
 * in this transaction, to spare the read.
 */
export async function touchConversation(db: Db, workspaceId: string, conversationId: string, message: MessageClock, now: number, clocks?: ClockRow): Promise<void> {
  const row = clocks ?? await db.selectFrom('conversations').select(['last_message_at', 'last_inbound_at', 'status', 'worst_sentiment'])
    .where('workspace_id', '=', workspaceId).where('id', '=', conversationId).executeTakeFirstOrThrow();
  await db.updateTable('conversations').set(clocksAfter(row, message, now))
    .where('workspace_id', '=', workspaceId).where('id', '=', conversationId).execute();
}

function clocksAfter(row: ClockRow, message: MessageClock, now: number) {
  // Sentiment rolls up in the same write: the latest customer message's, and the worst seen.
  const latest = message.inbound && message.sentiment && message.at >= (row.last_inbound_at ?? 0);
  const worse = message.sentiment && (row.worst_sentiment === null || rank[message.sentiment] < rank[row.worst_sentiment]);
  return {
    last_message_at: Math.max(row.last_message_at ?? 0, message.at),
    ...(message.inbound ? { last_inbound_at: Math.max(row.last_inbound_at ?? 0, message.at), status: 'open' as const, snoozed_until: null } : {}),
    ...(latest ? { sentiment: message.sentiment } : {}),
    ...(message.inbound && worse ? { worst_sentiment: message.sentiment } : {}),
    updated_at: now,
  };
}

type Sentiment = 'negative' | 'neutral' | 'positive';
const rank: Record<Sentiment, number> = { negative: 0, neutral: 1, positive: 2 };
