import { newId } from '../kernel/index.ts';
import type { OutboundAction } from '../channels/index.ts';
import type { Db } from '../store/index.ts';
import type { PendingEvent } from './deps.ts';
import { linkIdentity } from './contacts.ts';

const moderationStatus = { hide: 'hidden', unhide: 'visible', delete: 'deleted' } as const;

/**
 * Records a send the platform accepted. For a reply, the message takes the platform id;
 * an echo that arrived first and was stored as a brand message is folded into ours. For a
 * hide, unhide or delete, the message changes state and the moderation log gets its line.
 */
export async function recordSent(db: Db, row: { workspace_id: string; id: string; message_id: string; conversation_id: string; channel_id: string }, action: OutboundAction & { actor?: { type: string; id: string | null }; reason?: string; clause?: string }, outcome: { platformId: string | null; recipientExternalId?: string | undefined }, now: number): Promise<PendingEvent[]> {
  const ws = row.workspace_id;
  const platformId = outcome.platformId;
  if (action.type === 'private_reply' && outcome.recipientExternalId) await linkRecipient(db, row, outcome.recipientExternalId, now);
  await db.updateTable('outbound').set({ state: 'sent', platform_id: platformId, sent_at: now, failure_kind: null, failure_reason: null, updated_at: now })
    .where('workspace_id', '=', ws).where('id', '=', row.id).execute();
  const events: PendingEvent[] = [{ workspaceId: ws, type: 'outbound.updated', data: { conversationId: row.conversation_id, outboundId: row.id, state: 'sent' } }];

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

/** A private reply reveals the commenter's Messenger id: the same person, one contact. */
async function linkRecipient(db: Db, row: { workspace_id: string; conversation_id: string; channel_id: string }, externalId: string, now: number): Promise<void> {
  const conversation = await db.selectFrom('conversations').select('contact_id').where('workspace_id', '=', row.workspace_id).where('id', '=', row.conversation_id).executeTakeFirst();
  if (conversation?.contact_id) await linkIdentity(db, { workspaceId: row.workspace_id, channelId: row.channel_id }, externalId, conversation.contact_id, now);
}
