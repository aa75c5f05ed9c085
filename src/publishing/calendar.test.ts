import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../store/testing.ts';
import { BOARD, startPublishingHarness, type PublishingHarness } from './testing.ts';

describe.each(await testDialects())('calendar and post list (%s)', (dialect) => {
  let h: PublishingHarness;
  beforeAll(async () => { h = await startPublishingHarness({ dialect }); });
  afterAll(async () => { await h?.dispose(); });

  it('answers the days of a period in the workspace\'s zone, compact, filtered by network and status, and pages the list', async () => {
    const long = `Soldes d’hiver ${'★'.repeat(200)}`;
    const make = async (scheduledAt: string, versions: Record<string, unknown>[]) => {
      const created = await h.owner.post('/api/v1/posts', { scheduledAt, versions });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      return created.body.id as string;
    };
    const fb = { network: 'facebook', channelId: h.channels.meta, text: long };
    const x = { network: 'x', channelId: h.channels.x, text: 'Soldes d’hiver sur X' };
    const pin = { network: 'pinterest', channelId: h.channels.pinterest, text: 'Soldes', title: 'Soldes', boardId: BOARD, mediaIds: [h.imageId] };
    // 00:30 on the 2nd in Paris is still the 1st in UTC: it belongs to the 2nd.
    const early = await make('2027-02-02T00:30', [fb, x]);
    const late = await make('2027-02-03T23:30', [x, pin]);
    const outside = await make('2027-02-04T00:10', [fb]);
    const gone = await make('2027-02-02T10:00', [fb]);
    expect((await h.owner.request('DELETE', `/api/v1/posts/${gone}`)).status).toBe(204);

    const week = await h.owner.get('/api/v1/posts/calendar?from=2027-02-02&to=2027-02-03');
    expect(week.status).toBe(200);
    expect(week.body.posts.map((p: { id: string }) => p.id)).toEqual([early, late]);
    const first = week.body.posts[0];
    expect(first).toEqual({
      id: early, status: 'draft', approval: 'none', scheduledAt: Date.parse('2027-02-01T23:30:00Z'), campaign: null, authorId: expect.any(String),
      excerpt: long.slice(0, 90), versions: [{ network: 'facebook', status: 'draft' }, { network: 'x', status: 'draft' }],
    });
    expect(week.body.truncated).toBe(false);

    const onX = await h.owner.get('/api/v1/posts/calendar?from=2027-02-01&to=2027-02-05&network=x');
    expect(onX.body.posts.map((p: { id: string; versions: unknown[] }) => [p.id, p.versions])).toEqual([
      [early, [{ network: 'x', status: 'draft' }]], [late, [{ network: 'x', status: 'draft' }]],
    ]);
    const byChannel = await h.owner.get(`/api/v1/posts/calendar?from=2027-02-01&to=2027-02-05&channelId=${h.channels.pinterest}`);
    expect(byChannel.body.posts.map((p: { id: string }) => p.id)).toEqual([late]);
    const deleted = await h.owner.get('/api/v1/posts/calendar?from=2027-02-01&to=2027-02-05&status=deleted');
    expect(deleted.body.posts.map((p: { id: string }) => p.id)).toEqual([gone]);

    const page1 = await h.owner.get('/api/v1/posts?limit=2');
    expect(page1.body.posts.map((p: { id: string }) => p.id)).toEqual([outside, late]);
    expect(page1.body.next).toBe(late);
    const page2 = await h.owner.get(`/api/v1/posts?limit=2&before=${page1.body.next}`);
    expect(page2.body.posts.map((p: { id: string }) => p.id)).toEqual([early]);
    expect(page2.body.next).toBeNull();
    const pinList = await h.owner.get('/api/v1/posts?network=pinterest');
    expect(pinList.body.posts.map((p: { id: string; versions: unknown[] }) => [p.id, p.versions])).toEqual([[late, [{ network: 'pinterest', status: 'draft' }]]]);
    expect((await h.owner.get('/api/v1/posts/calendar?from=2027-02-01&to=nope')).status).toBe(400);
  });
});
