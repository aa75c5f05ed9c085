import { loadChannelContext, markChannelStatus } from '../channels/index.ts';
import { newId } from '../kernel/index.ts';
import { isOutboundError } from '../net/index.ts';
import type { PubVersionsTable } from '../store/index.ts';
import { publishJob, type PublishingDeps } from './deps.ts';
import { enqueueJob } from '../jobs/index.ts';
import { outgoingPost } from './outgoing.ts';
import { refreshPostStatus } from './posts.ts';
import type { PublishOutcome } from './publishers/index.ts';
import { timeoutOf } from './publishers/http.ts';
import { emitWebhookEvent } from '../webhooks/index.ts';

/** A job a little early (clock drift between processes) still publishes. */
const EARLY_TOLERANCE_MS = 1_000;
const MAX_TRANSIENT_ATTEMPTS = 6;
const BACKOFF_MS = 30_000;
export const FIRST_POLL_AFTER_MS = 10 * 60_000;

export interface PublishJob {
  workspaceId: string;
  versionId: string;
}

/**
 * Publishes one version of a post, exactly once. The version is claimed first ("publishing",
 * with a lease a little longer than the platform call may take) and that is committed before
 * the platform is called. Any later attempt — a retry, or another worker after a crash —
 * first asks the platform whether the post already exists, and records it instead of posting
 * again. Transient failures retry with backoff, rate limits wait for the platform's reset, an
 * expired token marks the channel "needs reconnecting" and tells the author.
 *
 * @example await publishVersion(deps, { workspaceId, versionId }) // the version is published, rescheduled or failed
 */
export async function publishVersion(deps: PublishingDeps, job: PublishJob): Promise<void> {
  const { db } = deps;
  const now = deps.clock.now();
  const version = await db.selectFrom('pub_versions').selectAll().where('workspace_id', '=', job.workspaceId).where('id', '=', job.versionId).executeTakeFirst();
  if (!version) return;
  if (version.status === 'scheduled' && (version.due_at ?? 0) > now + EARLY_TOLERANCE_MS) return; // moved later: its own job will come
  if (version.status === 'publishing' && (version.lease_until ?? 0) > now) return; // someone is on it; the sweep checks after the lease
  if (version.status !== 'scheduled' && version.status !== 'publishing') return;
  const post = await db.selectFrom('pub_posts').selectAll().where('workspace_id', '=', job.workspaceId).where('id', '=', version.post_id).executeTakeFirst();
  if (!post || post.status === 'deleted') return;
  const publisher = deps.publishers.get(version.network);
  const channel = await loadChannelContext(deps, job.workspaceId, version.channel_id).catch(() => null);
  if (!publisher || !channel) return fail(deps, version, post.author_id, { ok: false, kind: 'permanent', reason: 'The channel is gone' });
  if (channel.status !== 'active') return fail(deps, version, post.author_id, { ok: false, kind: 'auth', reason: 'The channel needs reconnecting' });

  const claimed = await db.updateTable('pub_versions').set({
    status: 'publishing', lease_until: now + timeoutOf(channel.settings) * 2 + 1_000, attempts: version.attempts + 1,
    attempt_started_at: version.attempt_started_at ?? now, updated_at: now,
  }).where('workspace_id', '=', job.workspaceId).where('id', '=', version.id).where('status', '=', version.status).where('attempts', '=', version.attempts).executeTakeFirst();
  if (Number(claimed.numUpdatedRows) === 0) return; // another worker claimed it first
  await refreshPostStatus(db, job.workspaceId, post.id, now);
  const claimedRow = { ...version, attempt_started_at: version.attempt_started_at ?? now };
  const outgoing = await outgoingPost(deps, post, claimedRow);

  let outcome: PublishOutcome;
  try {
    // An earlier attempt may have published and lost the answer: look before posting again.
    const found = version.attempts > 0 ? await publisher.find(channel, outgoing) : null;
    outcome = found ? { ok: true, ...found } : await publisher.publish(channel, outgoing, {
      saveContainer: async (containerId) => {
        await db.updateTable('pub_versions').set({ container_id: containerId, updated_at: deps.clock.now() }).where('workspace_id', '=', job.workspaceId).where('id', '=', version.id).execute();
      },
    });
  } catch (error) {
    // Refused by the outbound guard: nothing left, and trying again cannot help. Otherwise no
    // answer (time-out, connection lost): the call may have acted, so the next attempt looks first.
    outcome = isOutboundError(error) && error.refused
      ? { ok: false, kind: 'permanent', reason: error.message }
      : { ok: false, kind: 'transient', reason: (error as Error).message };
  }
  if (outcome.ok) return recordPublished(deps, claimedRow, outcome);
  return fail(deps, { ...claimedRow, attempts: version.attempts + 1 }, post.author_id, outcome);
}

async function recordPublished(deps: PublishingDeps, version: PubVersionsTable, outcome: Extract<PublishOutcome, { ok: true }>): Promise<void> {
  const now = deps.clock.now();
  // The published state and the webhook that tells it commit together (`once`: a retry after a lost commit sends it once).
  await deps.db.transaction().execute(async (trx) => {
    await trx.updateTable('pub_versions').set({
      status: 'published', platform_id: outcome.platformId, permalink: outcome.permalink, published_at: now, lease_until: null,
      failure_kind: null, failure_reason: null, next_poll_at: now + FIRST_POLL_AFTER_MS, updated_at: now,
    }).where('workspace_id', '=', version.workspace_id).where('id', '=', version.id).execute();
    await refreshPostStatus(trx, version.workspace_id, version.post_id, now);
    await emitWebhookEvent(deps, trx, version.workspace_id, 'post.published', { postId: version.post_id, versionId: version.id, network: version.network, platformId: outcome.platformId, permalink: outcome.permalink, publishedAt: now }, { once: version.id });
  });
  await deps.bus.publish(version.workspace_id, 'post.published', { postId: version.post_id, versionId: version.id, network: version.network, permalink: outcome.permalink });
  deps.logger.info({ versionId: version.id, network: version.network, platformId: outcome.platformId }, 'post published');
}

async function fail(deps: PublishingDeps, version: PubVersionsTable, authorId: string, outcome: Extract<PublishOutcome, { ok: false }>): Promise<void> {
  const now = deps.clock.now();
  const retryIn = outcome.kind === 'rate_limited' ? Math.max(1_000, outcome.retryAfterMs ?? 60_000)
    : outcome.kind === 'transient' && version.attempts < MAX_TRANSIENT_ATTEMPTS ? BACKOFF_MS * 2 ** Math.max(0, version.attempts - 1) : null;
  const where = (q: any) => q.where('workspace_id', '=', version.workspace_id).where('id', '=', version.id);
  if (retryIn !== null) {
    await deps.db.transaction().execute(async (trx) => {
      await where(trx.updateTable('pub_versions').set({ status: 'scheduled', due_at: now + retryIn, lease_until: null, failure_kind: outcome.kind, failure_reason: outcome.reason, updated_at: now })).execute();
      await enqueueJob(deps.queue, publishJob, { workspaceId: version.workspace_id, versionId: version.id }, { db: trx, delayMs: retryIn });
    });
    await refreshPostStatus(deps.db, version.workspace_id, version.post_id, now);
    deps.logger.warn({ versionId: version.id, kind: outcome.kind, retryInMs: retryIn, reason: outcome.reason }, 'publishing postponed');
    return;
  }
  await where(deps.db.updateTable('pub_versions').set({ status: 'failed', lease_until: null, failure_kind: outcome.kind, failure_reason: outcome.reason, updated_at: now })).execute();
  if (outcome.kind === 'auth') {
    await markChannelStatus(deps.db, version.workspace_id, version.channel_id, 'needs_reconnect', now);
    await deps.bus.publish(version.workspace_id, 'channel.needs_reconnect', { channelId: version.channel_id });
  }
  await refreshPostStatus(deps.db, version.workspace_id, version.post_id, now);
  // The author hears of it once per failure, however often the job runs.
  const notification = await deps.db.insertInto('notifications').values({
    workspace_id: version.workspace_id, id: newId(now), user_id: authorId, kind: 'post', source_key: `post-failed:${version.id}:${version.attempts}`,
    conversation_id: null, message_id: null, data: JSON.stringify({ postId: version.post_id, versionId: version.id, network: version.network, kind: outcome.kind, reason: outcome.reason }),
    created_at: now, read_at: null,
  }).onConflict((c) => c.columns(['workspace_id', 'user_id', 'source_key']).doNothing()).returning('id').executeTakeFirst();
  if (notification) await deps.bus.publish(version.workspace_id, 'notification.created', { userId: authorId, notificationId: notification.id });
  await deps.bus.publish(version.workspace_id, 'post.failed', { postId: version.post_id, versionId: version.id, network: version.network, kind: outcome.kind, reason: outcome.reason });
}

/**
 * The safety net, every minute: versions due with no job (a lost enqueue) and versions whose
 * publishing lease ran out (the worker died mid-call) get a job. The job looks on the platform
 * before posting, so a recovered crash never posts twice.
 */
export async function sweepDue(deps: PublishingDeps): Promise<number> {
  const now = deps.clock.now();
  const due = await deps.db.selectFrom('pub_versions').select(['workspace_id', 'id', 'attempts', 'status'])
    .where((eb) => eb.or([
      eb.and([eb('status', '=', 'scheduled'), eb('due_at', '<=', now)]),
      eb.and([eb('status', '=', 'publishing'), eb('lease_until', '<=', now)]),
    ])).limit(500).execute();
  for (const row of due) {
    await enqueueJob(deps.queue, publishJob, { workspaceId: row.workspace_id, versionId: row.id }, { singletonKey: `sweep:${row.id}:${row.attempts}` });
  }
  return due.length;
}
