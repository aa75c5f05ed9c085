import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meta } from '../channels/testing.ts';
import { addMember, type Browser } from '../http/testing.ts';
import { waitFor } from '../jobs/testing.ts';
import { sql } from '../store/index.ts';
import { testDialects } from '../store/testing.ts';
import { PAGE_ID, startMetaHarness, type MetaHarness } from './testing.ts';

const dialects = await testDialects();

describe.each(dialects)('routing through the API on %s', (dialect) => {
  let h: MetaHarness;
  let karim: Browser;
  let lina: Browser;
  const ids: Record<string, string> = {};
  let mid = 0;
  beforeAll(async () => {
    h = await startMetaHarness(dialect);
    karim = await addMember(h.relais.app, h.owner, 'karim@example.com', 'agent', 'Karim');
    lina = await addMember(h.relais.app, h.owner, 'lina@example.com', 'agent', 'Lina');
    ids.karim = (await karim.get('/api/v1/me')).body.user.id;
    ids.lina = (await lina.get('/api/v1/me')).body.user.id;
  });
  afterAll(async () => { await h.dispose(); });

  const customerWrites = async (psid: string) => {
    await h.post(meta.page(meta.message(PAGE_ID, { psid, mid: `m_${++mid}`, text: 'Bonjour, une question sur ma commande', at: h.relais.clock.now() })));
    await h.settle();
    return (await h.relais.store.db.selectFrom('conversations').select('id').where('external_thread_id', '=', `messenger:${psid}`).executeTakeFirstOrThrow()).id;
  };
  // Every routing job has run: the embedded queue's table, or pg-boss's own.
  const routingSettled = () => waitFor(async () => {
    const pending = dialect === 'sqlite'
      ? await h.relais.store.db.selectFrom('jobs').select('id').where('queue', 'like', 'routing.%').where('state', 'in', ['queued', 'running']).execute()
      : (await sql<{ id: string }>`SELECT id FROM pgboss.job WHERE name LIKE 'routing.%' AND state IN ('created', 'retry', 'active')`.execute(h.relais.store.db)).rows;
    return pending.length === 0;
  }, 10_000, 'routing jobs');
  const assigneeOf = async (id: string) => (await h.owner.get(`/api/v1/conversations/${id}`)).body.conversation.assignee?.id ?? null;

  it('manages teams: admins only, members of the workspace only, one default team', async () => {
    const body = { name: 'Service client', mode: 'round_robin', channelIds: [h.channelId], members: [{ userId: ids.karim, capacity: 1 }, { userId: ids.lina, capacity: 1 }] };
    expect((await karim.post('/api/v1/teams', body)).status).toBe(403);
    expect((await h.owner.post('/api/v1/teams', { ...body, members: [{ userId: 'stranger', capacity: 2 }] })).body.error.code).toBe('member.not_assignable');
    expect((await h.owner.post('/api/v1/teams', { ...body, channelIds: ['elsewhere'] })).status).toBe(404);
    expect((await h.owner.post('/api/v1/teams', { ...body, mode: 'random' })).status).toBe(400);
    expect((await h.owner.post('/api/v1/teams', { ...body, members: [{ userId: ids.karim, capacity: -1 }] })).status).toBe(400);
    const created = await h.owner.post('/api/v1/teams', body);
    expect(created.status).toBe(201);
    expect((await h.owner.post('/api/v1/teams', body)).body.error.code).toBe('team.duplicate');
    const spare = await h.owner.post('/api/v1/teams', { name: 'Renfort', isDefault: true });
    expect((await h.owner.patch(`/api/v1/teams/${spare.body.id}`, { name: 'Renfort', isDefault: false })).status).toBe(200);
    expect((await h.owner.delete(`/api/v1/teams/${spare.body.id}`)).status).toBe(204);
    expect((await h.owner.delete(`/api/v1/teams/${spare.body.id}`)).status).toBe(404);
    const teams = (await karim.get('/api/v1/teams')).body.teams;
    expect(teams).toEqual([{ id: created.body.id, name: 'Service client', mode: 'round_robin', channelIds: [h.channelId], isDefault: false, members: body.members }]);
  });

  it('assigns a conversation a customer opens to an online agent; nobody online leaves it in Unassigned until someone comes online', async () => {
    const waiting = await customerWrites('6660001');
    // Nobody set themselves online: the conversation waits, visible in Unassigned.
    await routingSettled();
    expect(await assigneeOf(waiting)).toBeNull();
    expect((await karim.get('/api/v1/conversations?view=unassigned')).body.conversations.map((c: any) => c.id)).toContain(waiting);

    expect((await karim.request('PUT', '/api/v1/me/availability', { status: 'online' })).status).toBe(200);
    await waitFor(async () => (await assigneeOf(waiting)) === ids.karim, 10_000, 'the waiting conversation to reach Karim');
    const events = await h.relais.bus.since(h.workspaceId, 0, h.relais.bus.epoch) as { type: string; data: any }[];
    expect(events.some((e) => e.type === 'agent.availability' && e.data.userId === ids.karim && e.data.status === 'online')).toBe(true);
    expect(events.some((e) => e.type === 'conversation.assigned' && e.data.conversationId === waiting && e.data.assigneeId === ids.karim)).toBe(true);

    // Karim is full (capacity 1) and Lina is away: the next one waits too.
    expect((await lina.request('PUT', '/api/v1/me/availability', { status: 'away' })).status).toBe(200);
    const next = await customerWrites('6660002');
    await routingSettled();
    expect(await assigneeOf(next)).toBeNull();
    expect((await lina.request('PUT', '/api/v1/me/availability', { status: 'online' })).status).toBe(200);
    await waitFor(async () => (await assigneeOf(next)) === ids.lina, 10_000, 'the next conversation to reach Lina');

    const third = await customerWrites('6660003');
    expect((await lina.request('PUT', '/api/v1/me/availability', { status: 'offline' })).status).toBe(200);
    const agents = (await karim.get('/api/v1/availability')).body.agents as { userId: string; status: string }[];
    expect(agents.find((a) => a.userId === ids.lina)?.status).toBe('offline');
    expect(agents.find((a) => a.userId === ids.karim)?.status).toBe('online');
    expect(await assigneeOf(third)).toBeNull();

    // Karim resolves his conversation: the seat goes to the one waiting longest.
    await routingSettled();
    expect((await karim.patch(`/api/v1/conversations/${waiting}`, { status: 'resolved' })).status).toBe(200);
    await waitFor(async () => (await assigneeOf(third)) === ids.karim, 10_000, 'the third conversation to reach Karim');
    // Nothing waits any more: once Karim resolves again, a new arrival goes straight to him (queued by ingestion).
    expect((await karim.patch(`/api/v1/conversations/${third}`, { status: 'resolved' })).status).toBe(200);
    await routingSettled();
    const fourth = await customerWrites('6660004');
    await waitFor(async () => (await assigneeOf(fourth)) === ids.karim, 10_000, 'the new conversation to reach Karim');
    expect((await karim.request('PUT', '/api/v1/me/availability', { status: 'busy' })).status).toBe(400);
  }, 60_000); // pg-boss polls every 2 s

  it('keeps each conversation\'s measured times, readable through the API', async () => {
    const id = await customerWrites('6660010');
    h.relais.clock.advance(20 * 60_000);
    expect((await karim.post(`/api/v1/conversations/${id}/messages`, { text: 'Je m’en occupe.', visibility: 'private' })).status).toBe(201);
    const sla = (await karim.get(`/api/v1/conversations/${id}/sla`)).body.sla;
    expect(sla.firstResponse).toMatchObject({ businessMs: 20 * 60_000, calendarMs: 20 * 60_000, breached: false });
    expect((await karim.get('/api/v1/conversations/unknown/sla')).status).toBe(404);
  });
});
