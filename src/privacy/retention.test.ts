import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meta } from '../channels/testing.ts';
import { PAGE_ID, startMetaHarness, type MetaHarness } from '../inbox/testing.ts';
import { waitFor } from '../jobs/testing.ts';
import { testDialects } from '../store/testing.ts';
import { applyRetention, RETENTION_QUEUE } from './retention.ts';

const dialects = await testDialects();
const DAY = 86_400_000;

// A shop keeps conversations for 12 months: the daily job anonymises what is older, deletes
// old site-chat files and raw deliveries, keeps the rest untouched, and says what it did.
describe.each(dialects)('retention on %s', (dialect) => {
  let h: MetaHarness;
  beforeAll(async () => { h = await startMetaHarness(dialect); }, 30_000);
  afterAll(async () => { await h?.dispose(); });
  const db = () => h.relais.store.db;

  async function dm(psid: string, mid: string, text: string) {
    const at = h.relais.clock.now();
    expect((await h.post(meta.page(meta.message(PAGE_ID, { psid, mid, text, at })))).status).toBe(200);
    await h.settle();
    return (await db().selectFrom('messages').select(['id', 'conversation_id']).where('external_id', '=', mid).executeTakeFirstOrThrow());
  }

  it('is off by default, validated, and only for admins', async () => {
    expect((await h.owner.get('/api/v1/privacy/retention')).body).toMatchObject({ months: null, version: 0 });
    const bad = await h.owner.request('PUT', '/api/v1/privacy/retention', { months: 0 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('request.invalid');
    expect((await h.owner.get('/api/v1/privacy/retention')).body.months).toBeNull();
  });

  it('anonymises conversations idle past the period, deletes old files and deliveries, and keeps the recent ones', async () => {
    const now = h.relais.clock.now();
    h.relais.clock.set(now - 400 * DAY);
    const old = await dm('psid-retention-old', 'm_retention_old', 'Ma commande 4512 est arrivée cassée, je suis Zoé');
    await db().insertInto('webchat_uploads').values({ workspace_id: h.workspaceId, id: 'up_old', channel_id: h.channelId, visitor_id: 'v1', access_key: 'k', name: 'facture.pdf', content_type: 'application/pdf', size: 3, data: 'eA==', created_at: h.relais.clock.now() }).execute();
    h.relais.clock.set(now - 10 * DAY);
    const recent = await dm('psid-retention-new', 'm_retention_new', 'Bonjour, avez-vous la robe en lin en 38 ?');
    h.relais.clock.set(now);

    const saved = await h.owner.request('PUT', '/api/v1/privacy/retention', { months: 12 });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ months: 12, version: 1 });

    await h.relais.queue.enqueue(RETENTION_QUEUE, {});
    await waitFor(async () => (await db().selectFrom('audit_log').select('id').where('action', '=', 'privacy.retention_applied').execute()).length === 1, 15_000, 'the retention job');

    const oldMessage = await db().selectFrom('messages').select(['text', 'external_id']).where('id', '=', old.id).executeTakeFirstOrThrow();
    expect(oldMessage).toEqual({ text: '', external_id: null });
    const oldConversation = await db().selectFrom('conversations').select(['contact_id', 'status']).where('id', '=', old.conversation_id).executeTakeFirstOrThrow();
    expect(oldConversation).toEqual({ contact_id: null, status: 'resolved' });
    expect((await db().selectFrom('messages').select('text').where('id', '=', recent.id).executeTakeFirstOrThrow()).text).toContain('robe en lin');
    expect(await db().selectFrom('webchat_uploads').select('id').where('id', '=', 'up_old').execute()).toEqual([]);
    const deliveries = await db().selectFrom('inbound_events').select('body').execute();
    expect(deliveries.some((d) => d.body.includes('m_retention_old'))).toBe(false);
    expect(deliveries.some((d) => d.body.includes('m_retention_new'))).toBe(true);
    expect(await h.relais.store.searchMessages(h.workspaceId, 'cassée')).toEqual([]);

    const audit = await db().selectFrom('audit_log').select('data').where('action', '=', 'privacy.retention_applied').executeTakeFirstOrThrow();
    expect(JSON.parse(audit.data)).toMatchObject({ months: 12, conversations: 1, messages: 1, uploads: 1, deliveries: 1 });

    // A second pass finds nothing left to do and writes nothing.
    const { relais } = h;
    const again = await applyRetention({ db: relais.store.db, dialect: relais.store.dialect, clock: relais.clock, queue: relais.queue, logger: relais.logger, bus: relais.bus }, h.workspaceId, 12);
    expect(again).toEqual({ conversations: 0, messages: 0, uploads: 0, deliveries: 0 });
    expect(await db().selectFrom('audit_log').select('id').where('action', '=', 'privacy.retention_applied').execute()).toHaveLength(1);
  });
});
