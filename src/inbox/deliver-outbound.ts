import { loadChannelContext, markChannelStatus, type OutboundAction, type SendOutcome } from '../channels/index.ts';
import { enqueueJob, jobType, type Queue } from '../jobs/index.ts';
import { z } from 'zod';
import type { Db } from '../store/index.ts';
import { publishAll, type InboxDeps } from './deps.ts';
import { recordSent } from './record-sent.ts';
import { emitWebhookEvent } from '../webhooks/index.ts';

export const SEND_QUEUE = 'outbound.send';
export const SEND_ATTEMPTS = 6;
/** `outbound.send`: one `outbound` row to carry out. */
export const sendJob = jobType(SEND_QUEUE, z.object({ workspaceId: z.string().min(1), outboundId: z.string().min(1) }));

export function enqueueSend(queue: Queue, db: Db, workspaceId: string, outboundId: string, delayMs?: number) {
  return enqueueJob(queue, sendJob, { workspaceId, outboundId }, { db, maxAttempts: SEND_ATTEMPTS, backoffMs: 2000, ...(delayMs ? { delayMs } : {}) });
}

/**
 * The sender job. The row is marked `sending` (and committed) before the platform is
 * called, so after a crash or a lost answer the next attempt asks the platform whether the
 * send happened before trying again: a reply is never sent twice.
 */
export async function deliverOutbound(deps: InboxDeps, payload: { workspaceId: string; outboundId: string }, attempt: { attempt: number }): Promise<void> {
  const { workspaceId, outboundId } = payload;
  const row = await deps.db.selectFrom('outbound').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', outboundId).executeTakeFirst();
  if (!row || row.state === 'sent' || row.state === 'failed') return;
  let action = JSON.parse(row.action) as OutboundAction;
  const channel = await loadChannelContext(deps, workspaceId, row.channel_id);
  const provider = deps.channels.require(channel.kind);
  if (channel.status === 'needs_reconnect') return fail(deps, row, 'auth', 'The channel must be reconnected');
  if (action.type === 'message') {
    // Time has passed since the agent pressed send (retries, rate limits): the window decides again.
    const conversation = await deps.db.selectFrom('conversations').select('last_inbound_at').where('workspace_id', '=', workspaceId).where('id', '=', row.conversation_id).executeTakeFirstOrThrow();
    const decision = provider.policy({ surface: action.surface, lastInboundAt: conversation.last_inbound_at, textLength: [...action.text].length, text: action.text }, 'message', deps.clock.now());
    if (!decision.ok) return fail(deps, row, 'permanent', decision.reason);
    action = { ...action, tag: decision.tag };
  }

  if (row.state === 'sending' && provider.reconcile) {
    const platformId = await provider.reconcile(channel, action);
    if (platformId) return finish(deps, row, action, { ok: true, platformId });
  }
  await deps.db.updateTable('outbound').set({ state: 'sending', attempts: row.attempts + 1, updated_at: deps.clock.now() })
    .where('workspace_id', '=', workspaceId).where('id', '=', outboundId).execute();
  const outcome = await provider.send(channel, action);
  if (outcome.ok) return finish(deps, row, action, outcome);

  const last = attempt.attempt >= SEND_ATTEMPTS;
  switch (outcome.kind) {
    case 'auth':
      await markChannelStatus(deps.db, workspaceId, row.channel_id, 'needs_reconnect', deps.clock.now());
      await publishAll(deps.bus, [{ workspaceId, type: 'channel.needs_reconnect', data: { channelId: row.channel_id, reason: outcome.reason } }]);
      return fail(deps, row, 'auth', outcome.reason);
    case 'permanent':
      return fail(deps, row, 'permanent', outcome.reason);
    case 'rate_limited':
      if (last) return fail(deps, row, 'rate_limited', outcome.reason);
      // Wait as long as the platform asks, in a fresh job, rather than hammering with backoff.
      await deps.db.transaction().execute(async (trx) => {
        await trx.updateTable('outbound').set({ state: 'queued', failure_kind: 'rate_limited', failure_reason: outcome.reason, updated_at: deps.clock.now() })
          .where('workspace_id', '=', workspaceId).where('id', '=', outboundId).execute();
        await enqueueSend(deps.queue, trx, workspaceId, outboundId, outcome.retryAfterMs ?? 60_000);
      });
      return;
    case 'transient':
      if (last) return fail(deps, row, 'transient', outcome.reason);
      if (!outcome.uncertain) {
        await deps.db.updateTable('outbound').set({ state: 'queued', failure_kind: 'transient', failure_reason: outcome.reason, updated_at: deps.clock.now() })
          .where('workspace_id', '=', workspaceId).where('id', '=', outboundId).execute();
      }
      throw new Error(`send failed, will retry: ${outcome.reason}`);
  }
}

async function finish(deps: InboxDeps, row: { workspace_id: string; id: string; message_id: string; conversation_id: string; channel_id: string }, action: OutboundAction, outcome: Extract<SendOutcome, { ok: true }>) {
  const events = await deps.db.transaction().execute(async (trx) => {
    const recorded = await recordSent(trx, row, action, outcome, deps.clock.now());
    if (action.type === 'message' || action.type === 'private_reply' || action.type === 'public_reply') await emitWebhookEvent(deps, trx, row.workspace_id, 'message.sent', { outboundId: row.id });
    return recorded;
  });
  await publishAll(deps.bus, events);
}

async function fail(deps: InboxDeps, row: { workspace_id: string; id: string; conversation_id: string }, kind: 'transient' | 'rate_limited' | 'auth' | 'permanent', reason: string) {
  await deps.db.updateTable('outbound').set({ state: 'failed', failure_kind: kind, failure_reason: reason, updated_at: deps.clock.now() })
    .where('workspace_id', '=', row.workspace_id).where('id', '=', row.id).execute();
  await publishAll(deps.bus, [{ workspaceId: row.workspace_id, type: 'outbound.updated', data: { conversationId: row.conversation_id, outboundId: row.id, state: 'failed', kind, reason } }]);
}
