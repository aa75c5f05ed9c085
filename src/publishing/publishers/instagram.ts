import type { ChannelContext } from '../../channels/index.ts';
import { metricReader } from './facebook.ts';
import { callJson, joinUrl, timeoutOf } from './http.ts';
import { CLOCK_SLACK_MS, graphFailure, graphTimeMs } from './meta-errors.ts';
import type { Publisher, PublishOutcome } from './publisher.ts';

const graph = (channel: ChannelContext, method: string, path: string, body?: Record<string, unknown>) =>
  callJson(joinUrl(channel.apiBase, path), { method, headers: { authorization: `Bearer ${channel.credentials.pageToken ?? ''}` }, body }, timeoutOf(channel.settings));

const igUser = (channel: ChannelContext) => String(channel.settings.instagramId ?? '');
const HOUR_MS = 3_600_000;

/**
 * Instagram content publishing (PLATFORMS.md §5.2), two steps: a media container from the
 * image URL and caption, then `media_publish` with its id. Before the second step the rolling
 * 24 h quota is read from `content_publishing_limit`; a spent quota waits. A container from an
 * earlier attempt is reused while it is FINISHED, and a PUBLISHED one means the post exists.
 */
export const instagramPublisher: Publisher = {
  network: 'instagram',

  async publish(channel, post, hooks): Promise<PublishOutcome> {
    const user = igUser(channel);
    if (!user) return { ok: false, kind: 'permanent', reason: 'This Page has no Instagram account connected' };
    let containerId = post.containerId;
    if (containerId) {
      const status = await containerStatus(channel, containerId);
      if (status === 'PUBLISHED') {
        const found = await this.find(channel, post);
        if (found) return { ok: true, ...found };
      }
      if (status !== 'FINISHED' && status !== 'IN_PROGRESS') containerId = null;
    }
    const limit = await graph(channel, 'GET', `${user}/content_publishing_limit?fields=config,quota_usage`);
    if (limit.status !== 200) return graphFailure(limit);
    const entry = limit.body?.data?.[0];
    const total = Number(entry?.config?.quota_total ?? 25);
    if (Number(entry?.quota_usage ?? 0) >= total) {
      return { ok: false, kind: 'rate_limited', reason: `Instagram's publishing quota is spent (${total} posts in 24 hours)`, retryAfterMs: HOUR_MS };
    }
    if (!containerId) {
      const created = await graph(channel, 'POST', `${user}/media`, { image_url: post.mediaUrls[0], caption: post.text });
      if (created.status !== 200) return graphFailure(created);
      containerId = String(created.body?.id ?? '');
      await hooks.saveContainer(containerId);
    }
    const published = await graph(channel, 'POST', `${user}/media_publish`, { creation_id: containerId });
    if (published.status !== 200) return graphFailure(published);
    const mediaId = String(published.body?.id ?? '');
    const read = await graph(channel, 'GET', `${mediaId}?fields=permalink`).catch(() => null);
    return { ok: true, platformId: mediaId, permalink: read?.status === 200 ? String(read.body?.permalink ?? '') || null : null };
  },

  async find(channel, post) {
    // Without a container nothing can have been published; with one, its status says.
    if (!post.containerId || (await containerStatus(channel, post.containerId)) !== 'PUBLISHED') return null;
    const list = await graph(channel, 'GET', `${igUser(channel)}/media?fields=id,caption,timestamp,permalink&limit=25`);
    if (list.status !== 200) return null;
    const found = (list.body?.data as any[] | undefined ?? [])
      .find((item) => String(item.caption ?? '') === post.text && graphTimeMs(item.timestamp) >= post.since - CLOCK_SLACK_MS);
    return found ? { platformId: String(found.id), permalink: found.permalink ? String(found.permalink) : null } : null;
  },

  async figures(channel, platformId) {
    const response = await graph(channel, 'GET', `${platformId}/insights?metric=impressions,likes,comments,shares,saved,profile_activity`);
    if (response.status !== 200) return null;
    const value = metricReader(response.body);
    return { likes: value('likes'), comments: value('comments'), shares: value('shares'), saves: value('saved'), impressions: value('impressions'), clicks: value('profile_activity') };
  },
};

async function containerStatus(channel: ChannelContext, containerId: string): Promise<string | null> {
  const response = await graph(channel, 'GET', `${containerId}?fields=status_code`);
  return response.status === 200 ? String(response.body?.status_code ?? '') : null;
}
