import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultBusinessHours, defaultSlaPolicies } from '../care/index.ts';
import { meta } from '../channels/testing.ts';
import { addMember, type Browser } from '../http/testing.ts';
import { testDialects } from '../store/testing.ts';
import { monitorSla, type SlaEventName } from './sla-monitor.ts';
import { PAGE_ID, startMetaHarness, type MetaHarness } from './testing.ts';

const MIN = 60_000;
const H = 60 * MIN;
// The harness clock: Monday 23 November 2026, 09:00 UTC = 10:00 in Paris.
const T0 = Date.UTC(2026, 10, 23, 9, 0);
const dialects = await testDialects();

describe.each(dialects)('SLA under stored settings on %s', (dialect) => {
  let h: MetaHarness;
  let agent: Browser;
  let mid = 0;
  beforeAll(async () => {
    h = await startMetaHarness(dialect);
    agent = await addMember(h.relais.app, h.owner, 'karim@example.com', 'agent', 'Karim');
  });
  afterAll(async () => { await h.dispose(); });

  const customerWrites = async (psid: string, at: number) => {
    await h.post(meta.page(meta.message(PAGE_ID, { psid, mid: `m_${++mid}`, text: 'Où est ma commande ?', at })));
    await h.settle();
    const conversation = await h.relais.store.db.selectFrom('conversations').select('id').where('external_thread_id', '=', `messenger:${psid}`).executeTakeFirstOrThrow();
    return conversation.id;
  };
  const row = async (id: string) => {
    const reply = await h.owner.get('/api/v1/conversations?limit=100');
    if (reply.status !== 200) throw new Error(JSON.stringify(reply.body));
    return (reply.body.conversations as any[]).find((c) => c.id === id);
  };
  const savePolicies = (policies: unknown, channelId: string | null = null) => h.owner.patch('/api/v1/care-settings', { channelId, policies });

  it('stored policies and hours move the due time in the list; a channel override wins; bad settings change nothing', async () => {
    h.relais.clock.set(T0);
    const id = await customerWrites('5550001', T0);
    expect(await row(id)).toMatchObject({ dueAt: T0 + H, slaState: 'ok' }); // the defaults: 1 h on Messenger

    const twoHours = { firstResponseMs: 2 * H, nextResponseMs: 2 * H, resolutionMs: 24 * H, mode: 'business' };
    expect((await savePolicies({ ...defaultSlaPolicies, 'messenger:private': twoHours })).status).toBe(200);
    expect((await row(id)).dueAt).toBe(T0 + 2 * H);

    // Monday afternoons only: the clock waits for 14:00 Paris (13:00 UTC).
    const hours = { ...defaultBusinessHours, weekly: { ...defaultBusinessHours.weekly, 1: [{ start: '14:00', end: '18:00' }] } };
    expect((await h.owner.patch('/api/v1/care-settings', { hours })).status).toBe(200);
    expect((await row(id)).dueAt).toBe(Date.UTC(2026, 10, 23, 15, 0));

    // This channel keeps calendar time, 30 minutes.
    const fast = { firstResponseMs: 30 * MIN, nextResponseMs: 30 * MIN, resolutionMs: 4 * H, mode: 'calendar' };
    expect((await savePolicies({ ...defaultSlaPolicies, 'messenger:private': fast }, h.channelId)).status).toBe(200);
    expect((await row(id)).dueAt).toBe(T0 + 30 * MIN);

    const badZone = await h.owner.patch('/api/v1/care-settings', { hours: { ...hours, timeZone: 'Europe/Atlantis' } });
    expect(badZone.status).toBe(400);
    expect(badZone.body.error.fields).toHaveProperty('timeZone');
    const noFallback = await savePolicies({ 'x:public': twoHours });
    expect(noFallback.status).toBe(400);
    const overlap = await h.owner.patch('/api/v1/care-settings', { hours: { weekly: { ...hours.weekly, 2: [{ start: '09:00', end: '12:00' }, { start: '11:00', end: '13:00' }] } } });
    expect(overlap.status).toBe(400);
    expect((await agent.patch('/api/v1/care-settings', { policies: defaultSlaPolicies })).status).toBe(403);
    expect((await h.owner.patch('/api/v1/care-settings', { channelId: 'nope', policies: defaultSlaPolicies })).status).toBe(404);
    expect((await row(id)).dueAt).toBe(T0 + 30 * MIN);

    const stored = (await agent.get('/api/v1/care-settings')).body;
    expect(stored.stored.map((s: any) => s.channelId)).toEqual([null, h.channelId].sort((a, b) => (a ?? '').localeCompare(b ?? '')));
    // Back to inheriting: null clears what the channel had.
    expect((await savePolicies(null, h.channelId)).status).toBe(200);
    expect((await row(id)).dueAt).toBe(Date.UTC(2026, 10, 23, 15, 0));
    expect((await h.owner.patch('/api/v1/care-settings', { hours: null, policies: null })).status).toBe(200);
    expect((await row(id)).dueAt).toBe(T0 + H);
  });

  it('sorts by due time, soonest first, then those owing nothing, page by page', async () => {
    const base = T0 + 2 * H;
    h.relais.clock.set(base);
    const late = await customerWrites('5550010', base - 50 * MIN); // due in 10 minutes
    const fresh = await customerWrites('5550011', base); // due in an hour
    const answered = await customerWrites('5550012', base - 5 * MIN);
    expect((await agent.post(`/api/v1/conversations/${answered}/messages`, { text: 'Je regarde tout de suite.', visibility: 'private' })).status).toBe(201);

    const sorted = (await agent.get('/api/v1/conversations?view=open&sort=due&limit=100')).body.conversations as any[];
    const ids = sorted.map((c) => c.id).filter((id) => [late, fresh, answered].includes(id));
    expect(ids).toEqual([late, fresh, answered]);
    expect(sorted.find((c) => c.id === late)).toMatchObject({ slaState: 'due_soon', dueAt: base + 10 * MIN });
    const dues = sorted.map((c) => c.dueAt).filter((d) => d !== null);
    expect(dues).toEqual([...dues].sort((a, b) => a - b));

    const first = (await agent.get('/api/v1/conversations?view=open&sort=due&limit=1')).body;
    const second = (await agent.get(`/api/v1/conversations?view=open&sort=due&limit=1&cursor=${first.nextCursor}`)).body;
    expect([first.conversations[0].id, second.conversations[0].id]).toEqual(sorted.slice(0, 2).map((c) => c.id));
    expect((await agent.get('/api/v1/conversations?sort=soon')).status).toBe(400);
  });

  it('sorts a comment thread by the policy of its network, which its newest message names', async () => {
    const base = T0 + 3 * H; // Monday 13:00 in Paris
    h.relais.clock.set(base);
    const fast = { firstResponseMs: 20 * MIN, nextResponseMs: 20 * MIN, resolutionMs: 4 * H, mode: 'calendar' };
    expect((await savePolicies({ ...defaultSlaPolicies, 'facebook:public': fast })).status).toBe(200);
    await h.post(meta.page(meta.comment(PAGE_ID, { commentId: `${PAGE_ID}_77_1`, postId: `${PAGE_ID}_77`, from: { id: '5550031', name: 'Inès' }, message: 'Toujours rien reçu', at: base })));
    await h.settle();
    const comment = (await h.relais.store.db.selectFrom('conversations').select('id').where('kind', '=', 'public').orderBy('created_at', 'desc').executeTakeFirstOrThrow()).id;
    const privately = await customerWrites('5550032', base - 10 * MIN); // Messenger, 1 h: due at 13:50

    // The channel is a Meta one: read as its kind, the thread would owe a public answer in 8 business hours.
    const sorted = (await agent.get('/api/v1/conversations?view=open&sort=due&limit=100')).body.conversations as any[];
    expect(sorted.map((c) => c.id).filter((id) => [comment, privately].includes(id))).toEqual([comment, privately]);
    expect(sorted.find((c) => c.id === comment)).toMatchObject({ surface: 'facebook', dueAt: base + 20 * MIN });
    expect((await savePolicies(null)).status).toBe(200);
  });

  it('the monitor announces due soon then breached once each, to the callback and to realtime', async () => {
    const start = T0 + 4 * H + 30 * MIN; // Monday 14:30 Paris, an afternoon without a break
    h.relais.clock.set(start);
    const id = await customerWrites('5550020', start);
    const seen: [string, SlaEventName][] = [];
    const onSlaEvent = async (_workspaceId: string, conversationId: string, event: SlaEventName) => { seen.push([conversationId, event]); };
    const mine = () => seen.filter(([c]) => c === id).map(([, e]) => e);

    h.relais.clock.set(start + 40 * MIN);
    await monitorSla(h.relais.inbox, onSlaEvent);
    expect(mine()).toEqual([]);
    h.relais.clock.set(start + 46 * MIN); // 14 minutes left: due soon
    await monitorSla(h.relais.inbox, onSlaEvent);
    await monitorSla(h.relais.inbox, onSlaEvent);
    expect(mine()).toEqual(['sla_due_soon']);
    h.relais.clock.set(start + 61 * MIN);
    await monitorSla(h.relais.inbox, onSlaEvent);
    await monitorSla(h.relais.inbox, onSlaEvent);
    expect(mine()).toEqual(['sla_due_soon', 'sla_breached']);
    expect((await row(id)).slaState).toBe('breached');

    // A failing escalation is tried again on the next run, then recorded.
    const other = await customerWrites('5550021', start + 61 * MIN - H - MIN);
    let fail = true;
    const flaky = async (_w: string, conversationId: string, event: SlaEventName) => {
      if (conversationId === other && fail) throw new Error('rules unavailable');
      seen.push([conversationId, event]);
    };
    await monitorSla(h.relais.inbox, flaky);
    fail = false;
    await monitorSla(h.relais.inbox, flaky);
    await monitorSla(h.relais.inbox, flaky);
    expect(seen.filter(([c]) => c === other).map(([, e]) => e)).toEqual(['sla_breached']);

    const events = await h.relais.bus.since(h.workspaceId, 0, h.relais.bus.epoch);
    const sla = (events as { type: string; data: any }[]).filter((e) => e.type === 'conversation.sla' && e.data.conversationId === id);
    expect(sla.map((e) => [e.data.event, e.data.target])).toEqual([['sla_due_soon', 'first_response'], ['sla_breached', 'first_response']]);
  });
});
