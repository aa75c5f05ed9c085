import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addMember } from '../http/testing.ts';
import { startMetaHarness, type MetaHarness } from '../inbox/testing.ts';
import { waitFor } from '../jobs/testing.ts';
import { insertCheckout, insertOrder, insertShop, insertShopCustomer } from '../commerce/testing.ts';

// The shop privacy webhooks reach this module as `privacy.shop_request` jobs; SQLite is enough here
// (erasure.test.ts scans both databases).
describe('shop privacy requests', () => {
  let h: MetaHarness;
  let shopId: string;
  beforeEach(async () => {
    h = await startMetaHarness('sqlite');
    shopId = await insertShop(h.relais.store.db, h.workspaceId);
  });
  afterEach(async () => { await h.dispose(); });
  const db = () => h.relais.store.db;
  const now = () => h.relais.clock.now();

  async function customer(externalId: string, email: string) {
    const contactId = `contact-${externalId}`;
    await db().insertInto('contacts').values({ workspace_id: h.workspaceId, id: contactId, name: `Client ${externalId}`, email, phone: null, avatar_url: null, created_at: now(), updated_at: now() }).execute();
    const customerId = await insertShopCustomer(db(), h.workspaceId, shopId, { externalId, email, contactId });
    await insertOrder(db(), h.workspaceId, shopId, { externalId: `o-${externalId}`, email, shopCustomerId: customerId, contactId, placedAt: now() });
    await insertCheckout(db(), h.workspaceId, shopId, { email, shopCustomerId: customerId, updatedAt: now() });
    return contactId;
  }
  const run = async (topic: string, body: unknown) => {
    await h.relais.queue.enqueue('privacy.shop_request', { workspaceId: h.workspaceId, channelId: shopId, topic, body });
    await waitFor(async () => (await db().selectFrom('jobs').select('id').where('queue', '=', 'privacy.shop_request').where('state', '!=', 'done').execute()).length === 0, 10_000, 'the privacy job');
  };

  it('stores a customers/data_request export that admins can list and download, and agents cannot', async () => {
    await customer('501', 'anne@example.fr');
    await customer('502', 'bruno@example.fr');
    await run('customers/data_request', { shop_id: 1, shop_domain: 'x.myshopify.com', customer: { id: 501, email: 'ANNE@example.fr', phone: null }, orders_requested: ['o-501'], data_request: { id: 9 } });
    const list = await h.owner.get('/api/v1/privacy/exports');
    expect(list.body.exports).toEqual([expect.objectContaining({ source: 'shop', topic: 'customers/data_request', contacts: 1 })]);
    const download = await h.owner.get(`/api/v1/privacy/exports/${list.body.exports[0].id}`);
    expect(download.headers['content-disposition']).toContain('attachment');
    expect(download.body.contacts.map((c: any) => c.email)).toEqual(['anne@example.fr']);
    expect(download.body.orders.map((o: any) => o.email)).toEqual(['anne@example.fr']);
    expect(JSON.stringify(download.body)).not.toContain('bruno');
    const agent = await addMember(h.relais.app, h.owner, 'agent@boutique-lea.fr', 'agent');
    expect((await agent.get('/api/v1/privacy/exports')).status).toBe(403);
    expect((await agent.post('/api/v1/contacts/contact-501/export')).status).toBe(403);
    expect((await agent.post('/api/v1/contacts/contact-501/erase', { confirm: true })).status).toBe(403);
    expect((await h.owner.get('/api/v1/privacy/exports/nope')).status).toBe(404);
    const audit = (await db().selectFrom('audit_log').select(['action', 'actor_type']).where('action', 'like', 'privacy.%').execute());
    expect(audit).toEqual([{ action: 'privacy.exported', actor_type: 'system' }]);
  });

  it('erases every customer, order and checkout of the shop on shop/redact, keeping the orders as anonymous totals', async () => {
    await customer('601', 'chloe@example.fr');
    await customer('602', 'david@example.fr');
    await run('shop/redact', { shop_id: 1, shop_domain: 'x.myshopify.com' });
    expect(await db().selectFrom('shop_customers').select('id').execute()).toEqual([]);
    expect(await db().selectFrom('checkouts').select('id').execute()).toEqual([]);
    expect(await db().selectFrom('contacts').select('id').execute()).toEqual([]);
    expect(await db().selectFrom('orders').select(['email', 'contact_id', 'total_cents']).execute()).toEqual([
      { email: null, contact_id: null, total_cents: 4900 }, { email: null, contact_id: null, total_cents: 4900 },
    ]);
  });

  it('refuses a malformed job payload without touching anything', async () => {
    await customer('701', 'emma@example.fr');
    await h.relais.queue.enqueue('privacy.shop_request', { workspaceId: h.workspaceId, channelId: shopId, topic: 'customers/everything', body: {} }, { maxAttempts: 1 });
    await waitFor(async () => (await h.relais.queue.listDead({ queue: 'privacy.shop_request' })).length === 1, 10_000, 'the job to die');
    expect(await db().selectFrom('contacts').select('id').execute()).toHaveLength(1);
  });
});
