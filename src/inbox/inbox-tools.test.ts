import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { meta } from '../channels/testing.ts';
import { addMember, type Browser } from '../http/testing.ts';
import { PAGE_ID, startMetaHarness, type MetaHarness } from './testing.ts';

const T0 = Date.UTC(2026, 10, 23, 8, 30);
const H = 3_600_000;

describe('inbox tools', () => {
  let h: MetaHarness;
  let agent: Browser;
  let conversationId: string;
  beforeEach(async () => {
    h = await startMetaHarness('sqlite');
    agent = await addMember(h.relais.app, h.owner, 'karim@example.com', 'agent', 'Karim');
    await h.post(meta.page(meta.message(PAGE_ID, { psid: '7770001', mid: 'm_1', text: 'Ma commande 4512 est en retard', at: T0 })));
    await h.settle();
    conversationId = (await h.owner.get('/api/v1/conversations')).body.conversations[0].id;
  });
  afterEach(async () => { await h.dispose(); });

  const list = async (who: Browser, query: string) => (await who.get(`/api/v1/conversations?${query}`)).body.conversations.map((c: any) => c.id);

  it('shows the customer as waiting, then files the conversation by view as it is assigned, snoozed and resolved', async () => {
    const [row] = (await h.owner.get('/api/v1/conversations?view=open')).body.conversations;
    expect(row).toMatchObject({ waitingSince: T0, assignee: null, labels: [], lastMessage: { text: 'Ma commande 4512 est en retard', direction: 'in' } });
    expect(await list(agent, 'view=unassigned')).toEqual([conversationId]);
    expect(await list(agent, 'view=mine')).toEqual([]);

    const me = (await agent.get('/api/v1/me')).body.user.id;
    const assigned = await agent.patch(`/api/v1/conversations/${conversationId}`, { assigneeId: me });
    expect(assigned.body.assignee).toEqual({ id: me, name: 'Karim' });
    expect(await list(agent, 'view=mine')).toEqual([conversationId]);
    expect(await list(h.owner, 'view=mine')).toEqual([]);
    expect(await list(agent, 'view=unassigned')).toEqual([]);

    const until = h.relais.clock.now() + 2 * H;
    expect((await agent.patch(`/api/v1/conversations/${conversationId}`, { snoozedUntil: until })).body).toMatchObject({ status: 'snoozed', snoozedUntil: until });
    expect(await list(agent, 'view=snoozed')).toEqual([conversationId]);
    expect((await agent.patch(`/api/v1/conversations/${conversationId}`, { snoozedUntil: h.relais.clock.now() - 1 })).status).toBe(400);
    h.relais.clock.advance(2 * H + 1);
    const { wakeSnoozed } = await import('./update-conversation.ts');
    expect(await wakeSnoozed(h.relais.inbox)).toBe(1);
    expect(await list(agent, 'view=mine')).toEqual([conversationId]);

    expect((await agent.patch(`/api/v1/conversations/${conversationId}`, { status: 'resolved' })).body.status).toBe('resolved');
    expect(await list(agent, 'view=resolved')).toEqual([conversationId]);
    expect((await agent.patch(`/api/v1/conversations/${conversationId}`, { assigneeId: 'not-a-member' })).body.error.code).toBe('member.not_assignable');
  });

  it('labels conversations and filters by label; only curators manage labels and canned replies', async () => {
    const label = await h.owner.post('/api/v1/labels', { name: 'Livraison', color: '#d97706' });
    expect(label.status).toBe(201);
    expect((await h.owner.post('/api/v1/labels', { name: 'Livraison', color: '#000000' })).body.error.code).toBe('label.duplicate');
    expect((await agent.post('/api/v1/labels', { name: 'Autre', color: '#000000' })).status).toBe(403);
    expect((await agent.post(`/api/v1/conversations/${conversationId}/labels`, { labelId: label.body.id })).status).toBe(204);
    expect((await agent.post(`/api/v1/conversations/${conversationId}/labels`, { labelId: label.body.id })).status).toBe(204);
    expect(await list(agent, `label=${label.body.id}`)).toEqual([conversationId]);
    expect((await agent.get(`/api/v1/conversations/${conversationId}`)).body.conversation.labels).toEqual([{ id: label.body.id, name: 'Livraison', color: '#d97706' }]);
    await agent.delete(`/api/v1/conversations/${conversationId}/labels/${label.body.id}`);
    expect(await list(agent, `label=${label.body.id}`)).toEqual([]);

    const canned = await h.owner.post('/api/v1/canned-replies', { shortcut: 'retard', title: 'Colis en retard', body: 'Bonjour {{contact.first_name}}, nous regardons tout de suite. {{agent.first_name}}' });
    expect(canned.status).toBe(201);
    expect((await agent.get('/api/v1/canned-replies')).body.cannedReplies).toMatchObject([{ shortcut: 'retard', title: 'Colis en retard' }]);
    expect((await agent.delete(`/api/v1/canned-replies/${canned.body.id}`)).status).toBe(403);
    expect((await h.owner.post('/api/v1/canned-replies', { shortcut: 'has space', title: 'x', body: 'y' })).status).toBe(400);
  });

  it('tells the composer what may be sent now, and until when', async () => {
    const now = await h.owner.get(`/api/v1/conversations/${conversationId}/policy`);
    expect(now.body).toEqual({ public: null, private: { allowed: true, code: null, reason: null, note: expect.any(String), closesAt: T0 + 24 * H, maxLength: 2000, remaining: 2000 } });
    h.relais.clock.advance(10 * 24 * H);
    const owner = await (await import('../http/testing.ts')).Browser.prototype.open.call(new (await import('../http/testing.ts')).Browser(h.relais.app));
    await owner.post('/api/v1/auth/sign-in', { email: 'lea@boutique-lea.fr', password: 'correct horse battery' });
    const later = await owner.get(`/api/v1/conversations/${conversationId}/policy`);
    expect(later.body.private).toMatchObject({ allowed: false, code: 'channel.window_closed', closesAt: T0 + 7 * 24 * H });
  });

  it('keeps notes about a contact and shows their identities and conversations', async () => {
    const contactId = (await agent.get(`/api/v1/conversations/${conversationId}`)).body.conversation.contact.id;
    expect((await agent.post(`/api/v1/contacts/${contactId}/notes`, { text: 'Cliente fidèle, préfère le téléphone' })).status).toBe(201);
    const panel = (await agent.get(`/api/v1/contacts/${contactId}`)).body;
    expect(panel.identities).toMatchObject([{ channel: { kind: 'meta' }, externalId: '7770001' }]);
    expect(panel.conversations.map((c: any) => c.id)).toEqual([conversationId]);
    expect(panel.notes).toMatchObject([{ text: 'Cliente fidèle, préfère le téléphone', authorName: 'Karim' }]);
  });

  it('shows the reply promise: due in business time, due soon, breached, settled once answered — a note is no answer', async () => {
    // The message came on Monday 23 November 2026 at 09:30 Paris time (08:30 UTC); Messenger
    // promises 1 business hour, so it is due at 10:30 Paris (09:30 UTC). Relais's clock reads 10:00.
    const row = async () => (await h.owner.get('/api/v1/conversations')).body.conversations[0];
    expect(await row()).toMatchObject({ surface: 'messenger', dueAt: T0 + H, slaState: 'ok' });
    h.relais.clock.advance(20 * 60_000); // 10:20: 10 minutes left, under the 15-minute warning
    expect((await row()).slaState).toBe('due_soon');
    h.relais.clock.advance(20 * 60_000); // 10:40: past due
    expect((await row()).slaState).toBe('breached');
    await h.owner.post(`/api/v1/conversations/${conversationId}/messages`, { text: 'On regarde', visibility: 'note' });
    expect((await row()).slaState).toBe('breached');
    await h.owner.post(`/api/v1/conversations/${conversationId}/messages`, { text: 'Bonjour, elle part aujourd’hui.', visibility: 'private' });
    // Answered: no reply is owed any more (the resolution clock still runs, so the state is ok).
    expect(await row()).toMatchObject({ dueAt: null, slaState: 'ok' });
  });

  it('records a note without sending anything, with its mentions', async () => {
    const karim = (await agent.get('/api/v1/me')).body.user.id;
    const note = await h.owner.post(`/api/v1/conversations/${conversationId}/messages`, { text: '@Karim tu peux regarder ?', visibility: 'note', mentions: [karim] });
    expect(note.body).toEqual({ messageId: expect.any(String), outboundId: null });
    const thread = (await h.owner.get(`/api/v1/conversations/${conversationId}`)).body.messages;
    expect(thread[1]).toMatchObject({ kind: 'note', authorName: 'Léa Martin', meta: { mentions: [karim] }, delivery: [] });
    expect(await h.relais.store.db.selectFrom('outbound').select('id').execute()).toEqual([]);
  });
});
