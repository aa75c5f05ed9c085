import type { Availability } from '../store/index.ts';
import { publishAll, type InboxDeps } from './deps.ts';
import { pickupJob } from './auto-assign.ts';
import { enqueueJob } from '../jobs/index.ts';

/** Every member's availability; someone who never set one is offline. */
export async function listAvailability(deps: Pick<InboxDeps, 'db'>, workspaceId: string): Promise<{ userId: string; status: Availability; updatedAt: number | null }[]> {
  const rows = await deps.db.selectFrom('memberships as m')
    .leftJoin('agent_availability as a', (join) => join.onRef('a.workspace_id', '=', 'm.workspace_id').onRef('a.user_id', '=', 'm.user_id'))
    .select(['m.user_id', 'a.status', 'a.updated_at']).where('m.workspace_id', '=', workspaceId).orderBy('m.user_id').execute();
  return rows.map((row) => ({ userId: row.user_id, status: row.status ?? 'offline', updatedAt: row.updated_at ?? null }));
}

/**
 * An agent says whether they take conversations: online, away (keeps what they have, gets
 * nothing new) or offline. Coming online queues `routing.pickup` in the same transaction, so
 * the conversations waiting in Unassigned are offered again; every tab hears the change.
 */
export async function setAvailability(deps: Pick<InboxDeps, 'db' | 'clock' | 'bus' | 'queue'>, workspaceId: string, userId: string, status: Availability): Promise<void> {
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await trx.insertInto('agent_availability').values({ workspace_id: workspaceId, user_id: userId, status, updated_at: now })
      .onConflict((oc) => oc.columns(['workspace_id', 'user_id']).doUpdateSet({ status, updated_at: now })).execute();
    if (status === 'online') await enqueueJob(deps.queue, pickupJob, { workspaceId }, { db: trx });
  });
  await publishAll(deps.bus, [{ workspaceId, type: 'agent.availability', data: { userId, status, at: now } }]);
}
