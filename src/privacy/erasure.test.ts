import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { meta } from '../channels/testing.ts';
import { PAGE_ID, startMetaHarness, type MetaHarness } from '../inbox/testing.ts';
import { waitFor } from '../jobs/testing.ts';
import { attributeOrder } from '../commerce/index.ts';
import { insertCheckout, insertOrder, insertShop, insertShopCustomer } from '../commerce/testing.ts';
import { testDialects } from '../store/testing.ts';
import type { Db } from '../store/index.ts';

const dialects = await testDialects();

const zoe = { name: 'Zoé Quillardet', email: 'zoe.quillardet@example.fr', phone: '+33612345678', handle: 'zoe.quillardet', psid: '6199000000000777' };
const words = ['xylophone', 'ornithorynque'];
/** A file Zoé attached in the site chat, as the widget stores it (base64). */
const uploadData = Buffer.from('%PDF-1.4 facture de Zoé, 12 rue des Lilas').toString('base64');
/** What must not survive, as written and as a JSON body escapes it (Meta sends é as \u00e9). */
const traces = [zoe.name, 'Zo\\u00e9 Quillardet', 'Quillardet', zoe.email, zoe.phone, zoe.handle, zoe.psid, uploadData, ...words].map((t) => t.toLowerCase());

/** Every row of every table, found in the catalogue (tables other modules add are scanned too), as text. */
async function everyRow(db: Db, dialect: string): Promise<{ table: string; text: string }[]> {
  const rows: { table: string; text: string }[] = [];
  if (dialect === 'sqlite') {
    const tables = await sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'table'`.execute(db);
    for (const { name } of tables.rows) {
      const result = await sql<Record<string, unknown>>`SELECT * FROM ${sql.id(name)}`.execute(db);
      for (const row of result.rows) {
        const text = Object.values(row).map((v) => (Buffer.isBuffer(v) || v instanceof Uint8Array ? Buffer.from(v).toString('latin1') : String(v))).join('\u0001');
        rows.push({ table: name, text });
      }
    }
    return rows;
  }
  const tables = await sql<{ table_schema: string; table_name: string }>`SELECT table_schema, table_name FROM information_schema.tables
    WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')`.execute(db);
  for (const t of tables.rows) {
    // A whole row cast to text holds every column, tsvector included.
    const result = await sql<{ row: string }>`SELECT t::text AS row FROM ${sql.id(t.table_schema, t.table_name)} t`.execute(db);
    for (const row of result.rows) rows.push({ table: `${t.table_schema}.${t.table_name}`, text: row.row });
  }
  return rows;
}

async function tracesLeft(db: Db, dialect: string): Promise<string[]> {
  const found: string[] = [];
  for (const row of await everyRow(db, dialect)) {
    const text = row.text.toLowerCase();
    for (const trace of traces) if (text.includes(trace)) found.push(`${row.table}: ${trace}`);
  }
  return [...new Set(found)];
}

describe.each(dialects)('erasure on %s', (dialect) => {
  let h: MetaHarness;
  beforeEach(async () => { h = await startMetaHarness(dialect); });
  afterEach(async () => { await h.dispose(); });
  const db = () => h.relais.store.db;

  /** Zoé writes on Messenger, an agent answers and notes, her order and cart are in the shop; a second customer too. */
  async function seedCustomer() {
    const now = h.relais.clock.now();
    await h.post(meta.page(meta.message(PAGE_ID, { psid: zoe.psid, mid: 'm_zoe_1', text: `Bonjour, c'est ${zoe.name}, mon xylophone est arrivé cassé`, at: now })));
    await h.post(meta.page(meta.message(PAGE_ID, { psid: zoe.psid, mid: 'm_zoe_2', text: 'Un ornithorynque en peluche aussi', at: now + 1000 })));
    await h.post(meta.page(meta.message(PAGE_ID, { psid: '6199000000000888', mid: 'm_other_1', text: 'Le colis bergamote est parfait', at: now + 2000 })));
    await h.settle();
    const conversation = await db().selectFrom('conversations').select(['id', 'contact_id']).where('external_thread_id', 'like', `%${zoe.psid}%`).executeTakeFirstOrThrow();
    const contactId = conversation.contact_id!;
    await db().updateTable('contacts').set({ name: zoe.name, email: zoe.email, phone: zoe.phone }).where('id', '=', contactId).execute();
    await db().updateTable('identities').set({ handle: zoe.handle, display_name: zoe.name }).where('contact_id', '=', contactId).execute();

    expect((await h.owner.post(`/api/v1/conversations/${conversation.id}/messages`, { text: `Bonjour ${zoe.name}, désolés pour le xylophone !`, visibility: 'private' })).status).toBe(201);
    expect((await h.owner.post(`/api/v1/contacts/${contactId}/notes`, { text: `Rappeler ${zoe.name} au ${zoe.phone}` })).status).toBe(201);
    const firstMessage = await db().selectFrom('messages').select(['id', 'text']).where('external_id', '=', 'm_zoe_1').executeTakeFirstOrThrow();
    expect((await h.owner.post(`/api/v1/messages/${firstMessage.id}/classification`, { sentiment: 'negative' })).status).toBe(204);
    const at = h.relais.clock.now();
    await db().insertInto('message_revisions').values({ workspace_id: h.workspaceId, id: `rev-${at}`, message_id: firstMessage.id, text: 'Mon xylophone, version 1', status: 'visible', source: 'platform', created_at: at }).execute();
    await db().insertInto('moderation_log').values({
      workspace_id: h.workspaceId, id: `mod-${at}`, message_id: firstMessage.id, conversation_id: conversation.id, action: 'hide', actor_type: 'user', actor_id: null,
      reason: `insulte de ${zoe.name}`, clause: 'respect', snapshot: JSON.stringify({ text: firstMessage.text }), created_at: at,
    }).execute();
    await db().insertInto('audit_log').values({ workspace_id: h.workspaceId, id: `audit-${at}`, actor_type: 'system', actor_id: null, action: 'contact.linked', target_type: 'contact', target_id: contactId, data: JSON.stringify({ email: zoe.email }), ip: null, created_at: at }).execute();

    const shopId = await insertShop(db(), h.workspaceId);
    const customerId = await insertShopCustomer(db(), h.workspaceId, shopId, { externalId: '7001', email: zoe.email, phone: zoe.phone, firstName: 'Zoé', lastName: 'Quillardet', contactId });
    const orderId = await insertOrder(db(), h.workspaceId, shopId, { externalId: '9001', shopCustomerId: customerId, contactId, email: zoe.email, phone: zoe.phone, totalCents: 12900, placedAt: at + 60_000, landingSite: `/?utm_source=facebook&email=${zoe.email}` });
    await insertCheckout(db(), h.workspaceId, shopId, { shopCustomerId: customerId, email: zoe.email, phone: zoe.phone, updatedAt: at });
    await attributeOrder({ db: db(), clock: h.relais.clock }, h.workspaceId, orderId);
    await seedNewerTables(contactId, conversation.id, firstMessage.id, at);
    return { contactId, conversationId: conversation.id, shopId, orderId };
  }

  /**
   * What the features merged beside privacy keep about her: a site-chat visitor the shop
   * vouched for, an earlier anonymous visitor who only left her email (its thread now hers),
   * a file from each; a rule's firing on her message and the bell it rang for the owner.
   */
  async function seedNewerTables(contactId: string, conversationId: string, messageId: string, at: number) {
    const visitor = { workspace_id: h.workspaceId, channel_id: h.channelId, customer_id: null, cart_token: null, visitor_read_at: null, agent_read_at: null, created_at: at, updated_at: at };
    await db().insertInto('webchat_visitors').values([
      { ...visitor, id: 'v_zoe_verified', contact_id: contactId, identity_status: 'verified', email: zoe.email, name: zoe.name, customer_id: '7001' },
      { ...visitor, id: 'v_zoe_anonymous', contact_id: null, identity_status: 'unverified', email: zoe.email, name: null },
    ]).execute();
    await db().insertInto('conversations').values({
      workspace_id: h.workspaceId, id: `conv-webchat-${at}`, channel_id: h.channelId, contact_id: contactId, kind: 'private', status: 'open', external_thread_id: 'webchat:v_zoe_anonymous',
      subject: null, assignee_id: null, priority: 0, snoozed_until: null, last_message_at: at, created_at: at, updated_at: at, post_id: null, last_inbound_at: at, linked_conversation_id: null,
    }).execute();
    const upload = { workspace_id: h.workspaceId, channel_id: h.channelId, content_type: 'application/pdf', size: 40, data: uploadData, created_at: at };
    await db().insertInto('webchat_uploads').values([
      { ...upload, id: 'up-1', visitor_id: 'v_zoe_verified', access_key: 'k1', name: 'photo-xylophone.pdf' },
      { ...upload, id: 'up-2', visitor_id: 'v_zoe_anonymous', access_key: 'k2', name: 'ornithorynque.pdf' },
    ]).execute();
    await db().insertInto('rule_firings').values({
      workspace_id: h.workspaceId, id: `firing-${at}`, event_key: `message_received:${messageId}`, position: 0, rule_id: 'rule-1', rule_version: 1, rule_name: 'Colis cassé',
      event: 'message_received', conversation_id: conversationId, message_id: messageId, actions: JSON.stringify([{ type: 'notify', to: { kind: 'admins' } }]),
      outcomes: JSON.stringify([{ type: 'notify', status: 'done', detail: '1' }]), created_at: at, completed_at: at,
    }).execute();
    const me = (await h.owner.get('/api/v1/me')).body;
    await db().insertInto('notifications').values({
      workspace_id: h.workspaceId, id: `notif-${at}`, user_id: me.user.id, kind: 'rule', source_key: `firing-${at}:0`, conversation_id: conversationId, message_id: messageId,
      data: JSON.stringify({ ruleId: 'rule-1', ruleName: 'Colis cassé', version: 1, excerpt: 'mon xylophone est arrivé cassé' }), created_at: at, read_at: null,
    }).execute();
  }

  it('leaves no trace of an erased customer in any table, the search index or the job payloads, and keeps the anonymous counts', async () => {
    const seeded = await seedCustomer();
    const exported = await h.owner.post(`/api/v1/contacts/${seeded.contactId}/export`);
    expect(exported.status).toBe(200);
    expect(exported.headers['content-disposition']).toMatch(/^attachment; filename="relais-export-/);
    expect(exported.body.contacts[0]).toMatchObject({ name: zoe.name, email: zoe.email, identities: [expect.objectContaining({ handle: zoe.handle })], notes: [expect.objectContaining({ text: expect.stringContaining(zoe.phone) })] });
    expect(exported.body.conversations[0].messages.map((m: any) => m.text)).toEqual(expect.arrayContaining([expect.stringContaining('xylophone'), 'Un ornithorynque en peluche aussi']));
    expect(exported.body.conversations[0].moderation).toHaveLength(1);
    expect(exported.body.orders).toEqual([expect.objectContaining({ email: zoe.email, total_cents: 12900 })]);
    expect(exported.body.webchatVisitors).toEqual(expect.arrayContaining([
      expect.objectContaining({ id: 'v_zoe_verified', email: zoe.email, name: zoe.name, files: [expect.objectContaining({ name: 'photo-xylophone.pdf', content_type: 'application/pdf' })] }),
      expect.objectContaining({ id: 'v_zoe_anonymous', email: zoe.email, files: [expect.objectContaining({ name: 'ornithorynque.pdf' })] }),
    ]));
    expect(await tracesLeft(db(), dialect)).not.toEqual([]);
    const countsBefore = await counts();

    // The shop's customers/redact, as the shop intake enqueues it: its own payload names her too.
    await h.relais.queue.enqueue('privacy.shop_request', { workspaceId: h.workspaceId, channelId: seeded.shopId, topic: 'customers/redact', body: { shop_id: 1, shop_domain: 'x.myshopify.com', customer: { id: 7001, email: zoe.email, phone: zoe.phone }, orders_to_redact: [9001] } });
    await waitFor(async () => (await db().selectFrom('audit_log').select('id').where('action', '=', 'privacy.erased').execute()).length === 1, 15_000, 'the erasure');

    expect(await tracesLeft(db(), dialect)).toEqual([]);
    expect(await db().selectFrom('webchat_visitors').select('id').execute()).toEqual([]);
    expect(await db().selectFrom('notifications').select('id').execute()).toEqual([]);
    expect(await db().selectFrom('rule_firings').select('rule_name').execute()).toEqual([{ rule_name: 'Colis cassé' }]);
    expect(await h.relais.store.searchMessages(h.workspaceId, 'xylophone')).toEqual([]);
    expect(await h.relais.store.searchMessages(h.workspaceId, 'bergamote')).toHaveLength(1);
    expect(await counts()).toEqual({ ...countsBefore, contacts: countsBefore.contacts - 1, shopCustomers: 0 });
    const moderation = await db().selectFrom('moderation_log').select(['action', 'clause', 'snapshot', 'reason']).execute();
    expect(moderation).toEqual([{ action: 'hide', clause: 'respect', snapshot: '{"redacted":true}', reason: null }]);
    await expect(db().updateTable('moderation_log').set({ clause: 'autre' }).execute()).rejects.toThrow(/append-only/);
    const report = await h.owner.get('/api/v1/reports/attribution?from=2026-11-01&to=2026-11-30');
    expect(report.body.totals).toEqual([{ currency: 'EUR', orders: 1, revenueCents: 12900 }]);
  });

  it('erases from the console action, with a confirmation and an audit line, for admins only', async () => {
    const seeded = await seedCustomer();
    expect((await h.owner.post(`/api/v1/contacts/${seeded.contactId}/erase`, {})).status).toBe(400);
    expect(await db().selectFrom('contacts').select('id').where('id', '=', seeded.contactId).execute()).toHaveLength(1);
    const conversationIds = (await db().selectFrom('conversations').select('id').where('contact_id', '=', seeded.contactId).execute()).map((c) => c.id);
    await db().updateTable('conversations').set({ priority: 2, status: 'open', snoozed_until: null }).where('id', 'in', conversationIds).execute();
    const heard: unknown[] = [];
    const unsubscribe = h.relais.bus.subscribe(h.workspaceId, (event) => { if (event.type === 'conversation.updated') heard.push(event.data); });
    const erased = await h.owner.post(`/api/v1/contacts/${seeded.contactId}/erase`, { confirm: true });
    unsubscribe();
    expect(erased.status).toBe(200);
    expect(erased.body).toMatchObject({ contacts: 1, conversations: 2, orders: 1 });
    // Open screens are told, and the anonymous conversations are closed and off the clocks.
    expect(heard).toEqual(expect.arrayContaining(conversationIds.map((conversationId) => expect.objectContaining({ conversationId }))));
    const after = await db().selectFrom('conversations').select(['status', 'priority', 'assignee_id', 'snoozed_until']).where('id', 'in', conversationIds).execute();
    expect(after).toEqual(conversationIds.map(() => ({ status: 'resolved', priority: 0, assignee_id: null, snoozed_until: null })));
    expect(await tracesLeft(db(), dialect)).toEqual([]);
    const audit = (await h.owner.get('/api/v1/audit')).body;
    expect(JSON.stringify(audit)).toContain('privacy.erased');
    expect((await h.owner.post(`/api/v1/contacts/${seeded.contactId}/erase`, { confirm: true })).status).toBe(404);
  });

  async function counts() {
    const n = async (table: 'conversations' | 'messages' | 'contacts' | 'orders' | 'order_attributions' | 'shop_customers') =>
      Number((await db().selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    return { conversations: await n('conversations'), messages: await n('messages'), contacts: await n('contacts'), orders: await n('orders'), attributions: await n('order_attributions'), shopCustomers: await n('shop_customers') };
  }
});
