import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { meta } from '../channels/testing.ts';
import { addMember, Browser } from '../http/testing.ts';
import { PAGE_ID, startMetaHarness, type MetaHarness } from '../inbox/testing.ts';

const dialects = ['sqlite'] as const; // the routes do not differ per database; the store suite covers both
const T0 = Date.UTC(2026, 10, 23, 8, 30);

// Every contest route, as each role would call it, while the contest runs.
const routes = (contestId: string, contactId: string): { method: string; url: string; body?: unknown }[] => [
  { method: 'GET', url: '/api/v1/contests' },
  { method: 'GET', url: '/api/v1/contests/rules-template' },
  { method: 'GET', url: '/api/v1/contests/posts' },
  { method: 'GET', url: '/api/v1/contests/exclusions' },
  { method: 'PUT', url: '/api/v1/contests/exclusions', body: { contactId, kind: null } },
  { method: 'GET', url: `/api/v1/contests/${contestId}` },
  { method: 'GET', url: `/api/v1/contests/${contestId}/entries` },
  { method: 'GET', url: `/api/v1/contests/${contestId}/winners` },
  { method: 'GET', url: `/api/v1/contests/${contestId}/proof` },
  { method: 'GET', url: `/api/v1/contests/${contestId}/entries.csv` },
  { method: 'POST', url: `/api/v1/contests/${contestId}/draw` },
  { method: 'POST', url: `/api/v1/contests/${contestId}/notify` },
  { method: 'POST', url: '/api/v1/contests', body: { name: 'Autre', startsAt: T0, endsAt: T0 + 86_400_000, winners: 1, postIds: ['nope'] } },
  { method: 'GET', url: `/api/v1/contests/${contestId}?include=seed` },
  { method: 'GET', url: `/api/v1/contests/${contestId}/seed` },
];

describe.each(dialects)('the contest seed before the draw on %s', (dialect) => {
  let h: MetaHarness;
  let contestId: string;
  let seed: string;
  let sealed: string;
  let contactId: string;
  const browsers: Record<string, Browser> = {};

  beforeAll(async () => {
    h = await startMetaHarness(dialect);
    await h.post(meta.page(meta.comment(PAGE_ID, { commentId: `${PAGE_ID}_42_1`, postId: `${PAGE_ID}_42`, from: { id: '5550001', name: 'Camille' }, message: 'Je participe #LuneConcours', at: T0 })));
    await h.settle();
    const post = (await h.owner.get('/api/v1/contests/posts')).body.posts[0];
    const created = await h.owner.post('/api/v1/contests', { name: 'Bague lune', startsAt: T0 - 3_600_000, endsAt: T0 + 7 * 86_400_000, winners: 2, alternates: 1, postIds: [post.id], keyword: '#LuneConcours' });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    contestId = created.body.contest.id;
    const row = await h.relais.store.db.selectFrom('contests').select(['seed_sealed', 'commitment']).where('id', '=', contestId).executeTakeFirstOrThrow();
    sealed = row.seed_sealed;
    seed = h.relais.inbox.sealer.open(sealed);
    contactId = (await h.relais.store.db.selectFrom('contacts').select('id').executeTakeFirstOrThrow()).id;
    expect(seed).toMatch(/^[0-9a-f]{64}$/);
    expect(row.commitment).toBe(createHash('sha256').update(seed).digest('hex'));
    expect(created.body.contest.commitment).toBe(row.commitment);
    expect(created.body.contest.rulesText).toContain(row.commitment);
    browsers.owner = h.owner;
    browsers.owner2 = await addMember(h.relais.app, h.owner, 'owner2@example.com', 'owner', 'Second owner');
    browsers.admin = await addMember(h.relais.app, h.owner, 'admin@example.com', 'admin', 'Ada');
    browsers.community_manager = await addMember(h.relais.app, h.owner, 'cm@example.com', 'community_manager', 'Chloé');
    browsers.agent = await addMember(h.relais.app, h.owner, 'agent@example.com', 'agent', 'Bob');
    browsers.none = await new Browser(h.relais.app).open();
  }, 30_000);
  afterAll(async () => { await h?.dispose(); });

  it.each(['none', 'agent', 'community_manager', 'admin', 'owner', 'owner2'])('is in no answer of any contest route as %s', async (role) => {
    const browser = browsers[role]!;
    const statuses: string[] = [];
    for (const route of routes(contestId, contactId)) {
      const reply = await browser.request(route.method, route.url, route.body);
      const text = JSON.stringify(reply.body ?? '') + JSON.stringify(reply.headers);
      expect(text, `${route.method} ${route.url}`).not.toContain(seed);
      expect(text, `${route.method} ${route.url}`).not.toContain(sealed);
      expect(text.toUpperCase(), `${route.method} ${route.url}`).not.toContain(seed.toUpperCase());
      expect(reply.status, `${route.method} ${route.url}`).toBeLessThan(500);
      statuses.push(`${route.method} ${route.url.replace(contestId, ':id')} ${reply.status}`);
    }
    // Who may do what: agents and strangers are refused; the seed is withheld from the rest.
    const real = statuses.filter((s) => !s.includes('/seed'));
    if (role === 'none') expect(real.every((s) => s.endsWith(' 401')), real.join('\n')).toBe(true);
    else if (role === 'agent') expect(real.every((s) => s.endsWith(' 403')), real.join('\n')).toBe(true);
    else {
      expect(statuses).toContain(`GET /api/v1/contests/:id 200`);
      expect(statuses).toContain(`GET /api/v1/contests/:id/proof 409`);
      expect(statuses).toContain(`GET /api/v1/contests/:id/entries.csv 409`);
      expect(statuses).toContain(`POST /api/v1/contests/:id/draw 409`);
    }
  });

  it('shows the commitment and no seed in the contest view', async () => {
    const view = (await h.owner.get(`/api/v1/contests/${contestId}`)).body;
    expect(view.contest.draw).toBeNull();
    expect(Object.keys(view.contest)).not.toContain('seed');
    expect(view.contest.commitment).toMatch(/^[0-9a-f]{64}$/);
  });

  it('answers bad input with a 4xx and a code, never a 500', async () => {
    const cm = browsers.community_manager!;
    const cases: [string, string, unknown, number, string][] = [
      ['POST', '/api/v1/contests', { name: '' }, 400, 'request.invalid'],
      ['POST', '/api/v1/contests', { name: 'X', startsAt: T0, endsAt: T0 - 1, winners: 1, postIds: ['a'] }, 400, 'request.invalid'],
      ['POST', '/api/v1/contests', { name: 'X', startsAt: T0, endsAt: T0 + 1, winners: 1, postIds: ['not-a-post'] }, 400, 'request.invalid'],
      ['POST', '/api/v1/contests', '{"name":', 400, 'request.malformed_json'],
      ['GET', '/api/v1/contests/nope', undefined, 404, 'contest.not_found'],
      ['POST', '/api/v1/contests/nope/draw', undefined, 404, 'contest.not_found'],
      ['GET', '/api/v1/contests/nope/proof', undefined, 404, 'contest.not_found'],
      ['GET', '/api/v1/contests/nope/entries.csv', undefined, 404, 'contest.not_found'],
      ['POST', '/api/v1/contests/nope/notify', undefined, 404, 'contest.not_found'],
      ['PUT', '/api/v1/contests/exclusions', { contactId: 'nobody', kind: 'blocked' }, 404, 'contact.not_found'],
      ['PUT', '/api/v1/contests/exclusions', { contactId: contactId, kind: 'friend' }, 400, 'request.invalid'],
      ['GET', '/api/v1/ambassadors?days=abc', undefined, 400, 'request.invalid'],
      ['GET', '/api/v1/ambassadors?network=tiktok', undefined, 400, 'request.invalid'],
      ['PUT', '/api/v1/ambassadors/settings', { threshold: -1 }, 400, 'request.invalid'],
      ['POST', '/api/v1/ambassadors/nobody/code', { shopChannelId: h.channelId }, 404, 'contact.not_found'],
      ['POST', `/api/v1/ambassadors/${contactId}/code`, { shopChannelId: 'no-shop' }, 404, 'channel.not_found'],
      ['POST', `/api/v1/ambassadors/${contactId}/code`, { shopChannelId: h.channelId }, 409, 'ambassador.no_shop'],
    ];
    for (const [method, url, body, status, code] of cases) {
      const reply = await cm.request(method, url, body, typeof body === 'string' ? { headers: { 'content-type': 'application/json' } } : {});
      expect([reply.status, reply.body?.error?.code], `${method} ${url} ${JSON.stringify(body)}`).toEqual([status, code]);
    }
  });

  it('shows no contest of another workspace', async () => {
    const other = await h.owner.post('/api/v1/workspaces', { name: 'Autre boutique' });
    expect(other.status, JSON.stringify(other.body)).toBeLessThan(300);
    const otherId = other.body.workspace?.id ?? other.body.id;
    expect((await h.owner.post('/api/v1/me/workspace', { workspaceId: otherId })).status).toBeLessThan(300);
    expect((await h.owner.get(`/api/v1/contests/${contestId}`)).status).toBe(404);
    expect((await h.owner.get('/api/v1/contests')).body.contests).toEqual([]);
    expect((await h.owner.post(`/api/v1/contests/${contestId}/draw`)).status).toBe(404);
    await h.owner.post('/api/v1/me/workspace', { workspaceId: h.workspaceId });
  });
});
