import { AppError } from '../kernel/index.ts';
import type { InboxDeps } from './deps.ts';
import { processJob } from './process-delivery.ts';
import { enqueueJob } from '../jobs/index.ts';
import { PROCESS_ATTEMPTS } from './record-delivery.ts';

export type InboundStatus = 'received' | 'processed' | 'parked' | 'ignored';

/** Deliveries of the workspace, the parked ones first of all, for admins. */
export async function listInbound(deps: Pick<InboxDeps, 'db'>, workspaceId: string, status: InboundStatus | undefined, limit: number) {
  let query = deps.db.selectFrom('inbound_events').select(['id', 'provider', 'status', 'attempts', 'error', 'received_at', 'processed_at', 'body'])
    .where('workspace_id', '=', workspaceId);
  if (status) query = query.where('status', '=', status);
  const rows = await query.orderBy('id', 'desc').limit(limit).execute();
  return rows.map((row) => ({
    id: row.id, provider: row.provider, status: row.status, attempts: row.attempts, error: row.error,
    receivedAt: row.received_at, processedAt: row.processed_at, body: row.body,
  }));
}

/** Runs a delivery through processing again (after a parser fix, say): same result as a first pass. */
export async function replayInbound(deps: Pick<InboxDeps, 'db' | 'queue' | 'replayers'>, workspaceId: string, id: string): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const result = await trx.updateTable('inbound_events').set({ status: 'received', error: null })
      .where('workspace_id', '=', workspaceId).where('id', '=', id).where('status', 'in', ['parked', 'processed']).executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) throw new AppError('inbound.not_found', 'No replayable delivery with this id');
    const { provider } = await trx.selectFrom('inbound_events').select('provider').where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirstOrThrow();
    // Shop deliveries share the table but have their own processing job, queued by their module.
    const replayer = deps.replayers?.get(provider);
    if (replayer) await replayer(trx, id);
    else await enqueueJob(deps.queue, processJob, { eventIds: [id] }, { db: trx, maxAttempts: PROCESS_ATTEMPTS, backoffMs: 2000 });
  });
}
