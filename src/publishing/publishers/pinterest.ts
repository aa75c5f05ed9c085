import type { ChannelContext } from '../../channels/index.ts';
import { callJson, joinUrl, timeoutOf, type JsonResponse } from './http.ts';
import { CLOCK_SLACK_MS } from './meta-errors.ts';
import type { Publisher, PublishOutcome } from './publisher.ts';

const api = (channel: ChannelContext, method: string, path: string, body?: unknown) =>
  callJson(joinUrl(channel.apiBase, path), { method, headers: { authorization: `Bearer ${channel.credentials.accessToken ?? ''}` }, body }, timeoutOf(channel.settings));

function pinterestFailure(response: JsonResponse, now: number): Extract<PublishOutcome, { ok: false }> {
  const reason = `${String(response.body?.message ?? `HTTP ${response.status}`)} (HTTP ${response.status}${response.body?.code !== undefined ? `, code ${String(response.body.code)}` : ''})`;
  if (response.status === 429) {
    const reset = Number(response.headers.get('x-ratelimit-reset'));
    return { ok: false, kind: 'rate_limited', reason, retryAfterMs: Number.isFinite(reset) && reset > 0 ? Math.max(1000, reset * 1000 - now) : 60_000 };
  }
  if (response.status === 401) return { ok: false, kind: 'auth', reason };
  if (response.status >= 500) return { ok: false, kind: 'transient', reason };
  return { ok: false, kind: 'permanent', reason };
}

/**
 * A Pin (PLATFORMS.md §5.1): `POST /v5/pins` on a board, with title, description, link and
 * the image by URL. A lost answer is looked up among the board's latest Pins.
 */
export const pinterestPublisher: Publisher = {
  network: 'pinterest',

  async publish(channel, post) {
    const response = await api(channel, 'POST', '/v5/pins', {
      board_id: post.boardId, ...(post.title ? { title: post.title } : {}), description: post.text, ...(post.link ? { link: post.link } : {}),
      media_source: { source_type: 'image_url', url: post.mediaUrls[0] },
    });
    if (response.status !== 201 && response.status !== 200) return pinterestFailure(response, Date.now());
    const id = String(response.body?.id ?? '');
    return { ok: true, platformId: id, permalink: `https://www.pinterest.com/pin/${id}/` };
  },

  async find(channel, post) {
    const response = await api(channel, 'GET', `/v5/boards/${encodeURIComponent(post.boardId ?? '')}/pins?page_size=25`);
    if (response.status !== 200) return null;
    const found = (response.body?.items as any[] | undefined ?? [])
      .find((pin) => String(pin.description ?? '') === post.text && (pin.title ?? null) === (post.title ?? null) && Date.parse(String(pin.created_at)) >= post.since - CLOCK_SLACK_MS);
    return found ? { platformId: String(found.id), permalink: `https://www.pinterest.com/pin/${String(found.id)}/` } : null;
  },

  async figures(channel, platformId) {
    const response = await api(channel, 'GET', `/v5/pins/${platformId}?pin_metrics=true`);
    if (response.status !== 200) return null;
    const m = response.body?.pin_metrics?.lifetime_metrics ?? {};
    const n = (value: unknown) => (Number.isFinite(Number(value)) ? Number(value) : 0);
    return { likes: n(m.reaction), comments: n(m.comment), shares: 0, saves: n(m.save), impressions: n(m.impression), clicks: n(m.outbound_click) + n(m.pin_click) };
  },
};
