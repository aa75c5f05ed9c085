import type { ChannelContext } from '../../channels/index.ts';
import { callJson, joinUrl, timeoutOf, type JsonResponse } from './http.ts';
import { CLOCK_SLACK_MS } from './meta-errors.ts';
import type { Publisher, PublishOutcome } from './publisher.ts';
import { xText } from '../validate-post.ts';

const api = (channel: ChannelContext, method: string, path: string, body?: unknown) =>
  callJson(joinUrl(channel.apiBase, path), { method, headers: { authorization: `Bearer ${channel.credentials.accessToken ?? ''}` }, body }, timeoutOf(channel.settings));

/** X's answer in Relais's kinds: the status decides, never the 429 body (PLATFORMS.md §2.5). */
function xFailure(response: JsonResponse, now: number): Extract<PublishOutcome, { ok: false }> {
  const first = Array.isArray(response.body?.errors) ? response.body.errors[0] : undefined;
  const reason = `${String(response.body?.detail ?? first?.message ?? response.body?.title ?? '')} (HTTP ${response.status})`.trim();
  if (response.status === 429) {
    const reset = Number(response.headers.get('x-rate-limit-reset'));
    return { ok: false, kind: 'rate_limited', reason, retryAfterMs: Number.isFinite(reset) && reset > 0 ? Math.max(1000, reset * 1000 - now) : 60_000 };
  }
  if (response.status === 401) return { ok: false, kind: 'auth', reason };
  if (response.status >= 500) return { ok: false, kind: 'transient', reason };
  return { ok: false, kind: 'permanent', reason };
}

/**
 * A post on X: `POST /2/tweets` (PLATFORMS.md §2.4), the link appended to the text. X's
 * posting limits come back as 429 with `x-rate-limit-reset`, which the scheduler waits for.
 * Images need X's separate media upload, not done here: X versions carry text and link.
 */
export const xPublisher: Publisher = {
  network: 'x',

  async publish(channel, post) {
    const response = await api(channel, 'POST', '/2/tweets', { text: xText(post.text, post.link) });
    if (response.status !== 201 && response.status !== 200) return xFailure(response, Date.now());
    const id = String(response.body?.data?.id ?? '');
    const handle = String(channel.settings.screenName ?? 'i');
    return { ok: true, platformId: id, permalink: `https://x.com/${handle}/status/${id}` };
  },

  async find(channel, post) {
    const account = String(channel.settings.accountId ?? channel.externalId ?? '');
    const response = await api(channel, 'GET', `/2/users/${account}/tweets?max_results=20&tweet.fields=created_at`);
    if (response.status !== 200) return null;
    const text = xText(post.text, post.link);
    const found = (response.body?.data as any[] | undefined ?? [])
      .find((item) => String(item.text ?? '') === text && (!item.created_at || Date.parse(String(item.created_at)) >= post.since - CLOCK_SLACK_MS));
    if (!found) return null;
    return { platformId: String(found.id), permalink: `https://x.com/${String(channel.settings.screenName ?? 'i')}/status/${String(found.id)}` };
  },

  async figures(channel, platformId) {
    const response = await api(channel, 'GET', `/2/tweets/${platformId}?tweet.fields=public_metrics,non_public_metrics`);
    if (response.status !== 200 || !response.body?.data) return null;
    const pub = response.body.data.public_metrics ?? {};
    const priv = response.body.data.non_public_metrics ?? {};
    const n = (value: unknown) => (Number.isFinite(Number(value)) ? Number(value) : 0);
    return {
      likes: n(pub.like_count), comments: n(pub.reply_count), shares: n(pub.retweet_count) + n(pub.quote_count), saves: n(pub.bookmark_count),
      impressions: n(priv.impression_count ?? pub.impression_count), clicks: n(priv.url_link_clicks),
    };
  },
};
