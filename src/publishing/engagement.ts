import { loadChannelContext } from '../channels/index.ts';
import type { Db } from '../store/index.ts';
import type { PublishingDeps } from './deps.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * When to read a post's figures next: dense while it is young (most engagement comes in the
 * first hours), sparse after, never after a month.
 *
 * @example nextPollAfter(30 * 60_000) // 10 minutes
 */
export function nextPollAfter(age: number): number | null {
  if (age < 2 * HOUR) return 10 * MINUTE;
  if (age < 12 * HOUR) return 30 * MINUTE;
  if (age < 2 * DAY) return 2 * HOUR;
  if (age < 7 * DAY) return 12 * HOUR;
  if (age < 30 * DAY) return 3 * DAY;
  return null;
}

/**
 * Reads the figures of the published versions whose poll is due and stores each reading as a
 * point of their time series (`pub_metrics`). A version the platform no longer has stops being
 * polled; a failing call is tried again at the next round.
 */
export async function pollEngagement(deps: PublishingDeps, limit = 100): Promise<number> {
  const now = deps.clock.now();
  const due = await deps.db.selectFrom('pub_versions').select(['workspace_id', 'id', 'network', 'channel_id', 'platform_id', 'published_at'])
    .where('status', '=', 'published').where('next_poll_at', '<=', now).orderBy('next_poll_at').limit(limit).execute();
  let read = 0;
  for (const version of due) {
    const publisher = deps.publishers.get(version.network);
    const next = nextPollAfter(now - Number(version.published_at ?? now));
    try {
      const channel = await loadChannelContext(deps, version.workspace_id, version.channel_id);
      const figures = publisher && version.platform_id ? await publisher.figures(channel, version.platform_id) : null;
      if (figures) {
        await deps.db.insertInto('pub_metrics').values({ workspace_id: version.workspace_id, version_id: version.id, at: now, ...figures })
          .onConflict((c) => c.columns(['workspace_id', 'version_id', 'at']).doNothing()).execute();
        read += 1;
      }
      await deps.db.updateTable('pub_versions').set({ next_poll_at: figures ? (next === null ? null : now + next) : null })
        .where('workspace_id', '=', version.workspace_id).where('id', '=', version.id).execute();
    } catch (error) {
      deps.logger.warn({ err: error, versionId: version.id }, 'engagement read failed; next round');
      await deps.db.updateTable('pub_versions').set({ next_poll_at: now + 10 * MINUTE }).where('workspace_id', '=', version.workspace_id).where('id', '=', version.id).execute();
    }
  }
  return read;
}

/** A version's readings, oldest first. */
export async function engagementSeries(db: Db, workspaceId: string, versionId: string) {
  const rows = await db.selectFrom('pub_metrics').select(['at', 'likes', 'comments', 'shares', 'saves', 'impressions', 'clicks'])
    .where('workspace_id', '=', workspaceId).where('version_id', '=', versionId).orderBy('at').execute();
  return rows.map((row) => ({ ...row, at: Number(row.at) }));
}

/**
 * The Relais post behind an inbox post (comments arrive on the platform's post id): how the
 * inbox shows the published post beside its comments.
 */
export async function publicationOf(db: Db, workspaceId: string, channelId: string, platformPostId: string) {
  const row = await db.selectFrom('pub_versions').select(['id', 'post_id', 'network', 'text', 'permalink', 'published_at'])
    .where('workspace_id', '=', workspaceId).where('channel_id', '=', channelId).where('platform_id', '=', platformPostId).executeTakeFirst();
  return row ? { versionId: row.id, postId: row.post_id, network: row.network, text: row.text, permalink: row.permalink, publishedAt: row.published_at === null ? null : Number(row.published_at) } : null;
}
