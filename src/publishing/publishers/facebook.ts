import type { ChannelContext } from '../../channels/index.ts';
import { callJson, joinUrl, timeoutOf } from './http.ts';
import { CLOCK_SLACK_MS, graphFailure, graphTimeMs } from './meta-errors.ts';
import type { Figures, OutgoingPost, Publisher } from './publisher.ts';

const graph = (channel: ChannelContext, method: string, path: string, body?: Record<string, unknown>) =>
  callJson(joinUrl(channel.apiBase, path), { method, headers: { authorization: `Bearer ${channel.credentials.pageToken ?? ''}` }, body }, timeoutOf(channel.settings));

/** What Facebook shows: the text, with the link written out when a photo carries it. */
const photoCaption = (post: OutgoingPost) => (post.link && !post.text.includes(post.link) ? `${post.text}\n${post.link}`.trim() : post.text);

/**
 * A Facebook Page post (PLATFORMS.md §5.3): `/{page-id}/feed` with message and link, or
 * `/{page-id}/photos` with the image URL Facebook fetches. A repeat of the previous post is
 * refused by Facebook (506), a permanent failure.
 */
export const facebookPublisher: Publisher = {
  network: 'facebook',

  async publish(channel, post) {
    const pageId = channel.externalId ?? '';
    const response = post.mediaUrls.length > 0
      ? await graph(channel, 'POST', `${pageId}/photos`, { url: post.mediaUrls[0], caption: photoCaption(post), published: true })
      : await graph(channel, 'POST', `${pageId}/feed`, { message: post.text, ...(post.link ? { link: post.link } : {}), published: true });
    if (response.status !== 200) return graphFailure(response);
    const platformId = String(response.body?.post_id ?? response.body?.id ?? '');
    return { ok: true, platformId, permalink: await permalink(channel, platformId) };
  },

  async find(channel, post) {
    const pageId = channel.externalId ?? '';
    const response = await graph(channel, 'GET', `${pageId}/feed?fields=id,message,created_time&limit=25`);
    if (response.status !== 200) return null;
    const wanted = post.mediaUrls.length > 0 ? photoCaption(post) : post.text;
    const found = (response.body?.data as any[] | undefined ?? [])
      .find((item) => String(item.message ?? '') === wanted && graphTimeMs(item.created_time) >= post.since - CLOCK_SLACK_MS);
    return found ? { platformId: String(found.id), permalink: await permalink(channel, String(found.id)) } : null;
  },

  async figures(channel, platformId) {
    const response = await graph(channel, 'GET', `${platformId}/insights?metric=post_impressions,post_clicks,post_reactions_like_total,post_comments,post_shares`);
    if (response.status !== 200) return null;
    const value = metricReader(response.body);
    return {
      likes: value('post_reactions_like_total'), comments: value('post_comments'), shares: value('post_shares'), saves: 0,
      impressions: value('post_impressions'), clicks: value('post_clicks'),
    } satisfies Figures;
  },
};

async function permalink(channel: ChannelContext, id: string): Promise<string | null> {
  const response = await graph(channel, 'GET', `${id}?fields=permalink_url`).catch(() => null);
  return response?.status === 200 ? String(response.body?.permalink_url ?? '') || null : null;
}

/** Reads `{data:[{name, values:[{value}]}]}` insights answers. */
export function metricReader(body: any): (name: string) => number {
  const data = Array.isArray(body?.data) ? body.data as any[] : [];
  return (name) => {
    const metric = data.find((m) => m.name === name);
    const value = metric?.values?.at(-1)?.value ?? metric?.total_value?.value ?? 0;
    return Number.isFinite(Number(value)) ? Number(value) : 0;
  };
}
