import type { OutboundAction } from '../channels/index.ts';
import type { Queue } from '../jobs/index.ts';
import type { Db } from '../store/index.ts';
import { enqueueSend } from './deliver-outbound.ts';

export interface NewOutbound {
  workspaceId: string;
  id: string;
  messageId: string;
  conversationId: string;
  channelId: string;
  /** Unique per workspace: a second call with the same key is refused by the database. */
  idempotencyKey: string;
  action: OutboundAction;
  /** Who asked: a person, a token, a rule (kept in the row's `action` JSON, shown in the register). */
  actor: { type: string; id: string | null };
  reason?: string | null;
  clause?: string | null;
  now: number;
}

/**
 * The one writer of `outbound` rows: the row, queued, and its `outbound.send` job, in the
 * caller's transaction (`db`), so the job exists exactly when the row does. Replies, messages,
 * hides, unhides, deletes and likes all go through it; the sender (`deliverOutbound`) takes it
 * from there.
 *
 * @example await queueOutbound(trx, deps.queue, { workspaceId, id: newId(now), messageId, conversationId, channelId, idempotencyKey, action, actor, now });
 */
export async function queueOutbound(db: Db, queue: Queue, row: NewOutbound): Promise<void> {
  const { action } = row;
  await db.insertInto('outbound').values({
    workspace_id: row.workspaceId, id: row.id, message_id: row.messageId, conversation_id: row.conversationId, channel_id: row.channelId,
    idempotency_key: row.idempotencyKey, state: 'queued', failure_kind: null, failure_reason: null, attempts: 0, platform_id: null,
    created_at: row.now, updated_at: row.now, sent_at: null, action_type: action.type,
    target_external_id: 'commentExternalId' in action ? action.commentExternalId : action.recipientExternalId,
    action: JSON.stringify({ ...action, actor: row.actor, ...(row.reason !== undefined ? { reason: row.reason } : {}), ...(row.clause !== undefined ? { clause: row.clause } : {}) }),
  }).execute();
  await enqueueSend(queue, db, row.workspaceId, row.id);
}
