import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../jobs/testing.ts';
import { toInstant } from './posts.ts';
import { BOARD, IG, PAGE, startPublishingHarness, type PublishingHarness } from './testing.ts';

let h: PublishingHarness;
beforeAll(async () => { h = await startPublishingHarness(); });
afterAll(async () => { await h?.dispose(); });

const MINUTE = 60_000;
/** `YYYY-MM-DDTHH:mm` in Paris for an instant (the workspace's zone). */
const parisLocal = (at: number) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' })
  .format(at).replace(' ', 'T');
const versionsOf = async (postId: string) => (await h.owner.get(`/api/v1/posts/${postId}`)).body.versions as any[];
const byNetwork = async (postId: string) => Object.fromEntries((await versionsOf(postId)).map((v) => [v.network, v]));

async function compose(versions: Record<string, unknown>[], extra: Record<string, unknown> = {}) {
  const created = await h.owner.post('/api/v1/posts', { versions, ...extra });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body.id as string;
}

describe('scheduled publishing through the sandbox', () => {
  it('reads a local time in the workspace\'s zone, across the spring clock change', async () => {
    const db = h.relais.store.db;
    expect(await toInstant(db, h.workspaceId, '2026-03-28T10:00')).toBe(Date.parse('2026-03-28T09:00:00Z'));
    expect(await toInstant(db, h.workspaceId, '2026-03-29T10:00')).toBe(Date.parse('2026-03-29T08:00:00Z'));
    // 02:30 does not exist that night in Paris: it is read as 03:30 summer time.
    expect(await toInstant(db, h.workspaceId, '2026-03-29T02:30')).toBe(Date.parse('2026-03-29T01:30:00Z'));
    expect(await toInstant(db, h.workspaceId, '2026-10-25T10:00')).toBe(Date.parse('2026-10-25T09:00:00Z'));
  });

  it('publishes each network once, at its time and not before, with shop links tagged', async () => {
    // The shop sells on its own domain too: links to it get the post's UTM tags.
    const shopRow = await h.relais.store.db.selectFrom('channels').select('settings').where('id', '=', h.channels.shop).executeTakeFirstOrThrow();
    await h.relais.store.db.updateTable('channels').set({ settings: JSON.stringify({ ...JSON.parse(shopRow.settings), shopHosts: ['maisonlune.fr'] }) }).where('id', '=', h.channels.shop).execute();
    const at = Math.ceil((h.relais.clock.now() + 60 * MINUTE) / MINUTE) * MINUTE;
    const postId = await compose([
      { network: 'facebook', channelId: h.channels.meta, text: 'La bague Lune est arrivée 🌙 https://maisonlune.fr/bague-lune' },
      { network: 'instagram', channelId: h.channels.meta, text: 'La bague Lune est arrivée 🌙 #bijoux', mediaIds: [h.imageId] },
      { network: 'x', channelId: h.channels.x, text: 'La bague Lune est arrivée 🌙' },
      { network: 'pinterest', channelId: h.channels.pinterest, text: 'Bague Lune, or 18 carats', title: 'Bague Lune', boardId: BOARD, mediaIds: [h.imageId] },
    ], { campaign: 'lune-hiver', link: 'https://maisonlune.fr/bague-lune?ref=pin', scheduledAt: parisLocal(at) });
    const scheduled = await h.owner.post(`/api/v1/posts/${postId}/schedule`);
    expect(scheduled.status, JSON.stringify(scheduled.body)).toBe(200);
    expect(scheduled.body).toMatchObject({ status: 'scheduled', scheduledAt: at });

    // A minute before its time nothing has gone out.
    h.relais.clock.set(at - MINUTE);
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(h.sandbox.meta.pagePosts(PAGE)).toHaveLength(0);
    expect(h.sandbox.x.tweets).toHaveLength(0);

    h.relais.clock.set(at + 1000);
    await waitFor(async () => (await versionsOf(postId)).every((v) => v.status === 'published'), 20_000, 'every version published');
    const versions = await byNetwork(postId);
    expect((await h.owner.get(`/api/v1/posts/${postId}`)).body.status).toBe('published');
    const tag = (network: string) => `utm_source=${network}&utm_medium=social&utm_campaign=lune-hiver&utm_content=${postId}`;

    const fb = h.sandbox.meta.pagePosts(PAGE);
    expect(fb).toHaveLength(1);
    expect(fb[0]!.message).toBe(`La bague Lune est arrivée 🌙 https://maisonlune.fr/bague-lune?${tag('facebook')}`);
    expect(versions.facebook.platformId).toBe(fb[0]!.id);
    expect(versions.facebook.permalink).toBe(fb[0]!.permalinkUrl);
    const feedCall = h.sandbox.meta.calls.find((c) => c.method === 'POST' && c.path.endsWith('/feed'))!;
    expect(feedCall.params.link).toBe(`https://maisonlune.fr/bague-lune?ref=pin&${tag('facebook')}`);

    const ig = h.sandbox.meta.instagramMedia(PAGE);
    expect(ig).toHaveLength(1);
    expect(versions.instagram.platformId).toBe(ig[0]!.id);
    const igCalls = h.sandbox.meta.calls.filter((c) => c.path.startsWith(`/${IG}/`)).map((c) => `${c.method} ${c.path.split('/')[2]}`);
    expect(igCalls).toEqual(['GET content_publishing_limit', 'POST media', 'POST media_publish']);

    expect(h.sandbox.x.tweets.map((t) => t.text)).toEqual([`La bague Lune est arrivée 🌙 https://maisonlune.fr/bague-lune?ref=pin&${tag('x')}`]);
    expect(versions.x.permalink).toBe(`https://x.com/maisonlune/status/${h.sandbox.x.tweets[0]!.id}`);

    const pins = h.sandbox.pinterest.pins('maisonlune');
    expect(pins).toHaveLength(1);
    expect(pins[0]).toMatchObject({ boardId: BOARD, title: 'Bague Lune', description: 'Bague Lune, or 18 carats', link: `https://maisonlune.fr/bague-lune?ref=pin&${tag('pinterest')}` });
    for (const v of Object.values(versions) as { publishedAt: number }[]) expect(v.publishedAt).toBeGreaterThanOrEqual(at);

    // The sweep and any stray job later change nothing: still one post per network.
    h.relais.clock.set(at + 3 * MINUTE);
    await h.relais.queue.enqueue('publishing.sweep', {});
    await h.relais.queue.enqueue('publishing.publish', { workspaceId: h.workspaceId, versionId: versions.x.id });
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(h.sandbox.x.tweets).toHaveLength(1);
    expect(h.sandbox.meta.pagePosts(PAGE)).toHaveLength(1);

    // Engagement: read 10 minutes after publication, then again as the post ages; a time series per version.
    const series = async () => (await h.owner.get(`/api/v1/posts/${postId}/engagement`)).body.versions as { network: string; series: { impressions: number; likes: number }[] }[];
    h.relais.clock.set(at + 11 * MINUTE);
    await h.relais.queue.enqueue('publishing.metrics', {}, { singletonKey: 'test-1' });
    await waitFor(async () => (await series()).every((v) => v.series.length === 1), 10_000, 'a first reading of each version');
    h.relais.clock.set(at + 3 * 60 * MINUTE);
    await h.relais.queue.enqueue('publishing.metrics', {}, { singletonKey: 'test-2' });
    await waitFor(async () => (await series()).every((v) => v.series.length === 2), 10_000, 'a second reading');
    for (const version of await series()) {
      expect(version.series[1]!.impressions, version.network).toBeGreaterThan(version.series[0]!.impressions);
      expect(version.series[0]!.impressions, version.network).toBeGreaterThan(0);
    }
    const fbSeries = (await series()).find((v) => v.network === 'facebook')!.series;
    // The sandbox's curve: 40·√minutes impressions (about 8 then 3 hours after publication, at most a minute late).
    expect(fbSeries[0]!.impressions).toBeGreaterThanOrEqual(Math.floor(40 * Math.sqrt(10)));
    const poll = await h.relais.store.db.selectFrom('pub_versions').select('next_poll_at').where('id', '=', versions.facebook.id).executeTakeFirstOrThrow();
    expect(Number(poll.next_poll_at) - (at + 3 * 60 * MINUTE)).toBe(30 * MINUTE); // sparser once a few hours old
  });

  it('retries a transient failure with backoff, looking on the platform first', async () => {
    h.sandbox.meta.failNext({ path: '/feed', method: 'POST', status: 500 });
    const postId = await compose([{ network: 'facebook', channelId: h.channels.meta, text: 'Retour en stock : les créoles Soleil ☀️' }]);
    expect((await h.owner.post(`/api/v1/posts/${postId}/schedule`)).status).toBe(200);
    await waitFor(async () => (await versionsOf(postId))[0].failure?.kind === 'transient', 10_000, 'the transient failure');
    const [waiting] = await versionsOf(postId);
    expect(waiting).toMatchObject({ status: 'scheduled' });
    expect(waiting.dueAt - h.relais.clock.now()).toBeGreaterThanOrEqual(29_000);
    h.relais.clock.advance(31_000);
    await waitFor(async () => (await versionsOf(postId))[0].status === 'published', 10_000, 'the retry to publish');
    expect(h.sandbox.meta.pagePosts(PAGE).filter((p) => p.message.startsWith('Retour en stock'))).toHaveLength(1);
    const feedCalls = h.sandbox.meta.calls.filter((c) => c.path.endsWith('/feed')).map((c) => c.method);
    expect(feedCalls.slice(-3)).toEqual(['POST', 'GET', 'POST']); // failed, looked, posted
  });

  it('waits for X\'s rate-limit reset, and for Instagram\'s 24 h quota', async () => {
    const reset = Math.ceil(Date.now() / 1000) + 600;
    h.sandbox.x.failNext({ path: '/2/tweets', method: 'POST', status: 429, headers: { 'x-rate-limit-reset': String(reset), 'x-rate-limit-remaining': '0' } });
    const tweet = await compose([{ network: 'x', channelId: h.channels.x, text: 'Code NOEL20 : -20 % jusqu\'à dimanche' }]);
    expect((await h.owner.post(`/api/v1/posts/${tweet}/schedule`)).status).toBe(200);
    await waitFor(async () => (await versionsOf(tweet))[0].failure?.kind === 'rate_limited', 10_000, 'the rate limit');
    const [x] = await versionsOf(tweet);
    expect(x.status).toBe('scheduled');
    // It waits as long as X says (the test's Relais clock runs ahead of the real one).
    expect(Math.abs((x.dueAt - h.relais.clock.now()) - (reset * 1000 - Date.now()))).toBeLessThan(5_000);

    h.sandbox.meta.setInstagramQuota(0);
    const gram = await compose([{ network: 'instagram', channelId: h.channels.meta, text: 'Nouveautés', mediaIds: [h.imageId] }]);
    expect((await h.owner.post(`/api/v1/posts/${gram}/schedule`)).status).toBe(200);
    await waitFor(async () => (await versionsOf(gram))[0].failure?.kind === 'rate_limited', 10_000, 'the quota wait');
    expect((await versionsOf(gram))[0].failure.reason).toMatch(/quota/);
    expect(h.sandbox.meta.calls.filter((c) => c.path === `/${IG}/media` && c.method === 'POST')).toHaveLength(1); // only the first post's container
    h.sandbox.meta.setInstagramQuota(25);
  });

  it('marks the channel "needs reconnecting" on an expired token and tells the author', async () => {
    h.sandbox.pinterest.revokeToken('PIN_TOKEN_501');
    const pin = await compose([{ network: 'pinterest', channelId: h.channels.pinterest, text: 'Bracelet Étoile', boardId: BOARD, mediaIds: [h.imageId] }]);
    expect((await h.owner.post(`/api/v1/posts/${pin}/schedule`)).status).toBe(200);
    await waitFor(async () => (await versionsOf(pin))[0].status === 'failed', 10_000, 'the auth failure');
    expect((await versionsOf(pin))[0].failure.kind).toBe('auth');
    expect((await h.owner.get(`/api/v1/posts/${pin}`)).body.status).toBe('failed');
    const channel = await h.relais.store.db.selectFrom('channels').select('status').where('id', '=', h.channels.pinterest).executeTakeFirstOrThrow();
    expect(channel.status).toBe('needs_reconnect');
    const notes = await h.relais.store.db.selectFrom('notifications').select(['kind', 'data']).where('workspace_id', '=', h.workspaceId).where('kind', '=', 'post').execute();
    expect(notes.map((n) => JSON.parse(n.data))).toContainEqual(expect.objectContaining({ postId: pin, kind: 'auth' }));
  });

  it('refuses to schedule a post that breaks a network\'s rules', async () => {
    const bad = await compose([{ network: 'instagram', channelId: h.channels.meta, text: 'Sans image' }]);
    const refused = await h.owner.post(`/api/v1/posts/${bad}/schedule`);
    expect(refused.status).toBe(422);
    expect(refused.body.error.fields.instagram[0]).toMatch(/^instagram.media_required/);
    expect((await h.owner.post('/api/v1/posts', { versions: [{ network: 'x', channelId: h.channels.meta, text: 'x' }] })).status).toBe(400);
  });
});
