import { AppError } from '../kernel/index.ts';
import { publishAll, type InboxDeps } from './deps.ts';
import { enqueueSend } from './deliver-outbound.ts';

/** The agent's retry button on a failed send: back in the queue, attempts counted afresh. */
export async function retryOutbound(deps: Pick<InboxDeps, 'db' | 'queue' | 'clock' | 'bus'>, workspaceId: string, outboundId: string): Promise<void> {
  const conversationId = await deps.db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('outbound').select(['conversation_id']).where('workspace_id', '=', workspaceId).where('id', '=', outboundId).where('state', '=', 'failed').executeTakeFirst();
    if (!row) throw new AppError('outbound.not_found', 'No failed send with this id');
    await trx.updateTable('outbound').set({ state: 'queued', attempts: 0, failure_kind: null, failure_reason: null, updated_at: deps.clock.now() })
      .where('workspace_id', '=', workspaceId).where('id', '=', outboundId).execute();
    await enqueueSend(deps.queue, trx, workspaceId, outboundId);
    return row.conversation_id;
  });
  await publishAll(deps.bus, [{ workspaceId, type: 'outbound.updated', data: { conversationId, outboundId, state: 'queued' } }]);
}
