import { loadChannelContext, markChannelStatus, type ChannelProvider } from '../channels/index.ts';
import { publishAll, type InboxDeps, type PendingEvent } from './deps.ts';
import { ingestItem } from './process-delivery.ts';
import { enqueueRulesForNew } from './automation/run-rules.ts';
import { enqueueJob, jobType } from '../jobs/index.ts';
import { z } from 'zod';
import { trackProgress, type Progress } from '../jobs/index.ts';

export const BACKFILL_QUEUE = 'channel.backfill';
export const BACKFILL_ALL_QUEUE = 'channels.backfill';
/** `channel.backfill`: pull what one channel's webhooks may have missed. */
export const backfillJob = jobType(BACKFILL_QUEUE, z.object({ workspaceId: z.string().min(1), channelId: z.string().min(1) }));

/**
 * Pulls what webhooks may have missed for one channel and ingests it like any delivery:
 * what is already stored is skipped by its platform id, so webhooks and back-fill never
 * duplicate. The cursor is kept in the channel's settings.
 */
export async function backfillChannel(deps: InboxDeps, job: { workspaceId: string; channelId: string }): Promise<number> {
  const channel = await loadChannelContext(deps, job.workspaceId, job.channelId);
  const provider = deps.channels.require(channel.kind);
  if (!provider.backfill || channel.status !== 'active') return 0;
  const backfill = provider.backfill.bind(provider);
  // The channel's `channel.backfill` bar: fetching, then writing what came.
  return trackProgress(deps, { workspaceId: job.workspaceId, kind: BACKFILL_QUEUE, subject: job.channelId }, (progress) => backfillPass(deps, job, channel, backfill, progress));
}

async function backfillPass(deps: InboxDeps, job: { workspaceId: string; channelId: string }, channel: Awaited<ReturnType<typeof loadChannelContext>>, backfill: NonNullable<ChannelProvider['backfill']>, progress: Progress): Promise<number> {
  await progress.report(0, 0, 'fetching');
  let pulled;
  try {
    pulled = await backfill(channel, (channel.settings.backfillCursor as string | undefined) ?? null);
  } catch (error) {
    const failure = error as { kind?: string; retryAfterMs?: number };
    if (failure.kind === 'auth') {
      await markChannelStatus(deps.db, job.workspaceId, job.channelId, 'needs_reconnect', deps.clock.now());
      await publishAll(deps.bus, [{ workspaceId: job.workspaceId, type: 'channel.needs_reconnect', data: { channelId: job.channelId, reason: (error as Error).message } }]);
      return 0;
    }
    if (failure.kind === 'rate_limited') {
      await enqueueJob(deps.queue, backfillJob, { workspaceId: job.workspaceId, channelId: job.channelId }, { delayMs: failure.retryAfterMs ?? 60_000, singletonKey: `later:${job.channelId}` });
      return 0;
    }
    throw error;
  }
  await progress.report(0, pulled.items.length, 'writing');
  const now = deps.clock.now();
  const ref = { workspaceId: job.workspaceId, channelId: job.channelId };
  const events = await deps.db.transaction().execute(async (trx) => {
    const classifier = await deps.classifiers.forWorkspace(job.workspaceId, trx);
    const pending: PendingEvent[] = [];
    for (const item of pulled.items) pending.push(...(await ingestItem(trx, ref, item, now, { classifier })));
    // A mention found by back-fill is as new to the team as one pushed by webhook.
    await enqueueRulesForNew(deps.queue, trx, pending);
    const settings = { ...channel.settings, backfillCursor: pulled.cursor ?? channel.settings.backfillCursor ?? null };
    await trx.updateTable('channels').set({ settings: JSON.stringify(settings), updated_at: now }).where('workspace_id', '=', job.workspaceId).where('id', '=', job.channelId).execute();
    return pending;
  });
  await publishAll(deps.bus, events);
  return pulled.items.length;
}

/** The schedule's tick: one back-fill job per active channel whose provider can back-fill. */
export async function backfillAllChannels(deps: InboxDeps): Promise<void> {
  const kinds = deps.channels.list().filter((provider) => provider.backfill).map((provider) => provider.provider);
  if (kinds.length === 0) return;
  const channels = await deps.db.selectFrom('channels').select(['workspace_id', 'id']).where('status', '=', 'active').where('kind', 'in', kinds).execute();
  for (const channel of channels) {
    await enqueueJob(deps.queue, backfillJob, { workspaceId: channel.workspace_id, channelId: channel.id }, { singletonKey: channel.id, maxAttempts: 3, backoffMs: 30_000 });
  }
}
