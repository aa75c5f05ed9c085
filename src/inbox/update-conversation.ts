import { AppError } from '../kernel/index.ts';
import type { ConversationStatus, Db } from '../store/index.ts';
import { publishAll, type InboxDeps } from './deps.ts';
import { measureConversation } from './sla-metrics.ts';
import { pickupJob } from './auto-assign.ts';
import { enqueueJob } from '../jobs/index.ts';
import { emitWebhookEvent } from '../webhooks/index.ts';

export interface ConversationChange {
  status?: 'open' | 'pending' | 'resolved' | undefined;
  assigneeId?: string | null | undefined;
  snoozedUntil?: number | null | undefined;
  priority?: number | undefined;
}

/** Assign, resolve, reopen, set pending, snooze or prioritize a conversation. */
export async function updateConversation(deps: Pick<InboxDeps, 'db' | 'clock' | 'bus'> & Partial<Pick<InboxDeps, 'queue'>>, workspaceId: string, conversationId: string, change: ConversationChange): Promise<void> {
  const now = deps.clock.now();
  let status: ConversationStatus | undefined = change.status;
  let snoozedUntil = change.snoozedUntil;
  if (change.snoozedUntil !== undefined && change.snoozedUntil !== null) {
    if (change.snoozedUntil <= now) throw new AppError('request.invalid', 'Snooze until a time in the future', { fields: { snoozedUntil: ['in the past'] } });
    status = 'snoozed';
  } else if (status !== undefined) {
    snoozedUntil = null;
  }
  // The change, its measure, the pickup it allows and the webhook it tells commit together:
  // a subscriber hears of a resolution if and only if it is stored. Inside a caller's
  // transaction (a rule carried out while a message is processed) the work joins it.
  const apply = async (db: Db) => {
    const current = await db.selectFrom('conversations').select(['status']).where('workspace_id', '=', workspaceId).where('id', '=', conversationId).executeTakeFirst();
    if (!current) throw new AppError('conversation.not_found', 'Conversation not found');
    if (change.assigneeId) {
      const member = await db.selectFrom('memberships').select('user_id').where('workspace_id', '=', workspaceId).where('user_id', '=', change.assigneeId).executeTakeFirst();
      if (!member) throw new AppError('member.not_assignable', 'Only a member of this workspace can be assigned', { fields: { assigneeId: ['not a member'] } });
    }
    await db.updateTable('conversations').set({
      ...(status !== undefined ? { status } : {}),
      ...(snoozedUntil !== undefined ? { snoozed_until: snoozedUntil } : {}),
      ...(change.assigneeId !== undefined ? { assignee_id: change.assigneeId } : {}),
      ...(change.priority !== undefined ? { priority: change.priority } : {}),
      updated_at: now,
    }).where('workspace_id', '=', workspaceId).where('id', '=', conversationId).execute();
    // Resolving stops the resolution clock (and reopening resumes it): keep the measure.
    if (status !== undefined) await measureConversation({ db, clock: deps.clock }, workspaceId, conversationId);
    // A resolved, snoozed or reassigned conversation may free a seat: what waits in Unassigned is offered again.
    const freesSeat = status === 'resolved' || status === 'snoozed' || change.assigneeId !== undefined;
    if (deps.queue && freesSeat) await enqueueJob(deps.queue, pickupJob, { workspaceId }, { db });
    if (deps.queue && status === 'resolved' && current.status !== 'resolved') await emitWebhookEvent({ queue: deps.queue, clock: deps.clock }, db, workspaceId, 'conversation.resolved', { conversationId });
  };
  if (deps.db.isTransaction) await apply(deps.db);
  else await deps.db.transaction().execute(apply);
  await publishAll(deps.bus, [{ workspaceId, type: 'conversation.updated', data: { conversationId } }]);
}

/** Snoozed conversations whose time has come go back to open (the `conversations.wake` job). */
export async function wakeSnoozed(deps: Pick<InboxDeps, 'db' | 'clock' | 'bus'>): Promise<number> {
  const now = deps.clock.now();
  const due = await deps.db.selectFrom('conversations').select(['workspace_id', 'id']).where('status', '=', 'snoozed').where('snoozed_until', '<=', now).limit(500).execute();
  for (const row of due) {
    await deps.db.updateTable('conversations').set({ status: 'open', snoozed_until: null, updated_at: now }).where('workspace_id', '=', row.workspace_id).where('id', '=', row.id).execute();
  }
  await publishAll(deps.bus, due.map((row) => ({ workspaceId: row.workspace_id, type: 'conversation.updated', data: { conversationId: row.id } })));
  return due.length;
}
