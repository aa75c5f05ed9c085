import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localTimeToUtc } from '../care/index.ts';
import { setUpOwner, startTestRelais, type Browser, type TestRelais } from '../http/testing.ts';
import type { PublishNetwork } from '../store/index.ts';
import { bestTimes, nextQueueSlot, rhythmAdvice } from './coach.ts';
import { foldText } from './validate-post.ts';

let relais: TestRelais;
let owner: Browser;
let workspaceId: string;
let n = 0;

beforeAll(async () => {
  relais = await startTestRelais('sqlite');
  relais.clock.set(Date.now());
  owner = await setUpOwner(relais.app);
  workspaceId = (await owner.get('/api/v1/me')).body.workspace.id as string;
});
afterAll(async () => { await relais?.dispose(); });

/** A post already out (or scheduled) on a network at a Paris time, with its engagement. */
async function posted(network: PublishNetwork, day: string, time: string, options: { text?: string; engagement?: number; status?: 'published' | 'scheduled' } = {}) {
  const at = localTimeToUtc(day, time, 'Europe/Paris');
  const id = `P${String(++n).padStart(5, '0')}`;
  const db = relais.store.db;
  const status = options.status ?? 'published';
  const text = options.text ?? `Post ${id}`;
  await db.insertInto('pub_posts').values({ workspace_id: workspaceId, id, author_id: 'u', campaign: null, link: null, status, approval: 'none', review_comment: null, scheduled_at: at, deal: null, promo_code: null, created_at: at, updated_at: at }).execute();
  await db.insertInto('pub_versions').values({
    workspace_id: workspaceId, id: `V${id}`, post_id: id, network, channel_id: 'c', text, title: null, board_id: null, media_ids: '[]', status, due_at: at, lease_until: null,
    attempts: 1, attempt_started_at: at, container_id: null, platform_id: status === 'published' ? id : null, permalink: null, failure_kind: null, failure_reason: null,
    text_key: foldText(text), published_at: status === 'published' ? at : null, next_poll_at: null, created_at: at, updated_at: at,
  }).execute();
  if (options.engagement !== undefined) {
    await db.insertInto('pub_metrics').values({ workspace_id: workspaceId, version_id: `V${id}`, at: at + 86_400_000, likes: options.engagement, comments: 0, shares: 0, saves: 0, impressions: options.engagement * 10, clicks: 0 }).execute();
  }
}

const coach = async (network: PublishNetwork, at: string, text: string) => {
  const reply = await owner.post('/api/v1/posts/coach', { network, at, text });
  expect(reply.status).toBe(200);
  return reply.body.warnings as { code: string; evidence: Record<string, unknown> }[];
};

describe('the posting coach', () => {
  it('warns on the third post of a day on one network (target 2), not the second, nor on another network', async () => {
    await posted('facebook', '2026-12-10', '09:00');
    expect((await coach('facebook', '2026-12-10T18:00', 'Deuxième du jour')).map((w) => w.code)).not.toContain('coach.over_rhythm');
    await posted('facebook', '2026-12-10', '12:30');
    const third = await coach('facebook', '2026-12-10T18:00', 'Troisième du jour');
    expect(third.find((w) => w.code === 'coach.over_rhythm')?.evidence).toEqual({ day: '2026-12-10', postsThatDay: 3, target: 2 });
    expect((await coach('instagram', '2026-12-10T18:00', 'Autre réseau')).map((w) => w.code)).not.toContain('coach.over_rhythm');
    // The day is the workspace's: 23:30 in Paris on the 10th is still the 10th (22:30 UTC).
    expect((await coach('facebook', '2026-12-10T23:30', 'Tard')).map((w) => w.code)).toContain('coach.over_rhythm');
    expect((await coach('facebook', '2026-12-11T00:30', 'Lendemain')).map((w) => w.code)).not.toContain('coach.over_rhythm');
    // A target of 3 makes the third post fine.
    expect((await owner.request('PUT', '/api/v1/publishing/settings', { approvalRequired: false, rhythm: { facebook: 3 } })).status).toBe(200);
    expect((await coach('facebook', '2026-12-10T18:00', 'Troisième du jour')).map((w) => w.code)).not.toContain('coach.over_rhythm');
    await owner.request('PUT', '/api/v1/publishing/settings', { approvalRequired: false, rhythm: {} });
  });

  it('warns on a text already posted on that network within 30 days, whatever its case, accents or link', async () => {
    await posted('x', '2026-11-20', '10:00', { text: 'Livraison offerte dès 50 € ! https://maisonlune.fr/a' });
    const repeat = await coach('x', '2026-12-15T10:00', 'LIVRAISON OFFERTE dès 50 €  https://maisonlune.fr/b');
    expect(repeat.map((w) => w.code)).toContain('coach.repeated_text');
    expect((await coach('x', '2026-12-25T10:00', 'Livraison offerte dès 50 € !')).map((w) => w.code)).not.toContain('coach.repeated_text'); // 35 days later
    expect((await coach('pinterest', '2026-12-15T10:00', 'Livraison offerte dès 50 € !')).map((w) => w.code)).not.toContain('coach.repeated_text');
  });

  it('warns on a network left silent for several days', async () => {
    const silent = await coach('x', '2026-11-28T10:00', 'Nouveau');
    expect(silent.find((w) => w.code === 'coach.silent')?.evidence).toMatchObject({ days: 8 });
    expect((await coach('x', '2026-11-21T10:00', 'Le lendemain')).map((w) => w.code)).not.toContain('coach.silent');
  });

  it('finds the best hour of the week from engagement (the known answer), smoothed toward the prior', async () => {
    // Instagram: Tuesdays at 18:00 do ten times better than every other slot.
    const days = ['2026-10-06', '2026-10-13', '2026-10-20', '2026-10-27', '2026-11-03', '2026-11-10'];
    for (const day of days) await posted('instagram', day, '18:00', { engagement: 100 });
    const others = [['2026-10-05', '08:00'], ['2026-10-07', '12:00'], ['2026-10-08', '19:00'], ['2026-10-09', '13:00'], ['2026-10-10', '20:00'], ['2026-10-11', '11:00'],
      ['2026-10-14', '12:00'], ['2026-10-15', '19:00'], ['2026-10-16', '21:00'], ['2026-10-17', '12:00'], ['2026-10-21', '19:00'], ['2026-10-22', '12:00'],
      ['2026-10-23', '20:00'], ['2026-10-24', '13:00'], ['2026-10-28', '19:00']] as const;
    for (const [day, time] of others) await posted('instagram', day, time, { engagement: 10 });
    const times = await bestTimes(relais.store.db, workspaceId, 'instagram');
    expect(times.posts).toBe(21);
    expect(times.enoughData).toBe(true);
    expect(times.best[0]).toMatchObject({ weekday: 1, hour: 18 });
    const cell = times.cells.find((c) => c.weekday === 1 && c.hour === 18)!;
    // (6 × 100 + 3 × prior) / (6 + 3), the prior being the mean (≈ 35.7) × 1.3 for a weekday evening.
    const mean = (6 * 100 + 15 * 10) / 21;
    expect(cell.score).toBeCloseTo((600 + 3 * mean * 1.3) / 9, 6);
    expect(cell.posts).toBe(6);
    // An hour with no post is the prior alone: night lower than lunch.
    const night = times.cells.find((c) => c.weekday === 3 && c.hour === 3)!;
    expect(night.score).toBeCloseTo(mean * 0.3, 6);
    // The heat map over HTTP, and "add to queue" landing on the first of the five best hours still free.
    const http = await owner.get('/api/v1/publishing/best-times?network=instagram');
    expect(http.body.cells).toHaveLength(168);
    const from = Date.parse('2026-12-06T12:00:00Z'); // a Sunday
    const slot = await nextQueueSlot(relais.store.db, workspaceId, 'instagram', from);
    expect(times.best.some((b) => b.weekday === slot.weekday && b.hour === slot.hour)).toBe(true);
    // With the evenings before it taken, the queue goes on to Tuesday 18:00.
    for (const [day, time] of [['2026-12-07', '17:00'], ['2026-12-07', '20:00'], ['2026-12-08', '12:00']] as const) await posted('instagram', day, time, { status: 'scheduled' });
    const later = await nextQueueSlot(relais.store.db, workspaceId, 'instagram', from);
    expect(new Date(later.at).toISOString()).toBe('2026-12-08T17:00:00.000Z'); // Tuesday 18:00 in Paris
  });

  it('says when there is too little data, and leans on the prior then', async () => {
    await posted('pinterest', '2026-10-06', '03:00', { engagement: 50 });
    const times = await bestTimes(relais.store.db, workspaceId, 'pinterest');
    expect(times).toMatchObject({ posts: 1, enoughData: false });
    // Its one 3 a.m. post is pulled toward the night prior; the evenings of the prior lead.
    expect(times.cells.find((c) => c.weekday === 1 && c.hour === 3)!.score).toBeCloseTo((50 + 3 * 50 * 0.3) / 4, 6);
    expect(times.best[0]!.score).toBeCloseTo(50 * 1.3, 6);
    expect(times.best[0]!.hour).toBeGreaterThanOrEqual(17);
    expect((await rhythmAdvice(relais.store.db, workspaceId, 'pinterest')).suggestion).toBe('not_enough_data');
  });
});
