import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meta } from '../channels/testing.ts';
import { testDialects } from '../store/testing.ts';
import { PAGE_ID, startMetaHarness, type MetaHarness } from '../inbox/testing.ts';

const dialects = await testDialects();

// Sends are idempotent the way Stripe's API is: a key per send, the same key and body answer
// the first answer, the same key with another body is refused.
describe.each(dialects)('idempotent sends on %s', (dialect) => {
  let h: MetaHarness;
  let url = '';
  let conversationId = '';

  beforeAll(async () => {
    h = await startMetaHarness(dialect);
    await h.post(meta.page(meta.message(PAGE_ID, { psid: '7770001', mid: 'm_1', text: 'Bonjour, où est mon colis ?', at: Date.UTC(2026, 10, 23, 8) })));
    await h.settle();
    conversationId = (await h.owner.get('/api/v1/conversations')).body.conversations[0].id;
    url = `/api/v1/conversations/${conversationId}/messages`;
  });
  afterAll(async () => { await h?.dispose(); });

  const notes = async () => (await h.relais.store.db.selectFrom('messages').select('text').where('kind', '=', 'note').orderBy('seq').execute()).map((row) => row.text);
  const post = (body: object, headers: Record<string, string> = {}) => h.owner.request('POST', url, body, { headers });

  it('requires a key on every send, and says so', async () => {
    const cookies = [...h.owner.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    const reply = await h.relais.app.inject({ method: 'POST', url, headers: { cookie: cookies, 'x-csrf-token': h.owner.cookies.get('relais_csrf')! }, payload: { text: 'Sans clé', visibility: 'note' } });
    expect(reply.statusCode).toBe(400);
    expect(reply.json().error.code).toBe('idempotency.key_required');
    const move = await h.relais.app.inject({ method: 'POST', url: `/api/v1/conversations/${conversationId}/move-to-private`, headers: { cookie: cookies, 'x-csrf-token': h.owner.cookies.get('relais_csrf')! }, payload: { publicText: 'En DM' } });
    expect(move.json().error.code).toBe('idempotency.key_required');
    expect(await notes()).not.toContain('Sans clé');
  });

  it('answers the first answer again for the same key and body, and stores one message', async () => {
    const body = { text: 'Note unique', visibility: 'note', idempotencyKey: 'note-key-000001' };
    const first = await post(body);
    const again = await post({ visibility: 'note', text: 'Note unique', idempotencyKey: 'note-key-000001' });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect((await notes()).filter((text) => text === 'Note unique')).toHaveLength(1);
  });

  it('refuses the same key with a different body: 409 idempotency.conflict, nothing sent', async () => {
    await post({ text: 'Premier texte', visibility: 'note' }, { 'idempotency-key': 'header-key-0002' });
    const reused = await post({ text: 'Autre texte', visibility: 'note' }, { 'idempotency-key': 'header-key-0002' });
    expect(reused.status).toBe(409);
    expect(reused.body.error.code).toBe('idempotency.conflict');
    const elsewhere = await h.owner.request('POST', `/api/v1/conversations/${conversationId}/move-to-private`, { publicText: 'Premier texte' }, { headers: { 'idempotency-key': 'header-key-0002' } });
    expect(elsewhere.body.error.code).toBe('idempotency.conflict');
    expect(await notes()).not.toContain('Autre texte');
  });

  it('refuses a header key and a body key that differ', async () => {
    const reply = await post({ text: 'Deux clés', visibility: 'note', idempotencyKey: 'body-key-00003' }, { 'idempotency-key': 'header-key-0003' });
    expect(reply.status).toBe(400);
    expect(await notes()).not.toContain('Deux clés');
  });

  it('sends a double submit once', async () => {
    const body = { text: 'Double clic', visibility: 'note', idempotencyKey: 'double-click-04' };
    const replies = await Promise.all([post(body), post(body), post(body)]);
    for (const reply of replies) expect([201, 409]).toContain(reply.status);
    expect(replies.filter((reply) => reply.status === 409).every((reply) => reply.body.error.code === 'idempotency.in_progress')).toBe(true);
    expect((await notes()).filter((text) => text === 'Double clic')).toHaveLength(1);
  });

  it('forgets the key of a failed send, so the client may retry it', async () => {
    const missing = await h.owner.request('POST', '/api/v1/conversations/01jx0000000000000000000000/messages', { text: 'Perdu', visibility: 'note' }, { headers: { 'idempotency-key': 'retry-key-00005' } });
    expect(missing.status).toBe(404);
    const retried = await h.owner.request('POST', '/api/v1/conversations/01jx0000000000000000000000/messages', { text: 'Perdu', visibility: 'note' }, { headers: { 'idempotency-key': 'retry-key-00005' } });
    expect(retried.status).toBe(404);
    expect(retried.body.error.code).toBe('conversation.not_found');
  });

  it('takes over a key left running by a process that died', async () => {
    const fresh = await post({ text: 'Reprise', visibility: 'note' }, { 'idempotency-key': 'crashed-key-006' });
    expect(fresh.status).toBe(201);
    // As if the process had died after claiming the key: no answer recorded, claimed long ago.
    await h.relais.store.db.updateTable('idempotency_keys').set({ status: null, response: null, created_at: h.relais.clock.now() - 120_000 }).where('key', '=', 'crashed-key-006').execute();
    await h.relais.store.db.deleteFrom('messages').where('text', '=', 'Reprise').execute();
    const again = await post({ text: 'Reprise', visibility: 'note' }, { 'idempotency-key': 'crashed-key-006' });
    expect(again.status).toBe(201);
    expect((await notes()).filter((text) => text === 'Reprise')).toHaveLength(1);
  });
});
