import { newId } from '../kernel/index.ts';
import type { OutboundAction } from '../channels/index.ts';
import type { Db } from '../store/index.ts';
import type { PendingEvent } from './deps.ts';
import { linkIdentity } from './contacts.ts';
import { ensureConversation } from './conversations.ts';

const moderationStatus = { hide: 'hidden', unhide: 'visible', delete: 'deleted' } as const;

/**
 * Records a send the platform accepted. For a reply, the message takes the platform id;
 * an echo that arrived first and was stored as a brand message is folded into ours. For a
 * hide, unhide or delete, the message changes state and the moderation log gets its line.
 */
export async function recordSent(db: Db, sentRow: { workspace_id: string; id: string; message_id: string; conversation_id: string; channel_id: string }, action: OutboundAction & { actor?: { type: string; id: string | null }; reason?: string; clause?: string }, outcome: { platformId: string | null; recipientExternalId?: string | undefined }, now: number): Promise<PendingEvent[]> {
  let row = sentRow;
  const moved: string[] = [];
  const ws = row.workspace_id;
  const platformId = outcome.platformId;
  if (action.type === 'private_reply' && outcome.recipientExternalId) {
    const privateConversationId = await linkRecipient(db, row, action.surface, outcome.recipientExternalId, now);
    if (privateConversationId) {
      moved.push(row.conversation_id, privateConversationId);
      row = { ...row, conversation_id: privateConversationId };
    }
  }
  await db.updateTable('outbound').set({ state: 'sent', platform_id: platformId, sent_at: now, failure_kind: null, failure_reason: null, updated_at: now })
    .where('workspace_id', '=', ws).where('id', '=', row.id).execute();
  const events: PendingEvent[] = [{ workspaceId: ws, type: 'outbound.updated', data: { conversationId: row.conversation_id, outboundId: row.id, state: 'sent' } },
    ...moved.map((conversationId) => ({ workspaceId: ws, type: 'conversation.updated' as const, data: { conversationId } }))];

  if (action.type === 'hide' || action.type === 'unhide' || action.type === 'delete') {
    const message = await db.selectFrom('messages').select(['text', 'status']).where('workspace_id', '=', ws).where('id', '=', row.message_id).executeTakeFirstOrThrow();
    const status = moderationStatus[action.type];
    await db.insertInto('message_revisions').values({ workspace_id: ws, id: newId(now), message_id: row.message_id, text: message.text, status: message.status, source: action.actor?.type === 'rule' ? 'rule' : 'user', created_at: now }).execute();
    await db.updateTable('messages').set({ status, platform_updated_at: now }).where('workspace_id', '=', ws).where('id', '=', row.message_id).execute();
    await db.insertInto('moderation_log').values({
      workspace_id: ws, id: newId(now), message_id: row.message_id, conversation_id: row.conversation_id, action: action.type,
      actor_type: action.actor?.type === 'rule' ? 'rule' : action.actor?.type === 'token' ? 'token' : 'user', actor_id: action.actor?.id ?? null,
      reason: action.reason ?? null, clause: action.clause ?? null, snapshot: message.text, created_at: now,
    }).execute();
    events.push({ workspaceId: ws, type: 'message.updated', data: { conversationId: row.conversation_id, messageId: row.message_id } });
    return events;
  }
  if (action.type === 'like' || !platformId) return events;
  await db.deleteFrom('messages').where('workspace_id', '=', ws).where('channel_id', '=', row.channel_id).where('external_id', '=', platformId)
    .where('id', '!=', row.message_id).where('author_type', '=', 'brand').execute();
  await db.updateTable('messages').set({ external_id: platformId, platform_created_at: now }).where('workspace_id', '=', ws).where('id', '=', row.message_id).execute();
  return events;
}

/**
 * A private reply reveals the commenter's private-message id: the same person, one contact.
 * The reply is filed in their private thread (Messenger, or Instagram's), opened if needed,
 * and that thread and the public comment are linked both ways, with the comment's assignee:
 * the customer's answer lands there, with one owner and one SLA clock over both.
 * Answers the private conversation's id.
 */
async function linkRecipient(db: Db, row: { workspace_id: string; id: string; message_id: string; conversation_id: string; channel_id: string }, surface: string, externalId: string, now: number): Promise<string | null> {
  const ws = row.workspace_id;
  const comment = await db.selectFrom('conversations').select(['contact_id', 'assignee_id', 'kind']).where('workspace_id', '=', ws).where('id', '=', row.conversation_id).executeTakeFirst();
  if (!comment?.contact_id) return null;
  await linkIdentity(db, { workspaceId: ws, channelId: row.channel_id }, externalId, comment.contact_id, now);
  if (comment.kind !== 'public') return null;
  const dmSurface = surface === 'facebook' ? 'messenger' : surface;
  const opened = await ensureConversation(db, { workspaceId: ws, channelId: row.channel_id }, { kind: 'private', threadKey: `${dmSurface}:${externalId}`, contactId: comment.contact_id }, now);
  await db.updateTable('messages').set({ conversation_id: opened.id }).where('workspace_id', '=', ws).where('id', '=', row.message_id).execute();
  await db.updateTable('outbound').set({ conversation_id: opened.id }).where('workspace_id', '=', ws).where('id', '=', row.id).execute();
  await db.updateTable('conversations').set({ linked_conversation_id: opened.id, updated_at: now }).where('workspace_id', '=', ws).where('id', '=', row.conversation_id).execute();
  const existing = await db.selectFrom('conversations').select(['assignee_id', 'last_message_at']).where('workspace_id', '=', ws).where('id', '=', opened.id).executeTakeFirstOrThrow();
  await db.updateTable('conversations').set({
    linked_conversation_id: row.conversation_id, updated_at: now, status: 'open', snoozed_until: null,
    assignee_id: comment.assignee_id ?? existing.assignee_id, last_message_at: Math.max(existing.last_message_at ?? 0, now),
  }).where('workspace_id', '=', ws).where('id', '=', opened.id).execute();
  return opened.id;
}
